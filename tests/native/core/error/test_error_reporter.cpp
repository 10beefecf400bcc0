// ErrorReporter: each problem once, alternating problems once each, again after clear().

#include "core/error/error_reporter.h"
#include "helpers/output_capture.h"

#include <doctest/doctest.h>

using namespace godot;

TEST_CASE("ErrorReporter: a problem is said once until the state changes") {
	ErrorReporter reporter;
	StderrCapture capture;
	for (int frame = 0; frame < 60; frame++) {
		CHECK(reporter.report("PacketPeerUDP", "get_packet", ERR_UNAVAILABLE, "no packet is waiting") == ERR_UNAVAILABLE);
		reporter.report("PacketPeerUDP", "put_packet", ERR_UNCONFIGURED, "not connected");
	}
	reporter.report("UDPServer", "poll", OK, "a note");
	reporter.clear();
	reporter.report("PacketPeerUDP", "get_packet", ERR_UNAVAILABLE, "no packet is waiting");
	const String printed = capture.finish();
	const String first = "PacketPeerUDP.get_packet: no packet is waiting (ERR_UNAVAILABLE)";
	const size_t at = printed.find(first);
	REQUIRE(at != String::npos);
	CHECK(printed.find(first, at + 1) != String::npos); // After clear(), once more.
	CHECK(printed.find(first, printed.find(first, at + 1) + 1) == String::npos);
	const String other = "PacketPeerUDP.put_packet: not connected (ERR_UNCONFIGURED)";
	const size_t put = printed.find(other);
	REQUIRE(put != String::npos);
	CHECK(printed.find(other, put + 1) == String::npos);
	CHECK(printed.find("UDPServer.poll: a note\n") != String::npos);
}
