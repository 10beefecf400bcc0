// TLSOptions' Quickdot extensions (pinning, revocation, client certificates, PSK): each returns a
// changed copy and leaves the original as it was; bad arguments print one line naming the method
// and make no options. The handshakes themselves are tested from TypeScript
// (tests/project/tests/test_dtls_trust.ts) and against the openssl and gnutls CLIs.

#include "helpers/dtls_engine_test_helpers.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace godot;

namespace {

constexpr const char *PIN = "sha256/jnslSGgIiMqB+byJpIZGz99rD1j9IqlYJR8BiftfK64=";

// The CA's CRL of the TypeScript suite's test PKI, found from this file's folder.
String test_crl() {
	const String here = __FILE__;
	const String root = here.substr(0, here.rfind("tests/native/"));
	std::ifstream file(root + "tests/project/tests/trust/ca.crl");
	std::stringstream text;
	text << file.rdbuf();
	return text.str();
}

// What p_make prints while it runs; it must make no options.
template <typename F>
String refusal(F p_make) {
	StderrCapture capture;
	const Ref<TLSOptions> made = p_make();
	CHECK(made.is_null());
	return capture.finish();
}

} // namespace

TEST_CASE("[TLSOptions] extensions return changed copies") {
	const Ref<TLSOptions> plain = TLSOptions::client();
	PackedStringArray pins;
	pins.push_back(PIN);
	const Ref<TLSOptions> pinned = plain->pin_public_keys(pins);
	REQUIRE(pinned.is_valid());
	CHECK(pinned.ptr() != plain.ptr());
	CHECK(pinned->get_public_key_pins().size() == 1);
	CHECK(pinned->get_public_key_pins()[0].size() == 32);
	CHECK(plain->get_public_key_pins().empty());

	const String crl = test_crl();
	REQUIRE(crl.find("-----BEGIN X509 CRL-----") != String::npos);
	const Ref<TLSOptions> checked = pinned->check_revocation(crl);
	REQUIRE(checked.is_valid());
	CHECK(checked->is_revocation_checked());
	CHECK(checked->get_public_key_pins().size() == 1);
	CHECK(!pinned->is_revocation_checked());
	CHECK(plain->check_revocation("").is_valid()); // An empty set of CRLs is a set.

	const dtls_test::Identity &identity = dtls_test::ec_identity();
	const Ref<TLSOptions> server = TLSOptions::server(identity.key, identity.certificate);
	const Ref<TLSOptions> requiring = server->require_client_certificate(identity.trusted, false);
	REQUIRE(requiring.is_valid());
	CHECK(!requiring->is_client_certificate_required());
	CHECK(requiring->get_client_ca_chain() == identity.trusted);
	CHECK(server->get_client_ca_chain().is_null());

	Dictionary keys;
	keys.set(StringName("player1"), PackedByteArray(std::vector<uint8_t>(16, 1)));
	const Ref<TLSOptions> psk = TLSOptions::server_psk(keys);
	REQUIRE(psk.is_valid());
	CHECK(psk->is_server());
	CHECK(psk->uses_psk());
	CHECK(psk->get_psk_keys().count("player1") == 1);
}

TEST_CASE("[TLSOptions] bad arguments print one line naming the method and make nothing") {
	const Ref<TLSOptions> client = TLSOptions::client();
	PackedStringArray bad_pin;
	bad_pin.push_back("sha256/AAAA");
	CHECK(refusal([&] { return client->pin_public_keys(bad_pin); }) ==
			"ERROR: TLSOptions.pin_public_keys: 'sha256/AAAA' is not a pin; a pin is \"sha256/\" and the base64 of a 32-byte SHA-256, "
			"as X509Certificate.get_public_key_pin() and curl's --pinnedpubkey write it; no options were made.\n");
	CHECK(refusal([&] { return client->check_revocation("-----BEGIN X509 CRL-----\ngarbage\n-----END X509 CRL-----\n"); })
					.find("TLSOptions.check_revocation: crl_pem is not PEM CRLs") != String::npos);
	CHECK(refusal([&] { return client->check_revocation("not a CRL at all"); }).find("crl_pem is not PEM CRLs") != String::npos);
	CHECK(refusal([&] { return TLSOptions::client_psk("player1", PackedByteArray()); })
					.find("TLSOptions.client_psk: the key is 0 bytes") != String::npos);
	CHECK(refusal([&] { return TLSOptions::client_psk("player1", PackedByteArray(std::vector<uint8_t>(257, 1))); })
					.find("the key is 257 bytes") != String::npos);
	Dictionary wrong_type;
	wrong_type.set(1, PackedByteArray(std::vector<uint8_t>(16, 1)));
	CHECK(refusal([&] { return TLSOptions::server_psk(wrong_type); }).find("TLSOptions.server_psk: keys has a key of type int") != String::npos);
	CHECK(refusal([&] { return client->require_client_certificate(Ref<X509Certificate>()); })
					.find("TLSOptions.require_client_certificate: these are client options") != String::npos);
	CHECK(refusal([&] { return client->with_certificate(Ref<CryptoKey>(), Ref<X509Certificate>()); })
					.find("TLSOptions.with_certificate: key and certificate must both be given") != String::npos);
}
