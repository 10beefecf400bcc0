// CookieExchange, the stateless check of a ClientHello before a server session exists: malformed
// hellos dropped without over-read, the HelloVerifyRequest's sequence numbers, cookies bound to
// an address and port, and the secret's rotation.

#include "helpers/dtls_core_link.h"
#include "helpers/dtls_test_helpers.h"

#include "dtls/cookie_exchange.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

using namespace godot::dtls;
using namespace dtls_test;
using namespace dtls_core_test;

namespace {

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
