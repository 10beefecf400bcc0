// IPAddress: literals, the wildcard, host names refused, multicast ranges.

#include "core/io/ip_address.h"

#include <doctest/doctest.h>

using namespace godot;

TEST_CASE("[IPAddress] literals, wildcard and host names") {
	CHECK(IPAddress("*").is_wildcard());
	CHECK_FALSE(IPAddress("*").is_valid());

	const IPAddress v4("127.0.0.1");
	CHECK(v4.is_valid());
	CHECK(v4.is_ipv4());
	CHECK(v4.to_string() == "127.0.0.1");

	const IPAddress v6("::1");
	CHECK(v6.is_valid());
	CHECK_FALSE(v6.is_ipv4());
	CHECK(v6.to_string() == "::1");

	// IPv4 is stored v4-mapped, so both spellings are the same address.
	CHECK(IPAddress("::ffff:10.0.0.1") == IPAddress("10.0.0.1"));
	CHECK(IPAddress("::ffff:10.0.0.1").to_string() == "10.0.0.1");
	CHECK(IPAddress("2001:DB8:0:0:0:0:0:1").to_string() == "2001:db8::1");

	for (const char *bad : { "localhost", "example.com", "1.2.3", "256.1.1.1", "", "1.2.3.4.5", ":::", "fe80::1%lo" }) {
		CAPTURE(bad);
		CHECK_FALSE(IPAddress(bad).is_valid());
		CHECK_FALSE(IPAddress(bad).is_wildcard());
	}

	CHECK(IPAddress("224.0.0.1").is_multicast());
	CHECK(IPAddress("ff02::1").is_multicast());
	CHECK_FALSE(IPAddress("10.0.0.1").is_multicast());
}
