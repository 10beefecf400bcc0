// DTLSServer's report of sources that never come back with their cookie: one line, then sums.

#include "cookie_wait_log.h"
#include "helpers/dtls_engine_test_helpers.h"
#include "helpers/dtls_test_helpers.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace godot;
using namespace dtls_test;

namespace {

size_t count_occurrences(const String &p_text, const String &p_needle) {
	size_t count = 0;
	for (size_t at = p_text.find(p_needle); at != String::npos; at = p_text.find(p_needle, at + 1)) {
		count++;
	}
	return count;
}

} // namespace

TEST_CASE("[CookieWaitLog] the first timeout is printed, later ones are summed up at most every 10 s") {
	CookieWaitLog log;
	StderrCapture capture;
	log.note_timeout("10.0.0.1:4000", 30000, 1000);
	for (int i = 0; i < 5; i++) {
		log.note_timeout("10.0.0.2:4000", 30000, 2000 + uint64_t(i) * 1000);
	}
	CHECK(log.get_unreported_count() == 5);
	log.note_timeout("10.0.0.3:4000", 30000, 1000 + CookieWaitLog::SUMMARY_INTERVAL_MS);
	const String printed = capture.finish();
	CHECK(std::count(printed.begin(), printed.end(), '\n') == 2);
	CHECK(printed.find("10.0.0.1:4000 sent a ClientHello and did not come back with its cookie within 30 s") != String::npos);
	CHECK(printed.find("6 more sources did not come back with their cookie in the last 10 s") != String::npos);
	CHECK(log.get_unreported_count() == 0);
}

TEST_CASE("[CookieWaitLog] cookie-less sources that time out print one line, not one each") {
	dtls::DTLSSession::Settings settings;
	settings.handshake_timeout_ms = 200;
	TestServer server(ec_identity(), settings);
	const std::vector<uint8_t> hello = make_client_hello();
	REQUIRE_FALSE(hello.empty());

	constexpr int SOURCES = 20;
	std::vector<Ref<PacketPeerUDP>> sources;
	StderrCapture capture;
	for (int i = 0; i < SOURCES; i++) {
		Ref<PacketPeerUDP> source;
		source.instantiate();
		REQUIRE(source->connect_to_host("127.0.0.1", server.port()) == OK);
		REQUIRE(source->put_packet(hello.data(), int(hello.size())) == OK);
		sources.push_back(source);
	}
	const auto all_timed_out = [&]() {
		return server.peers.size() == size_t(SOURCES) && std::all_of(server.peers.begin(), server.peers.end(), [](const Ref<PacketPeerDTLS> &p_peer) {
			return p_peer->get_status() == PacketPeerDTLS::STATUS_ERROR;
		});
	};
	REQUIRE(pump_until([&]() { server.pump(); }, all_timed_out, 5000));
	const String printed = capture.finish();
	CHECK(count_occurrences(printed, "did not come back with its cookie") == 1);
	CHECK(count_occurrences(printed, "PacketPeerDTLS (server side") == 0);
}
