// Tests of the engine-independent DTLS core (modules/openssl/dtls): two
// sessions wired in memory through datagram sinks, no sockets. Keys and
// certificates come from dtls_test_helpers (OpenSSL). Time is injected through
// now_ms except in the one retransmission test, because OpenSSL 3.0 runs
// retransmission timers on its own wall clock.
//
// Over 600 lines: the handshake, record and failure cases of one core, all on the in-memory pair of
// dtls_core_link.h; they split when the native tests move to mirror the source tree.

#include "helpers/dtls_core_link.h"
#include "helpers/dtls_test_helpers.h"

#include "dtls/cookie_exchange.h"
#include "dtls/datagram_bio.h"
#include "dtls/dtls_context.h"
#include "dtls/dtls_session.h"

#include <doctest/doctest.h>

#include <openssl/bio.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace godot::dtls;
using namespace dtls_test;
using namespace dtls_core_test;

namespace {

const Pki &other_pki() {
	static const Pki pki("Someone Else's CA");
	REQUIRE(pki.is_valid());
	return pki;
}

// Three 4096-bit RSA certificates: root -> intermediate -> leaf. They share
// one key: the wire sizes are the same as with three keys, and generating
// 4096-bit keys takes seconds each.
struct LargeRsaChain {
	KeyPtr key = make_rsa_key(4096);
	CertPtr root = make_certificate("Quickdot Big Root", key.get(), nullptr, nullptr, true);
	CertPtr intermediate = make_certificate("Quickdot Big Intermediate", key.get(), root.get(), key.get(), true, 2);
	CertPtr leaf = make_certificate("localhost", key.get(), intermediate.get(), key.get(), false, 3);
};

uint16_t read_u16(const std::vector<uint8_t> &p_data, size_t p_offset) {
	return static_cast<uint16_t>((p_data[p_offset] << 8) | p_data[p_offset + 1]);
}

void write_u24(std::vector<uint8_t> &r_data, size_t p_offset, uint32_t p_value) {
	r_data[p_offset] = static_cast<uint8_t>(p_value >> 16);
	r_data[p_offset + 1] = static_cast<uint8_t>(p_value >> 8);
	r_data[p_offset + 2] = static_cast<uint8_t>(p_value);
}

CookieExchange::Verdict check(CookieExchange &p_cookies, const std::vector<uint8_t> &p_datagram, uint64_t p_now_ms,
		const uint8_t *p_address = CLIENT_ADDRESS, uint16_t p_port = CLIENT_PORT) {
	// An exact-size heap copy, so that AddressSanitizer catches any over-read.
	std::unique_ptr<uint8_t[]> exact(new uint8_t[std::max<size_t>(p_datagram.size(), 1)]);
	if (!p_datagram.empty()) {
		memcpy(exact.get(), p_datagram.data(), p_datagram.size());
	}
	std::vector<uint8_t> hello_verify;
	const CookieExchange::Verdict verdict = p_cookies.check_client_hello(exact.get(), p_datagram.size(), p_address, 4, p_port, p_now_ms, hello_verify);
	if (verdict == CookieExchange::Verdict::SEND_HELLO_VERIFY) {
		CHECK(hello_verify.size() <= p_datagram.size());
	} else {
		CHECK(hello_verify.empty());
	}
	return verdict;
}

// The first ClientHello and the one answering the HelloVerifyRequest issued
// at p_now_ms for CLIENT_ADDRESS:CLIENT_PORT.
struct CookiedHello {
	std::vector<uint8_t> with_cookie;
};

CookiedHello cookied_hello(CookieExchange &p_cookies, uint64_t p_now_ms) {
	Link link;
	link.start();
	std::vector<uint8_t> first = link.to_server.take();
	std::vector<uint8_t> hello_verify;
	REQUIRE(p_cookies.check_client_hello(first.data(), first.size(), CLIENT_ADDRESS, 4, CLIENT_PORT, p_now_ms, hello_verify) == CookieExchange::Verdict::SEND_HELLO_VERIFY);
	link.client->receive_datagram(hello_verify.data(), hello_verify.size());
	link.client->poll(link.now_ms);
	return CookiedHello{ link.to_server.take() };
}

} // namespace

TEST_CASE("[DTLS][DatagramBio] One datagram per read, bounded queue, writes never retry") {
	Wire wire;
	DatagramBio datagram_bio(&wire, 4);
	BIO *bio = datagram_bio.get_bio();
	REQUIRE(bio != nullptr);

	char buffer[16];
	CHECK(BIO_read(bio, buffer, sizeof(buffer)) <= 0);
	CHECK(BIO_should_retry(bio));

	const uint8_t first[3] = { 1, 2, 3 };
	const uint8_t second[20] = { 9 };
	CHECK(datagram_bio.push_incoming(first, sizeof(first)));
	CHECK(datagram_bio.push_incoming(second, sizeof(second)));
	CHECK(BIO_ctrl_pending(bio) == sizeof(first));
	CHECK(BIO_read(bio, buffer, sizeof(buffer)) == 3);
	CHECK(buffer[2] == 3);
	// Truncated to the caller's buffer, and the rest of that datagram is gone.
	CHECK(BIO_read(bio, buffer, 5) == 5);
	CHECK(datagram_bio.get_incoming_count() == 0);

	for (int i = 0; i < 4; i++) {
		CHECK(datagram_bio.push_incoming(first, sizeof(first)));
	}
	CHECK_FALSE(datagram_bio.push_incoming(first, sizeof(first)));
	CHECK_FALSE(datagram_bio.push_incoming(first, 0));
	CHECK(datagram_bio.get_dropped_incoming_count() == 2);
	CHECK(datagram_bio.get_incoming_count() == 4);

	CHECK(BIO_write(bio, "hello", 5) == 5);
	CHECK(BIO_write(bio, "world!", 6) == 6);
	CHECK_FALSE(BIO_should_retry(bio));
	REQUIRE(wire.datagrams.size() == 2);
	CHECK(wire.datagrams[1].size() == 6);
	CHECK(BIO_flush(bio) == 1);
	CHECK(BIO_wpending(bio) == 0);

	datagram_bio.set_mtu(1200);
	CHECK(BIO_ctrl(bio, BIO_CTRL_DGRAM_QUERY_MTU, 0, nullptr) == 1200);
	CHECK(BIO_ctrl(bio, BIO_CTRL_DGRAM_GET_MTU_OVERHEAD, 0, nullptr) == 0);
	BIO_ADDR *peer = BIO_ADDR_new();
	CHECK(BIO_dgram_get_peer(bio, peer) == 0);
	CHECK(BIO_ADDR_family(peer) == 0); // AF_UNSPEC
	BIO_ADDR_free(peer);

	// Writes without a sink are dropped, still without asking for a retry.
	DatagramBio sinkless(nullptr);
	CHECK(BIO_write(sinkless.get_bio(), "x", 1) == 1);
	CHECK_FALSE(BIO_should_retry(sinkless.get_bio()));
}

TEST_CASE("[DTLS][DatagramBio] Queue keeps order across wrap-around and hands buffers over without copying") {
	DatagramBio::Queue queue(3);
	CHECK(queue.is_empty());
	CHECK(queue.front() == nullptr);
	std::vector<uint8_t> out;
	CHECK_FALSE(queue.pop(out));
	for (uint8_t round = 0; round < 10; round++) {
		const uint8_t a[2] = { round, 1 };
		const uint8_t b[3] = { round, 2, 2 };
		REQUIRE(queue.push(a, sizeof(a)));
		REQUIRE(queue.push(b, sizeof(b)));
		REQUIRE(queue.front() != nullptr);
		CHECK((*queue.front())[0] == round);
		const uint8_t *queued_storage = queue.front()->data();
		REQUIRE(queue.pop(out));
		CHECK(out == std::vector<uint8_t>{ round, 1 });
		CHECK(out.data() == queued_storage); // Handed over, not copied.
		queue.discard_front();
		CHECK(queue.is_empty());
	}
	const uint8_t x[1] = { 7 };
	CHECK(queue.push(x, 1));
	CHECK(queue.push(x, 1));
	CHECK(queue.push(x, 1));
	CHECK(queue.is_full());
	CHECK_FALSE(queue.push(x, 1));
	std::vector<uint8_t> jumbo(60000, 1);
	queue.clear();
	CHECK(queue.push(jumbo.data(), jumbo.size()));
	CHECK(queue.pop(out));
	CHECK(out.size() == 60000);
}

TEST_CASE("[DTLS][DatagramBio] A BIO kept by someone else outlives its owner inertly") {
	BIO *kept = nullptr;
	{
		DatagramBio datagram_bio(nullptr);
		kept = datagram_bio.get_bio();
		BIO_up_ref(kept);
	}
	char buffer[4];
	CHECK(BIO_read(kept, buffer, sizeof(buffer)) <= 0);
	CHECK(BIO_write(kept, "x", 1) == 1);
	BIO_free(kept);
}

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

TEST_CASE("[DTLS][CookieExchange] Malformed ClientHellos are dropped without over-read") {
	CookieExchange cookies;
	const std::vector<uint8_t> hello = make_client_hello();
	REQUIRE(hello.size() > 60);
	CHECK(check(cookies, hello, 0) == CookieExchange::Verdict::SEND_HELLO_VERIFY);

	for (size_t length = 0; length < hello.size(); length++) {
		std::vector<uint8_t> truncated(hello.begin(), hello.begin() + length);
		CHECK(check(cookies, truncated, 0) == CookieExchange::Verdict::DROP);
	}

	auto mutated = [&](size_t p_offset, std::initializer_list<uint8_t> p_bytes) {
		std::vector<uint8_t> copy = hello;
		size_t offset = p_offset;
		for (uint8_t byte : p_bytes) {
			copy[offset++] = byte;
		}
		return copy;
	};
	const size_t body = 13 + 12;
	const size_t session_id_at = body + 2 + 32;
	const size_t cookie_at = session_id_at + 1 + hello[session_id_at];
	const size_t suites_at = cookie_at + 1 + hello[cookie_at];
	const size_t compression_at = suites_at + 2 + read_u16(hello, suites_at);
	const size_t extensions_at = compression_at + 1 + hello[compression_at];

	CHECK(check(cookies, mutated(0, { 23 }), 0) == CookieExchange::Verdict::DROP); // Not a handshake record.
	CHECK(check(cookies, mutated(1, { 0x03, 0x03 }), 0) == CookieExchange::Verdict::DROP); // TLS, not DTLS.
	CHECK(check(cookies, mutated(3, { 0, 1 }), 0) == CookieExchange::Verdict::DROP); // Epoch 1.
	CHECK(check(cookies, mutated(11, { 0xff, 0xff }), 0) == CookieExchange::Verdict::DROP); // Record length.
	CHECK(check(cookies, mutated(13, { 2 }), 0) == CookieExchange::Verdict::DROP); // ServerHello.
	CHECK(check(cookies, mutated(14, { 0xff, 0xff, 0xff }), 0) == CookieExchange::Verdict::DROP); // Message length.
	CHECK(check(cookies, mutated(17, { 0, 2 }), 0) == CookieExchange::Verdict::DROP); // message_seq 2.
	CHECK(check(cookies, mutated(body, { 0x03, 0x03 }), 0) == CookieExchange::Verdict::DROP); // client_version.
	CHECK(check(cookies, mutated(session_id_at, { 0xff }), 0) == CookieExchange::Verdict::DROP);
	CHECK(check(cookies, mutated(session_id_at, { 33 }), 0) == CookieExchange::Verdict::DROP);
	CHECK(check(cookies, mutated(cookie_at, { 0xff }), 0) == CookieExchange::Verdict::DROP);
	CHECK(check(cookies, mutated(suites_at, { 0xff, 0xff }), 0) == CookieExchange::Verdict::DROP);
	CHECK(check(cookies, mutated(suites_at, { 0, 0 }), 0) == CookieExchange::Verdict::DROP);
	CHECK(check(cookies, mutated(suites_at, { 0, 3 }), 0) == CookieExchange::Verdict::DROP);
	CHECK(check(cookies, mutated(compression_at, { 0xff }), 0) == CookieExchange::Verdict::DROP);
	CHECK(check(cookies, mutated(compression_at, { 0 }), 0) == CookieExchange::Verdict::DROP);
	CHECK(check(cookies, mutated(extensions_at, { 0xff, 0xff }), 0) == CookieExchange::Verdict::DROP);

	// Fragmented: a first fragment that is shorter than the message, and a
	// later fragment.
	std::vector<uint8_t> first_fragment = hello;
	const uint32_t message_length = static_cast<uint32_t>(hello.size() - body);
	first_fragment.resize(hello.size() - 10);
	write_u24(first_fragment, 22, message_length - 10);
	first_fragment[11] = static_cast<uint8_t>((first_fragment.size() - 13) >> 8);
	first_fragment[12] = static_cast<uint8_t>(first_fragment.size() - 13);
	CHECK(check(cookies, first_fragment, 0) == CookieExchange::Verdict::DROP);
	std::vector<uint8_t> later_fragment = hello;
	write_u24(later_fragment, 19, 1);
	CHECK(check(cookies, later_fragment, 0) == CookieExchange::Verdict::DROP);

	// Trailing bytes or a second record after the ClientHello.
	std::vector<uint8_t> trailing = hello;
	trailing.insert(trailing.end(), hello.begin(), hello.end());
	CHECK(check(cookies, trailing, 0) == CookieExchange::Verdict::DROP);

	// A ClientHello that is too small to answer without amplification.
	std::vector<uint8_t> minimal = { 22, 0xfe, 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0xfe, 0xfd };
	minimal.resize(minimal.size() + 32, 0); // Random.
	minimal.insert(minimal.end(), { 0, 0, 0, 2, 0xc0, 0x2b, 1, 0 }); // No session id, no cookie, one suite, null compression.
	const uint32_t minimal_body = static_cast<uint32_t>(minimal.size() - body);
	write_u24(minimal, 14, minimal_body);
	write_u24(minimal, 22, minimal_body);
	minimal[12] = static_cast<uint8_t>(minimal.size() - 13);
	REQUIRE(minimal.size() == 67);
	CHECK(check(cookies, minimal, 0) == CookieExchange::Verdict::SEND_HELLO_VERIFY);
	std::vector<uint8_t> hello_verify;
	const uint8_t no_address[1] = { 0 };
	CHECK(cookies.check_client_hello(minimal.data(), minimal.size(), no_address, 17, 1, 0, hello_verify) == CookieExchange::Verdict::DROP);
}

TEST_CASE("[DTLS][CookieExchange] The HelloVerifyRequest echoes the ClientHello's sequence numbers") {
	CookieExchange cookies;
	std::vector<uint8_t> hello = make_client_hello();
	hello[10] = 0x2a; // Record sequence number.
	std::vector<uint8_t> hello_verify;
	REQUIRE(cookies.check_client_hello(hello.data(), hello.size(), CLIENT_ADDRESS, 4, CLIENT_PORT, 0, hello_verify) == CookieExchange::Verdict::SEND_HELLO_VERIFY);
	REQUIRE(hello_verify.size() == 13 + 12 + 3 + CookieExchange::COOKIE_SIZE);
	CHECK(hello_verify[0] == 22);
	CHECK(read_u16(hello_verify, 1) == 0xfeff);
	CHECK(std::equal(hello.begin() + 3, hello.begin() + 11, hello_verify.begin() + 3)); // Epoch and sequence.
	CHECK(hello_verify[13] == 3);
	CHECK(read_u16(hello_verify, 17) == read_u16(hello, 17));
	CHECK(read_u16(hello_verify, 25) == 0xfeff);
	CHECK(hello_verify[27] == CookieExchange::COOKIE_SIZE);
}

TEST_CASE("[DTLS][CookieExchange] A cookie is bound to the address and port it was made for") {
	CookieExchange cookies;
	const CookiedHello hello = cookied_hello(cookies, 1000);
	const uint8_t other_address[4] = { 192, 0, 2, 8 };
	CHECK(check(cookies, hello.with_cookie, 1000, other_address, CLIENT_PORT) == CookieExchange::Verdict::SEND_HELLO_VERIFY);
	CHECK(check(cookies, hello.with_cookie, 1000, CLIENT_ADDRESS, CLIENT_PORT + 1) == CookieExchange::Verdict::SEND_HELLO_VERIFY);
	CHECK(check(cookies, hello.with_cookie, 1000) == CookieExchange::Verdict::ACCEPT);

	// Another exchange (another secret) does not accept it.
	CookieExchange other;
	CHECK(check(other, hello.with_cookie, 1000) == CookieExchange::Verdict::SEND_HELLO_VERIFY);

	// A corrupted cookie is not accepted.
	std::vector<uint8_t> corrupted = hello.with_cookie;
	const size_t session_id_at = 13 + 12 + 2 + 32;
	const size_t cookie_at = session_id_at + 1 + corrupted[session_id_at];
	REQUIRE(corrupted[cookie_at] == CookieExchange::COOKIE_SIZE);
	corrupted[cookie_at + 5] ^= 0x10;
	CHECK(check(cookies, corrupted, 1000) == CookieExchange::Verdict::SEND_HELLO_VERIFY);
}

TEST_CASE("[DTLS][CookieExchange] Cookies survive one secret rotation, not two") {
	SUBCASE("one rotation") {
		CookieExchange cookies(30000);
		const CookiedHello hello = cookied_hello(cookies, 1000);
		CHECK(check(cookies, hello.with_cookie, 35000) == CookieExchange::Verdict::ACCEPT);
		CHECK(check(cookies, hello.with_cookie, 59999) == CookieExchange::Verdict::ACCEPT);
		CHECK(check(cookies, hello.with_cookie, 60000) == CookieExchange::Verdict::SEND_HELLO_VERIFY);
	}
	SUBCASE("two rotations at once") {
		CookieExchange cookies(30000);
		const CookiedHello hello = cookied_hello(cookies, 1000);
		CHECK(check(cookies, hello.with_cookie, 65000) == CookieExchange::Verdict::SEND_HELLO_VERIFY);
	}
	SUBCASE("a clock going backwards does not rotate") {
		CookieExchange cookies(30000);
		const CookiedHello hello = cookied_hello(cookies, 40000);
		CHECK(check(cookies, hello.with_cookie, 1000) == CookieExchange::Verdict::ACCEPT);
	}
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

TEST_CASE("[DTLS][DTLSContext] Setup errors are reported in words") {
	DTLSContext context;
	CHECK_FALSE(context.setup_server(other_pki().leaf_key.get(), { test_pki().leaf.get() }));
	CHECK(context.get_last_error() == "the private key does not match the certificate");
	CHECK(context.get_ssl_ctx() == nullptr);
	CHECK_FALSE(context.setup_server(nullptr, {}));
	CHECK_FALSE(context.get_last_error().empty());
	CHECK_FALSE(context.setup_client(DTLSContext::VerifyMode::FULL, { nullptr }));
	CHECK_FALSE(context.get_last_error().empty());

	REQUIRE(context.setup_server(test_pki().leaf_key.get(), { test_pki().leaf.get(), test_pki().ca.get() }));
	CHECK(context.is_server());
	CHECK(context.get_last_error().empty());
	// A second setup replaces the SSL_CTX; a session keeps the old one alive.
	DTLSSession session(context.get_ssl_ctx(), DTLSSession::SIDE_SERVER, nullptr);
	REQUIRE(context.setup_client(DTLSContext::VerifyMode::NONE, {}));
	CHECK_FALSE(context.is_server());
	CookieExchange cookies;
	CHECK(session.start_server(cookies, CLIENT_ADDRESS, 4, CLIENT_PORT, 0));
	// A client session refuses server start and vice versa.
	DTLSSession client(context.get_ssl_ctx(), DTLSSession::SIDE_CLIENT, nullptr);
	CHECK_FALSE(client.start_server(cookies, CLIENT_ADDRESS, 4, CLIENT_PORT, 0));
}

TEST_CASE("[DTLS][DTLSContext] An empty trusted chain uses the system CA store") {
	DTLSContext context;
	CHECK(context.setup_client(DTLSContext::VerifyMode::FULL, {}));
	// Our test CA is not in the system store.
	Link link;
	REQUIRE(link.client_context.setup_client(DTLSContext::VerifyMode::FULL, {}));
	link.client = std::make_unique<DTLSSession>(link.client_context.get_ssl_ctx(), DTLSSession::SIDE_CLIENT, &link.to_server);
	CHECK_FALSE(link.connect());
	CHECK(link.client->get_status() == DTLSSession::STATUS_ERROR);
}
