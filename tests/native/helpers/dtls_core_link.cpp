#include "helpers/dtls_core_link.h"

#include <doctest/doctest.h>

using namespace godot::dtls;
using namespace dtls_test;

namespace dtls_core_test {

const Pki &test_pki() {
	static const Pki pki("Quickdot Test CA");
	REQUIRE(pki.is_valid());
	return pki;
}

const Pki &other_pki() {
	static const Pki pki("Someone Else's CA");
	REQUIRE(pki.is_valid());
	return pki;
}

std::vector<uint8_t> Wire::take() {
	REQUIRE(!datagrams.empty());
	return DatagramWire::take();
}

Link::Link(DTLSContext::VerifyMode p_mode, const Pki &p_trusted) {
	REQUIRE(client_context.setup_client(p_mode, { p_trusted.ca.get() }));
	REQUIRE(server_context.setup_server(test_pki().leaf_key.get(), { test_pki().leaf.get() }));
	client = std::make_unique<DTLSSession>(client_context.get_ssl_ctx(), DTLSSession::SIDE_CLIENT, &to_server);
}

void Link::start(const std::string &p_verify_name) {
	REQUIRE(client->start_client("localhost", p_verify_name, now_ms));
}

void Link::deliver_to_server() {
	while (!to_server.datagrams.empty()) {
		std::vector<uint8_t> datagram = to_server.take();
		if (server != nullptr) {
			server->receive_datagram(datagram.data(), datagram.size());
			continue;
		}
		std::vector<uint8_t> hello_verify;
		const CookieExchange::Verdict verdict = cookies.check_client_hello(datagram.data(), datagram.size(),
				CLIENT_ADDRESS, sizeof(CLIENT_ADDRESS), CLIENT_PORT, now_ms, hello_verify);
		if (verdict == CookieExchange::Verdict::SEND_HELLO_VERIFY) {
			client_hello_sizes.push_back(datagram.size());
			hello_verify_sizes.push_back(hello_verify.size());
			to_client.send_datagram(hello_verify.data(), hello_verify.size());
		} else if (verdict == CookieExchange::Verdict::ACCEPT) {
			client_hello_sizes.push_back(datagram.size());
			server = std::make_unique<DTLSSession>(server_context.get_ssl_ctx(), DTLSSession::SIDE_SERVER, &to_client);
			REQUIRE(server->set_settings(server_settings));
			REQUIRE(server->start_server(cookies, CLIENT_ADDRESS, sizeof(CLIENT_ADDRESS), CLIENT_PORT, now_ms));
			server->receive_datagram(datagram.data(), datagram.size());
		}
	}
	if (server != nullptr) {
		server->poll(now_ms);
	}
}

void Link::deliver_to_client() {
	while (!to_client.datagrams.empty()) {
		std::vector<uint8_t> datagram = to_client.take();
		client->receive_datagram(datagram.data(), datagram.size());
	}
	client->poll(now_ms);
}

void Link::exchange(int p_rounds) {
	for (int i = 0; i < p_rounds; i++) {
		deliver_to_server();
		deliver_to_client();
	}
}

bool Link::connect(const std::string &p_verify_name) {
	start(p_verify_name);
	for (int round = 0; round < 10; round++) {
		exchange();
		if (client->get_status() == DTLSSession::STATUS_CONNECTED && server != nullptr && server->get_status() == DTLSSession::STATUS_CONNECTED) {
			return true;
		}
	}
	return false;
}

std::vector<uint8_t> bytes_of(const std::string &p_text) {
	return std::vector<uint8_t>(p_text.begin(), p_text.end());
}

bool contains(const std::string &p_text, const std::string &p_part) {
	return p_text.find(p_part) != std::string::npos;
}

} // namespace dtls_core_test
