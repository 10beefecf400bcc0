// Tests of the DTLS core's packet sizes and session edges, as Godot shows them: full 16 KiB
// records in one datagram, the largest unfragmented packet, a close_notify that arrives behind
// packets, the idle timeout and the handshake retransmission timer. Two sessions wired in memory
// (dtls_core_link.h); time is injected through now_ms except in the tests that need a
// retransmission, because OpenSSL 3.0 runs retransmission timers on its own wall clock.

#include "helpers/dtls_core_link.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace godot::dtls;
using namespace dtls_core_test;

namespace {

// DTLS record header (13) + AES-GCM explicit nonce (8) and tag (16): the largest overhead of
// the suites DTLSContext allows.
constexpr size_t MAX_RECORD_OVERHEAD = 13 + 8 + 16;
// OpenSSL 3.0 treats a timer with less than 15 ms left as expired; 1 more for rounding.
constexpr double TIMER_EARLY_MS = 16;

std::vector<uint8_t> pattern(size_t p_size, uint8_t p_seed) {
	std::vector<uint8_t> bytes(p_size);
	for (size_t i = 0; i < p_size; i++) {
		bytes[i] = static_cast<uint8_t>(i * 31 + p_seed);
	}
	return bytes;
}

} // namespace

TEST_CASE("[DTLS] A 16384-byte packet is one record in one datagram, both ways; the handshake stays within the MTU") {
	Link link;
	REQUIRE(link.connect());
	CHECK(link.to_client.largest <= 1200);
	CHECK(link.to_server.largest <= 1200);

	const std::vector<uint8_t> largest = pattern(DTLSSession::MAX_PACKET_SIZE, 1);
	REQUIRE(link.client->send_packet(largest.data(), largest.size()) == DTLSSession::SEND_OK);
	REQUIRE(link.to_server.datagrams.size() == 1);
	const size_t datagram = link.to_server.datagrams.front().size();
	CHECK(datagram > DTLSSession::MAX_PACKET_SIZE);
	CHECK(datagram <= DTLSSession::MAX_PACKET_SIZE + MAX_RECORD_OVERHEAD);
	link.deliver_to_server();
	std::vector<uint8_t> received;
	REQUIRE(link.server->pop_packet(received));
	CHECK(received == largest);

	const std::vector<uint8_t> reply = pattern(16000, 2);
	REQUIRE(link.server->send_packet(reply.data(), reply.size()) == DTLSSession::SEND_OK);
	REQUIRE(link.to_client.datagrams.size() == 1);
	link.deliver_to_client();
	REQUIRE(link.client->pop_packet(received));
	CHECK(received == reply);
	MESSAGE("a " << largest.size() << "-byte packet travels as one " << datagram << "-byte datagram");
}

TEST_CASE("[DTLS] A packet over 16384 bytes is refused and the connection stays up") {
	Link link;
	REQUIRE(link.connect());
	const std::vector<uint8_t> too_big(DTLSSession::MAX_PACKET_SIZE + 1, 0x55);
	CHECK(link.client->send_packet(too_big.data(), too_big.size()) == DTLSSession::SEND_TOO_LARGE);
	CHECK(link.server->send_packet(too_big.data(), too_big.size()) == DTLSSession::SEND_TOO_LARGE);
	CHECK(link.client->get_status() == DTLSSession::STATUS_CONNECTED);
	CHECK(link.server->get_status() == DTLSSession::STATUS_CONNECTED);
	CHECK(link.to_server.datagrams.empty());
	CHECK(link.to_client.datagrams.empty());

	const std::vector<uint8_t> after = bytes_of("still connected");
	REQUIRE(link.client->send_packet(after.data(), after.size()) == DTLSSession::SEND_OK);
	link.deliver_to_server();
	std::vector<uint8_t> received;
	REQUIRE(link.server->pop_packet(received));
	CHECK(received == after);

	CHECK(link.client->send_packet(nullptr, 0) == DTLSSession::SEND_OK);
	CHECK(link.to_server.datagrams.empty());
}

TEST_CASE("[DTLS] max_unfragmented_packet_size is the largest packet whose datagram fits max_datagram_size") {
	Link link;
	CHECK(link.client->max_unfragmented_packet_size() == 0);
	REQUIRE(link.connect());
	const size_t unfragmented = link.client->max_unfragmented_packet_size();
	CHECK(unfragmented == link.server->max_unfragmented_packet_size());
	CHECK(unfragmented >= 1200 - MAX_RECORD_OVERHEAD);
	CHECK(unfragmented < 1200);

	const std::vector<uint8_t> fits(unfragmented, 0x66);
	REQUIRE(link.client->send_packet(fits.data(), fits.size()) == DTLSSession::SEND_OK);
	CHECK(link.to_server.datagrams.back().size() <= 1200);
	const std::vector<uint8_t> one_more(unfragmented + 1, 0x67);
	REQUIRE(link.client->send_packet(one_more.data(), one_more.size()) == DTLSSession::SEND_OK);
	CHECK(link.to_server.datagrams.back().size() > 1200);
	link.deliver_to_server();
	CHECK(link.server->available_packet_count() == 2);
	MESSAGE("largest unfragmented packet at a 1200-byte datagram: " << unfragmented << " B");
}

TEST_CASE("[DTLS] A close_notify behind a packet: the packet is read while CONNECTED, DISCONNECTED comes at the next poll") {
	Link link;
	REQUIRE(link.connect());
	const std::vector<uint8_t> last = bytes_of("last words");
	REQUIRE(link.server->send_packet(last.data(), last.size()) == DTLSSession::SEND_OK);
	link.server->close();
	REQUIRE(link.to_client.datagrams.size() == 2);

	link.deliver_to_client(); // Both datagrams in one poll.
	CHECK(link.client->get_status() == DTLSSession::STATUS_CONNECTED);
	CHECK(link.client->is_peer_closing());
	REQUIRE(link.client->available_packet_count() == 1);
	// The close_notify is answered at once.
	CHECK(link.to_server.datagrams.size() == 1);
	// The peer is gone: nothing more goes out, and that is not an error.
	const std::vector<uint8_t> reply = bytes_of("too late");
	CHECK(link.client->send_packet(reply.data(), reply.size()) == DTLSSession::SEND_PEER_CLOSED);
	CHECK(link.to_server.datagrams.size() == 1);

	std::vector<uint8_t> received;
	REQUIRE(link.client->pop_packet(received));
	CHECK(received == last);
	link.client->poll(link.now_ms);
	CHECK(link.client->get_status() == DTLSSession::STATUS_DISCONNECTED);
	CHECK_FALSE(link.client->is_peer_closing());
	CHECK(link.client->last_error() == "peer sent close_notify");
	CHECK(link.client->send_packet(reply.data(), reply.size()) == DTLSSession::SEND_NOT_CONNECTED);

	SUBCASE("packets not read by then stay readable") {
		Link unread;
		REQUIRE(unread.connect());
		for (int i = 0; i < 3; i++) {
			REQUIRE(unread.server->send_packet(last.data(), last.size()) == DTLSSession::SEND_OK);
		}
		unread.server->close();
		unread.deliver_to_client();
		CHECK(unread.client->get_status() == DTLSSession::STATUS_CONNECTED);
		unread.client->poll(unread.now_ms);
		CHECK(unread.client->get_status() == DTLSSession::STATUS_DISCONNECTED);
		CHECK(unread.client->available_packet_count() == 3);
	}
	SUBCASE("close() in between sends no second close_notify") {
		Link closing;
		REQUIRE(closing.connect());
		REQUIRE(closing.server->send_packet(last.data(), last.size()) == DTLSSession::SEND_OK);
		closing.server->close();
		closing.deliver_to_client();
		REQUIRE(closing.to_server.datagrams.size() == 1);
		closing.client->close();
		CHECK(closing.client->get_status() == DTLSSession::STATUS_DISCONNECTED);
		CHECK(closing.to_server.datagrams.size() == 1);
	}
}

TEST_CASE("[DTLS] A close_notify with nothing waiting gives DISCONNECTED at once, on either side") {
	Link link;
	REQUIRE(link.connect());
	link.client->close();
	CHECK(link.client->get_status() == DTLSSession::STATUS_DISCONNECTED);
	REQUIRE(link.to_server.datagrams.size() == 1);
	link.deliver_to_server();
	CHECK(link.server->get_status() == DTLSSession::STATUS_DISCONNECTED);
	CHECK(link.server->last_error() == "peer sent close_notify");
	CHECK(link.to_client.datagrams.size() == 1); // The server answered with its own.
}

TEST_CASE("[DTLS] The idle timeout ends a connection that receives nothing, after a close_notify") {
	Link link;
	REQUIRE(link.connect());
	const uint64_t connected_at = link.now_ms;

	SUBCASE("off by default, as in Godot") {
		CHECK(link.client->get_idle_timeout() == 0);
		link.client->poll(connected_at + 24 * 3600 * 1000);
		CHECK(link.client->get_status() == DTLSSession::STATUS_CONNECTED);
	}
	SUBCASE("a silent peer ends it, and is told") {
		link.client->set_idle_timeout(5000);
		link.client->poll(connected_at + 4999);
		CHECK(link.client->get_status() == DTLSSession::STATUS_CONNECTED);
		link.client->poll(connected_at + 5000);
		CHECK(link.client->get_status() == DTLSSession::STATUS_ERROR);
		CHECK(link.client->last_error() == "idle timeout: no packet from the peer for 5000 ms");
		REQUIRE(link.to_server.datagrams.size() == 1);
		link.deliver_to_server();
		CHECK(link.server->get_status() == DTLSSession::STATUS_DISCONNECTED);
	}
	SUBCASE("each packet restarts it; forged records and garbage do not") {
		link.client->set_idle_timeout(5000);
		const std::vector<uint8_t> ping = bytes_of("ping");
		REQUIRE(link.server->send_packet(ping.data(), ping.size()) == DTLSSession::SEND_OK);
		link.now_ms = connected_at + 4000;
		link.deliver_to_client();
		link.client->poll(connected_at + 8999);
		CHECK(link.client->get_status() == DTLSSession::STATUS_CONNECTED);

		REQUIRE(link.server->send_packet(ping.data(), ping.size()) == DTLSSession::SEND_OK);
		std::vector<uint8_t> forged = link.to_client.take();
		forged.back() ^= 0x01; // Breaks the AEAD tag.
		const std::vector<uint8_t> garbage(40, 0x17);
		link.client->receive_datagram(forged.data(), forged.size());
		link.client->receive_datagram(garbage.data(), garbage.size());
		link.client->poll(connected_at + 8500);
		CHECK(link.client->available_packet_count() == 1); // Only the genuine ping.
		link.client->poll(connected_at + 9000);
		CHECK(link.client->get_status() == DTLSSession::STATUS_ERROR);
	}
	SUBCASE("set while connected, it counts from the last packet") {
		link.client->poll(connected_at + 60000);
		link.client->set_idle_timeout(1000);
		link.client->poll(connected_at + 60000);
		CHECK(link.client->get_status() == DTLSSession::STATUS_ERROR);
	}
}

TEST_CASE("[DTLS] The first handshake retransmission comes after 250 ms by default, then the interval doubles") {
	// On the real clock: OpenSSL 3.0 decides when a timer expired (up to 15 ms early).
	using Clock = std::chrono::steady_clock;
	CHECK(DTLSSession::Settings().retransmit_initial_ms == 250);
	CHECK(DTLSSession::Settings().retransmit_initial_ms == DTLSSession::DEFAULT_RETRANSMIT_INITIAL_MS);

	const auto measure = [](const DTLSSession::Settings &p_settings, size_t p_retransmissions) {
		Link link;
		REQUIRE(link.client->set_settings(p_settings));
		link.to_server.drop_all = true; // Nobody answers.
		const Clock::time_point start = Clock::now();
		link.start();
		REQUIRE(link.to_server.sent == 1);
		std::vector<double> sent_at_ms;
		while (sent_at_ms.size() < p_retransmissions && Clock::now() - start < std::chrono::seconds(5)) {
			const size_t before = link.to_server.sent;
			link.client->poll(link.now_ms);
			if (link.to_server.sent > before) {
				sent_at_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
			}
			std::this_thread::sleep_for(std::chrono::milliseconds(1));
		}
		REQUIRE(sent_at_ms.size() == p_retransmissions);
		return sent_at_ms;
	};

	const std::vector<double> by_default = measure(DTLSSession::Settings(), 3);
	MESSAGE("ClientHello retransmitted at " << by_default[0] << ", " << by_default[1] << ", " << by_default[2] << " ms");
	CHECK(by_default[0] >= 250 - TIMER_EARLY_MS);
	CHECK(by_default[0] < 1000); // Sooner than OpenSSL's own 1 s.
	CHECK(by_default[1] - by_default[0] >= 500 - TIMER_EARLY_MS);
	CHECK(by_default[2] - by_default[1] >= 1000 - TIMER_EARLY_MS);

	DTLSSession::Settings configured;
	configured.retransmit_initial_ms = 40;
	configured.retransmit_max_ms = 80;
	const std::vector<double> capped = measure(configured, 4);
	MESSAGE("at 40 ms, capped at 80 ms: " << capped[0] << ", " << capped[1] << ", " << capped[2] << ", " << capped[3] << " ms");
	CHECK(capped[0] >= 40 - TIMER_EARLY_MS);
	CHECK(capped[0] < 250);
	CHECK(capped[1] - capped[0] >= 80 - TIMER_EARLY_MS);
	CHECK(capped[3] - capped[2] >= 80 - TIMER_EARLY_MS);
	CHECK(capped[3] - capped[1] < 400); // The cap holds: 80 + 80 ms, not 160 + 320.
}

TEST_CASE("[DTLS] The client's key exchange lost while its ChangeCipherSpec and Finished arrive: the server completes on the next copy") {
	// Found joining `openssl s_server` through 10% loss (test_dtls_hostile_join.cpp): OpenSSL sends a
	// flight packed in one datagram, and again one message per datagram, so a loss can take the
	// ClientKeyExchange alone. s_server 3.0.22 then never answers again; Quickdot's server must.
	// On the real clock: OpenSSL decides when the client retransmits.
	using Clock = std::chrono::steady_clock;
	Link link;
	DTLSSession::Settings fast;
	fast.retransmit_initial_ms = 40;
	REQUIRE(link.client->set_settings(fast));
	link.server_settings = fast;
	link.start();
	link.exchange(); // ClientHello / HelloVerifyRequest, ClientHello with the cookie.
	link.deliver_to_server(); // The server's flight.
	link.deliver_to_client(); // The client's flight, packed in one datagram...
	REQUIRE(link.to_server.datagrams.size() == 1);
	link.to_server.take(); // ...is lost.
	const Clock::time_point start = Clock::now();
	const auto wait_for_client_flight = [&]() {
		while (link.to_server.datagrams.empty() && Clock::now() - start < std::chrono::seconds(3)) {
			link.client->poll(link.now_ms);
			std::this_thread::sleep_for(std::chrono::milliseconds(1));
		}
	};
	wait_for_client_flight();
	REQUIRE(link.to_server.datagrams.size() == 3); // ClientKeyExchange, ChangeCipherSpec, Finished.
	link.to_server.take(); // The key exchange is lost.
	link.deliver_to_server();
	CHECK(link.server->get_status() == DTLSSession::STATUS_HANDSHAKING);
	link.to_client.datagrams.clear(); // What the server resent meanwhile is lost too.

	wait_for_client_flight();
	link.deliver_to_server();
	CHECK(link.server->get_status() == DTLSSession::STATUS_CONNECTED);
	for (int round = 0; round < 100 && link.client->get_status() != DTLSSession::STATUS_CONNECTED; round++) {
		link.exchange();
		std::this_thread::sleep_for(std::chrono::milliseconds(5));
	}
	CHECK(link.client->get_status() == DTLSSession::STATUS_CONNECTED);
}
