// DTLSSession's handshake, records and failures (modules/openssl/dtls, without the engine): two
// sessions wired in memory through datagram sinks (helpers/dtls_core_link.h), no sockets. Keys
// and certificates come from dtls_test_helpers (OpenSSL). Time is injected through now_ms except
// in the one retransmission test, because OpenSSL 3.0 runs retransmission timers on its own wall
// clock. Record sizes, close_notify and timers are in test_dtls_session.cpp.

#include "helpers/dtls_core_link.h"
#include "helpers/dtls_test_helpers.h"

#include "dtls/cookie_exchange.h"
#include "dtls/dtls_context.h"
#include "dtls/dtls_session.h"

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

using namespace godot::dtls;
using namespace dtls_test;
using namespace dtls_core_test;

namespace {

// Three 4096-bit RSA certificates: root -> intermediate -> leaf. They share
// one key: the wire sizes are the same as with three keys, and generating
// 4096-bit keys takes seconds each.
struct LargeRsaChain {
	KeyPtr key = make_rsa_key(4096);
	CertPtr root = make_certificate("Quickdot Big Root", key.get(), nullptr, nullptr, true);
	CertPtr intermediate = make_certificate("Quickdot Big Intermediate", key.get(), root.get(), key.get(), true, 2);
	CertPtr leaf = make_certificate("localhost", key.get(), intermediate.get(), key.get(), false, 3);
};

} // namespace

TEST_CASE("[DTLS] Full handshake through the stateless cookie exchange") {
	Link link;
	REQUIRE(link.connect());

	// First ClientHello answered by a HelloVerifyRequest no larger than itself,
	// the second one accepted.
	REQUIRE(link.hello_verify_sizes.size() == 1);
	REQUIRE(link.client_hello_sizes.size() == 2);
	CHECK(link.hello_verify_sizes[0] <= link.client_hello_sizes[0]);
	MESSAGE("ClientHello " << link.client_hello_sizes[0] << " B -> HelloVerifyRequest " << link.hello_verify_sizes[0]
						   << " B; ClientHello with cookie " << link.client_hello_sizes[1] << " B");

	std::vector<uint8_t> hello = bytes_of("hello server");
	CHECK(link.client->send_packet(hello.data(), hello.size()) == DTLSSession::SEND_OK);
	link.deliver_to_server();
	REQUIRE(link.server->available_packet_count() == 1);
	std::vector<uint8_t> received;
	CHECK(link.server->pop_packet(received));
	CHECK(received == hello);
	CHECK_FALSE(link.server->pop_packet(received));

	std::vector<uint8_t> reply = bytes_of("hello client");
	CHECK(link.server->send_packet(reply.data(), reply.size()) == DTLSSession::SEND_OK);
	link.deliver_to_client();
	REQUIRE(link.client->peek_packet() != nullptr);
	CHECK(*link.client->peek_packet() == reply);
	CHECK(link.client->last_error().empty());
}

TEST_CASE("[DTLS] Every packet that arrived is available after one poll") {
	Link link;
	REQUIRE(link.connect());
	for (int i = 0; i < 10; i++) {
		const uint8_t payload[2] = { 0xab, static_cast<uint8_t>(i) };
		REQUIRE(link.client->send_packet(payload, sizeof(payload)) == DTLSSession::SEND_OK);
	}
	REQUIRE(link.to_server.datagrams.size() == 10);
	link.deliver_to_server(); // One poll.
	REQUIRE(link.server->available_packet_count() == 10);
	std::vector<uint8_t> packet;
	for (int i = 0; i < 10; i++) {
		REQUIRE(link.server->pop_packet(packet));
		CHECK(packet[1] == i);
	}
}

TEST_CASE("[DTLS] Sending before the connection is up is refused") {
	Link link;
	const uint8_t payload[1] = { 1 };
	CHECK(link.client->send_packet(payload, 1) == DTLSSession::SEND_NOT_CONNECTED);
	link.start();
	CHECK(link.client->get_status() == DTLSSession::STATUS_HANDSHAKING);
	CHECK(link.client->send_packet(payload, 1) == DTLSSession::SEND_NOT_CONNECTED);
	CHECK(link.client->max_unfragmented_packet_size() == 0);
	// Already in use.
	CHECK_FALSE(link.client->start_client("localhost", "localhost", link.now_ms));
	DTLSSession::Settings settings;
	CHECK_FALSE(link.client->set_settings(settings));
}

TEST_CASE("[DTLS] Certificate name mismatch ends in ERROR_HOSTNAME_MISMATCH") {
	Link link;
	CHECK_FALSE(link.connect("game.example.org"));
	CHECK(link.client->get_status() == DTLSSession::STATUS_ERROR_HOSTNAME_MISMATCH);
	CHECK(contains(link.client->last_error(), "certificate verify failed"));
	CHECK(contains(link.client->last_error(), "mismatch"));
	MESSAGE("client: " << link.client->last_error());
	// The client's fatal alert reaches the server.
	link.exchange();
	REQUIRE(link.server != nullptr);
	CHECK(link.server->get_status() == DTLSSession::STATUS_ERROR);
	MESSAGE("server: " << link.server->last_error());
}

TEST_CASE("[DTLS] An IP literal is verified against the certificate's IP SAN") {
	Link link;
	CHECK(link.connect("127.0.0.1"));
	Link wrong_ip;
	CHECK_FALSE(wrong_ip.connect("127.0.0.2"));
	CHECK(wrong_ip.client->get_status() == DTLSSession::STATUS_ERROR_HOSTNAME_MISMATCH);
}

TEST_CASE("[DTLS] An untrusted chain ends in ERROR") {
	Link link(DTLSContext::VerifyMode::FULL, other_pki());
	CHECK_FALSE(link.connect());
	CHECK(link.client->get_status() == DTLSSession::STATUS_ERROR);
	CHECK(contains(link.client->last_error(), "certificate verify failed: "));
	MESSAGE("client: " << link.client->last_error());

	Link chain_only(DTLSContext::VerifyMode::CHAIN_ONLY, other_pki());
	CHECK_FALSE(chain_only.connect(""));
	CHECK(chain_only.client->get_status() == DTLSSession::STATUS_ERROR);
}

TEST_CASE("[DTLS] Unsafe modes: CHAIN_ONLY skips the name, NONE skips everything") {
	Link chain_only(DTLSContext::VerifyMode::CHAIN_ONLY);
	CHECK(chain_only.connect(""));
	Link none(DTLSContext::VerifyMode::NONE, other_pki());
	CHECK(none.connect(""));
}

TEST_CASE("[DTLS] A closed client session can connect again") {
	Link link;
	REQUIRE(link.connect());
	link.client->close();
	link.server.reset();
	link.to_server.datagrams.clear();
	CHECK(link.connect());
}

TEST_CASE("[DTLS] A handshake whose datagrams are all lost fails within the deadline") {
	Link link;
	link.to_server.drop_all = true;
	link.now_ms = 0;
	link.start();
	for (uint64_t t = 0; t < 30000; t += 250) {
		link.now_ms = t;
		link.client->poll(t);
		REQUIRE(link.client->get_status() == DTLSSession::STATUS_HANDSHAKING);
	}
	link.client->poll(30000);
	CHECK(link.client->get_status() == DTLSSession::STATUS_ERROR);
	CHECK(link.client->last_error() == "handshake timed out after 30 s");
}

TEST_CASE("[DTLS] A half-open server session fails within the deadline") {
	Link link;
	link.start();
	link.deliver_to_server(); // HelloVerifyRequest.
	link.deliver_to_client();
	link.deliver_to_server(); // Accepted: the server sends its flight.
	REQUIRE(link.server != nullptr);
	CHECK(link.server->get_status() == DTLSSession::STATUS_HANDSHAKING);
	const uint64_t accepted_at = link.now_ms;
	// The client vanishes.
	link.server->poll(accepted_at + 29999);
	CHECK(link.server->get_status() == DTLSSession::STATUS_HANDSHAKING);
	link.server->poll(accepted_at + 30000);
	CHECK(link.server->get_status() == DTLSSession::STATUS_ERROR);
	CHECK(contains(link.server->last_error(), "timed out"));
}

TEST_CASE("[DTLS] A lost flight is retransmitted with back-off") {
	// The one test on the real clock: OpenSSL 3.0 decides when a timer expired.
	using Clock = std::chrono::steady_clock;
	const Clock::time_point start = Clock::now();
	auto elapsed_ms = [&]() { return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count()); };

	Link link;
	DTLSSession::Settings fast;
	fast.retransmit_initial_ms = 30;
	fast.retransmit_max_ms = 120;
	REQUIRE(link.client->set_settings(fast));
	link.server_settings = fast;
	link.now_ms = 0;
	link.start();
	link.deliver_to_server(); // HelloVerifyRequest.
	link.deliver_to_client();
	link.to_client.drop_all = true; // The server's first flight is lost.
	link.deliver_to_server();
	REQUIRE(link.server != nullptr);
	const size_t lost_flight = link.to_client.sent;
	CHECK(lost_flight >= 1);
	link.to_client.drop_all = false;

	while (elapsed_ms() < 3000) {
		link.now_ms = elapsed_ms();
		link.exchange();
		if (link.client->get_status() == DTLSSession::STATUS_CONNECTED && link.server->get_status() == DTLSSession::STATUS_CONNECTED) {
			break;
		}
		std::this_thread::sleep_for(std::chrono::milliseconds(2));
	}
	CHECK(link.client->get_status() == DTLSSession::STATUS_CONNECTED);
	CHECK(link.server->get_status() == DTLSSession::STATUS_CONNECTED);
	CHECK(link.to_client.sent > lost_flight);
}

TEST_CASE("[DTLS] Forged, corrupted and replayed records are dropped and the connection survives") {
	Link link;
	REQUIRE(link.connect());
	DTLSSession &server = *link.server;

	auto inject = [&](const std::vector<uint8_t> &p_datagram) {
		server.receive_datagram(p_datagram.data(), p_datagram.size());
		server.poll(link.now_ms);
		CHECK(server.get_status() == DTLSSession::STATUS_CONNECTED);
		CHECK(server.available_packet_count() == 0);
	};

	// An application-data record shorter than the AEAD explicit nonce plus tag
	// (the CVE-2026-75806 shape): 17 bytes in all.
	inject({ 23, 0xfe, 0xfd, 0x00, 0x01, 0, 0, 0, 0, 0, 50, 0x00, 0x04, 1, 2, 3, 4 });
	// Not a record at all.
	std::vector<uint8_t> garbage(100);
	for (size_t i = 0; i < garbage.size(); i++) {
		garbage[i] = static_cast<uint8_t>(i * 37 + 11);
	}
	inject(garbage);
	inject({ 0x17 });

	const std::vector<uint8_t> payload = bytes_of("authentic");
	REQUIRE(link.client->send_packet(payload.data(), payload.size()) == DTLSSession::SEND_OK);
	const std::vector<uint8_t> authentic = link.to_server.take();

	std::vector<uint8_t> flipped = authentic;
	flipped.back() ^= 0x01; // Breaks the AEAD tag.
	inject(flipped);
	std::vector<uint8_t> flipped_body = authentic;
	flipped_body[13 + 8] ^= 0x80; // First ciphertext byte after the explicit nonce.
	inject(flipped_body);

	// A far-future sequence number with a bad tag must not move the replay window.
	std::vector<uint8_t> far_future = authentic;
	far_future[5] = 0x7f;
	inject(far_future);
	// A record for an epoch that does not exist yet.
	std::vector<uint8_t> next_epoch = authentic;
	next_epoch[4] = 2;
	inject(next_epoch);

	// The genuine record still gets through, once.
	server.receive_datagram(authentic.data(), authentic.size());
	server.poll(link.now_ms);
	REQUIRE(server.available_packet_count() == 1);
	std::vector<uint8_t> packet;
	server.pop_packet(packet);
	CHECK(packet == payload);
	inject(authentic); // Replayed.

	// A replayed ClientHello from the same address mid-session changes nothing.
	std::vector<uint8_t> stale_hello = make_client_hello();
	inject(stale_hello);

	// Later traffic flows both ways.
	const std::vector<uint8_t> later = bytes_of("still here");
	REQUIRE(link.client->send_packet(later.data(), later.size()) == DTLSSession::SEND_OK);
	link.deliver_to_server();
	REQUIRE(server.pop_packet(packet));
	CHECK(packet == later);
	REQUIRE(server.send_packet(later.data(), later.size()) == DTLSSession::SEND_OK);
	link.deliver_to_client();
	CHECK(link.client->available_packet_count() == 1);
	CHECK(link.client->get_status() == DTLSSession::STATUS_CONNECTED);
}

TEST_CASE("[DTLS] Garbage before the verified ClientHello does not stop a server session") {
	Link link;
	link.start();
	link.deliver_to_server();
	link.deliver_to_client();
	std::vector<uint8_t> cookied = link.to_server.take();
	std::vector<uint8_t> hello_verify;
	REQUIRE(link.cookies.check_client_hello(cookied.data(), cookied.size(), CLIENT_ADDRESS, 4, CLIENT_PORT, link.now_ms, hello_verify) == CookieExchange::Verdict::ACCEPT);

	link.server = std::make_unique<DTLSSession>(link.server_context.get_ssl_ctx(), DTLSSession::SIDE_SERVER, &link.to_client);
	REQUIRE(link.server->start_server(link.cookies, CLIENT_ADDRESS, 4, CLIENT_PORT, link.now_ms));
	const uint8_t garbage[5] = { 22, 0xfe, 0xfd, 0, 0 };
	link.server->receive_datagram(garbage, sizeof(garbage));
	link.server->receive_datagram(cookied.data(), cookied.size());
	link.server->poll(link.now_ms);
	CHECK(link.server->get_status() == DTLSSession::STATUS_HANDSHAKING);
	CHECK_FALSE(link.to_client.datagrams.empty()); // The server flight went out.
	for (int i = 0; i < 5 && link.client->get_status() != DTLSSession::STATUS_CONNECTED; i++) {
		link.exchange();
	}
	CHECK(link.client->get_status() == DTLSSession::STATUS_CONNECTED);
	CHECK(link.server->get_status() == DTLSSession::STATUS_CONNECTED);
}

TEST_CASE("[DTLS] A server session still completes after its CookieExchange is gone") {
	Link link;
	link.start();
	link.deliver_to_server();
	link.deliver_to_client();
	std::vector<uint8_t> cookied = link.to_server.take();
	auto cookies = std::make_unique<CookieExchange>();
	// Re-run the exchange with a dedicated object to destroy it afterwards.
	Link fresh;
	fresh.start();
	std::vector<uint8_t> first = fresh.to_server.take();
	std::vector<uint8_t> hello_verify;
	REQUIRE(cookies->check_client_hello(first.data(), first.size(), CLIENT_ADDRESS, 4, CLIENT_PORT, 0, hello_verify) == CookieExchange::Verdict::SEND_HELLO_VERIFY);
	fresh.client->receive_datagram(hello_verify.data(), hello_verify.size());
	fresh.client->poll(0);
	std::vector<uint8_t> second = fresh.to_server.take();
	REQUIRE(cookies->check_client_hello(second.data(), second.size(), CLIENT_ADDRESS, 4, CLIENT_PORT, 0, hello_verify) == CookieExchange::Verdict::ACCEPT);
	fresh.server = std::make_unique<DTLSSession>(fresh.server_context.get_ssl_ctx(), DTLSSession::SIDE_SERVER, &fresh.to_client);
	REQUIRE(fresh.server->start_server(*cookies, CLIENT_ADDRESS, 4, CLIENT_PORT, 0));
	cookies.reset();
	fresh.server->receive_datagram(second.data(), second.size());
	for (int i = 0; i < 5; i++) {
		fresh.exchange();
	}
	CHECK(fresh.client->get_status() == DTLSSession::STATUS_CONNECTED);
	CHECK(fresh.server->get_status() == DTLSSession::STATUS_CONNECTED);
}

TEST_CASE("[DTLS] A 4096-bit RSA chain of three certificates never exceeds a 1200-byte datagram") {
	static const LargeRsaChain chain;
	REQUIRE((chain.key && chain.root && chain.intermediate && chain.leaf));
	Link link(DTLSContext::VerifyMode::FULL);
	REQUIRE(link.client_context.setup_client(DTLSContext::VerifyMode::FULL, { chain.root.get() }));
	REQUIRE(link.server_context.setup_server(chain.key.get(), { chain.leaf.get(), chain.intermediate.get(), chain.root.get() }));
	link.client = std::make_unique<DTLSSession>(link.client_context.get_ssl_ctx(), DTLSSession::SIDE_CLIENT, &link.to_server);
	REQUIRE(link.connect());
	MESSAGE("largest datagram: server " << link.to_client.largest << " B in " << link.to_client.sent << " datagrams, client "
										<< link.to_server.largest << " B in " << link.to_server.sent << " datagrams");
	CHECK(link.to_client.largest <= 1200);
	CHECK(link.to_server.largest <= 1200);
	CHECK(link.to_client.sent >= 5); // The chain really was fragmented.
}

TEST_CASE("[DTLS] A smaller configured datagram size is honoured too") {
	Link link;
	DTLSSession::Settings small;
	small.max_datagram_size = 576;
	REQUIRE(link.client->set_settings(small));
	link.server_settings = small;
	REQUIRE(link.connect());
	CHECK(link.to_client.largest <= 576);
	CHECK(link.to_server.largest <= 576);
	CHECK(link.client->max_unfragmented_packet_size() < 576);
}
