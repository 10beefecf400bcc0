// IP at the C++ level: the resolver worker answers a queued "localhost", a query erased while
// in flight never receives a stale answer, and destroying IP with lookups pending joins the
// worker cleanly (the sanitizer build checks for races and leaks).

#include "core/io/ip.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace godot;

namespace ip_test {

IP::ResolverStatus wait_for(IP &p_ip, int p_id) {
	for (int i = 0; i < 500 && p_ip.get_resolve_item_status(p_id) == IP::RESOLVER_STATUS_WAITING; i++) {
		std::this_thread::sleep_for(std::chrono::milliseconds(10));
	}
	return p_ip.get_resolve_item_status(p_id);
}

} // namespace ip_test

TEST_CASE("IP: a queued localhost lookup completes on the worker") {
	IP ip;
	const int id = ip.resolve_hostname_queue_item("localhost", IP::TYPE_IPV4);
	REQUIRE(id != IP::RESOLVER_INVALID_ID);
	CHECK(ip_test::wait_for(ip, id) == IP::RESOLVER_STATUS_DONE);
	CHECK(ip.get_resolve_item_address(id) == "127.0.0.1");
	ip.erase_resolve_item(id);
	CHECK(ip.resolve_hostname_addresses("localhost", IP::TYPE_IPV4).size() == 1);
}

TEST_CASE("IP: a reused slot never gets the previous query's answer") {
	IP ip;
	const int first = ip.resolve_hostname_queue_item("localhost", IP::TYPE_IPV4);
	ip.erase_resolve_item(first);
	const int second = ip.resolve_hostname_queue_item("no-such-host.invalid", IP::TYPE_IPV4);
	CHECK(second == first);
	CHECK(ip_test::wait_for(ip, second) == IP::RESOLVER_STATUS_ERROR);
	CHECK(ip.get_resolve_item_address(second) == "");
}

TEST_CASE("IP: destroyed with lookups pending, it stops its worker") {
	IP *ip = memnew(IP);
	for (int i = 0; i < 8; i++) {
		ip->resolve_hostname_queue_item("localhost", IP::TYPE_ANY);
	}
	memdelete(ip); // Must return promptly, with no thread left running.
}
