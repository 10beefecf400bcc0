#pragma once
// A DTLS client and server of the engine-independent core (modules/openssl/dtls) wired in
// memory, for the suites of modules/openssl/dtls: two DTLSSessions, two datagram wires, and a
// CookieExchange in front of the server as DTLSServer has it. No sockets; time is injected
// through now_ms. Asserts with doctest.

#include "helpers/dtls_test_helpers.h"

#include "dtls/cookie_exchange.h"
#include "dtls/dtls_context.h"
#include "dtls/dtls_session.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dtls_core_test {

// A CA and a "localhost" leaf it signed; the server's identity, made once.
const dtls_test::Pki &test_pki();
// Another CA with its own leaf, which a client trusting test_pki() does not trust; made once.
const dtls_test::Pki &other_pki();

// A DatagramWire whose take() asserts there is a datagram.
class Wire : public dtls_test::DatagramWire {
public:
	std::vector<uint8_t> take();
};

// The address the server's CookieExchange sees the client at.
constexpr uint8_t CLIENT_ADDRESS[4] = { 192, 0, 2, 7 };
constexpr uint16_t CLIENT_PORT = 40000;

// A client and a server wired through two in-memory wires. The server side
// behaves like DTLSServer: datagrams from the not-yet-accepted source go
// through the CookieExchange first.
struct Link {
	godot::dtls::DTLSContext client_context;
	godot::dtls::DTLSContext server_context;
	Wire to_server;
	Wire to_client;
	godot::dtls::CookieExchange cookies;
	std::unique_ptr<godot::dtls::DTLSSession> client;
	std::unique_ptr<godot::dtls::DTLSSession> server;
	uint64_t now_ms = 1000;
	std::vector<size_t> client_hello_sizes;
	std::vector<size_t> hello_verify_sizes;
	godot::dtls::DTLSSession::Settings server_settings;

	explicit Link(godot::dtls::DTLSContext::VerifyMode p_mode = godot::dtls::DTLSContext::VerifyMode::FULL, const dtls_test::Pki &p_trusted = test_pki());

	void start(const std::string &p_verify_name = "localhost");
	// Hands every datagram on a wire to its receiver, then polls that receiver once.
	void deliver_to_server();
	void deliver_to_client();
	void exchange(int p_rounds = 1);
	// Starts the client and exchanges until both sides are connected (at most 10 rounds).
	bool connect(const std::string &p_verify_name = "localhost");
};

std::vector<uint8_t> bytes_of(const std::string &p_text);
bool contains(const std::string &p_text, const std::string &p_part);

} // namespace dtls_core_test
