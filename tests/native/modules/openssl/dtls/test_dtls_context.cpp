// DTLSContext, the SSL_CTX a DTLS core session is made from: setup errors in words, a second
// setup replacing the first, and the system CA store for an empty trusted chain.

#include "helpers/dtls_core_link.h"
#include "helpers/dtls_test_helpers.h"

#include "dtls/cookie_exchange.h"
#include "dtls/dtls_context.h"
#include "dtls/dtls_session.h"

#include <doctest/doctest.h>

#include <memory>

using namespace godot::dtls;
using namespace dtls_test;
using namespace dtls_core_test;

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
