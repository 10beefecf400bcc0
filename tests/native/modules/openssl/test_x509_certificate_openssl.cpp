// X509Certificate's detail getters and Crypto.generate_ec (Quickdot extensions): edge cases a
// CLI-made certificate does not reach (serial 0, dates before 1970 and after 2038, escaped names,
// every kind of alternative name), one error line on an empty certificate, and EC keys end to end.
// tests/run_crypto_cli_test.sh compares the same getters with the openssl CLI.

#include "core/crypto/crypto.h"
#include "helpers/dtls_engine_test_helpers.h"
#include "helpers/output_capture.h"
#include "openssl/crypto_key_openssl.h"
#include "openssl/x509_certificate_openssl.h"

#include <doctest/doctest.h>

#include <openssl/evp.h>
#include <openssl/x509v3.h>

#include <algorithm>

using namespace godot;

namespace {

Ref<Crypto> crypto() {
	return Ref<Crypto>(Crypto::create());
}

template <typename F>
void check_one_error_line(const String &p_expected, F p_function) {
	StderrCapture capture;
	p_function();
	const String output = capture.finish();
	INFO("stderr: " << output);
	CHECK(std::count(output.begin(), output.end(), '\n') == 1);
	CHECK(output.find(p_expected) != String::npos);
}

// A certificate signed by a fresh P-256 key, with what the test case gives it.
Ref<X509CertificateOpenSSL> make_certificate(long p_serial, const char *p_not_before, const char *p_not_after, const char *p_alt_names) {
	EVP_PKEY *key = EVP_EC_gen("P-256");
	X509 *certificate = X509_new();
	X509_NAME *name = X509_get_subject_name(certificate);
	X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Studio, Inc."), -1, -1, 0);
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Jörg+1"), -1, -1, 0);
	X509_set_issuer_name(certificate, name);
	ASN1_INTEGER_set(X509_get_serialNumber(certificate), p_serial);
	ASN1_TIME_set_string_X509(X509_getm_notBefore(certificate), p_not_before);
	ASN1_TIME_set_string_X509(X509_getm_notAfter(certificate), p_not_after);
	X509_set_pubkey(certificate, key);
	X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, nullptr, NID_subject_alt_name, p_alt_names);
	REQUIRE(extension != nullptr);
	X509_add_ext(certificate, extension, -1);
	X509_EXTENSION_free(extension);
	REQUIRE(X509_sign(certificate, key, EVP_sha256()) > 0);
	EVP_PKEY_free(key);
	crypto();
	Ref<X509CertificateOpenSSL> result(memnew(X509CertificateOpenSSL));
	result->add_certificate(certificate);
	return result;
}

} // namespace

TEST_CASE("[X509Details] names, serials, dates and alternative names at their edges") {
	Ref<X509CertificateOpenSSL> certificate = make_certificate(0, "19500101000000Z", "21260101000000Z",
			"DNS:localhost,IP:127.0.0.1,IP:::1,IP:2001:db8::7,email:ops@studio.example,URI:https://studio.example/");
	// RFC 2253: most specific first, ',' and '+' escaped, UTF-8 kept readable.
	CHECK(certificate->get_subject() == "CN=Jörg\\+1,O=Studio\\, Inc.");
	CHECK(certificate->get_issuer() == certificate->get_subject());
	CHECK(certificate->get_serial() == "00"); // As `openssl x509 -serial` prints serial 0.
	CHECK(certificate->get_not_before() == -631152000); // Before 1970 (UTCTime).
	CHECK(certificate->get_not_after() == 4922899200); // After 2038 (GeneralizedTime).
	const PackedStringArray names = certificate->get_subject_alt_names();
	REQUIRE(names.size() == 6);
	CHECK(names[0] == "localhost");
	CHECK(names[1] == "127.0.0.1");
	CHECK(names[2] == "::1");
	CHECK(names[3] == "2001:db8::7");
	CHECK(names[4] == "ops@studio.example");
	CHECK(names[5] == "https://studio.example/");
	const String fingerprint = certificate->get_sha256_fingerprint();
	CHECK(fingerprint.size() == 64);
	CHECK(fingerprint.find_first_not_of("0123456789abcdef") == String::npos);
	const String pin = certificate->get_public_key_pin();
	CHECK(pin.rfind("sha256/", 0) == 0);
	CHECK(pin.size() == 7 + 44);

	CHECK(make_certificate(0x0A, "20260101000000Z", "20270101000000Z", "DNS:a")->get_serial() == "0A");
	CHECK(make_certificate(0x7F1234, "20260101000000Z", "20270101000000Z", "DNS:a")->get_serial() == "7F1234");
}

TEST_CASE("[X509Details] the getters read the leaf of a chain") {
	Ref<X509CertificateOpenSSL> chain = make_certificate(1, "20260101000000Z", "20270101000000Z", "DNS:leaf.example");
	Ref<X509CertificateOpenSSL> second = make_certificate(2, "20250101000000Z", "20280101000000Z", "DNS:ca.example");
	chain->add_certificate(X509_dup(second->get_leaf()));
	CHECK(chain->get_serial() == "01");
	CHECK(chain->get_not_before() == 1767225600);
	CHECK(chain->get_subject_alt_names()[0] == "leaf.example");
}

TEST_CASE("[X509Details] an empty certificate: one line naming the method, an empty answer") {
	crypto();
	Ref<X509Certificate> empty(X509Certificate::create());
	REQUIRE(empty.is_valid());
	const String why = ": the certificate is empty; load() or load_from_string() one first.";
	check_one_error_line("X509Certificate.get_subject" + why, [&] { CHECK(empty->get_subject().empty()); });
	check_one_error_line("X509Certificate.get_issuer" + why, [&] { CHECK(empty->get_issuer().empty()); });
	check_one_error_line("X509Certificate.get_serial" + why, [&] { CHECK(empty->get_serial().empty()); });
	check_one_error_line("X509Certificate.get_not_before" + why, [&] { CHECK(empty->get_not_before() == 0); });
	check_one_error_line("X509Certificate.get_not_after" + why, [&] { CHECK(empty->get_not_after() == 0); });
	check_one_error_line("X509Certificate.get_sha256_fingerprint" + why, [&] { CHECK(empty->get_sha256_fingerprint().empty()); });
	check_one_error_line("X509Certificate.get_subject_alt_names" + why, [&] { CHECK(empty->get_subject_alt_names().is_empty()); });
	check_one_error_line("X509Certificate.get_public_key_pin" + why, [&] { CHECK(empty->get_public_key_pin().empty()); });
}

TEST_CASE("[X509Details] generate_ec: P-256 and P-384 keys that round-trip, sign and certify") {
	for (const char *curve : { "P-256", "P-384" }) {
		CAPTURE(curve);
		Ref<CryptoKey> key = crypto()->generate_ec(curve);
		REQUIRE(key.is_valid());
		CHECK(Object::cast_to<CryptoKeyOpenSSL>(key.ptr())->describe() == String("EC ") + curve);
		const String pem = key->save_to_string();
		CHECK(pem.rfind("-----BEGIN EC PRIVATE KEY-----", 0) == 0); // What Godot's mbedTLS writes.
		Ref<CryptoKey> reloaded(CryptoKey::create());
		REQUIRE(reloaded->load_from_string(pem) == OK);
		CHECK(reloaded->save_to_string() == pem);
		Ref<CryptoKey> public_key(CryptoKey::create());
		REQUIRE(public_key->load_from_string(key->save_to_string(true), true) == OK);
		CHECK(public_key->save_to_string(true).rfind("-----BEGIN PUBLIC KEY-----", 0) == 0);

		const PackedByteArray hash(std::vector<uint8_t>(32, 0x5A));
		const PackedByteArray signature = crypto()->sign(HashingContext::HASH_SHA256, hash, reloaded);
		REQUIRE_FALSE(signature.is_empty());
		CHECK(crypto()->verify(HashingContext::HASH_SHA256, hash, signature, public_key));

		Ref<X509Certificate> certificate = crypto()->generate_self_signed_certificate(key, "CN=localhost,O=Quickdot");
		REQUIRE(certificate.is_valid());
		X509CertificateOpenSSL *native = Object::cast_to<X509CertificateOpenSSL>(certificate.ptr());
		CHECK(native->matches_key(Object::cast_to<CryptoKeyOpenSSL>(key.ptr())->get_pkey()));
		CHECK(X509_get_signature_nid(native->get_leaf()) == NID_ecdsa_with_SHA256);
		CHECK(X509_verify(native->get_leaf(), X509_get0_pubkey(native->get_leaf())) == 1);
		CHECK(certificate->get_subject() == "O=Quickdot,CN=localhost");
	}
}

TEST_CASE("[X509Details] generate_ec refuses other curves, listing the accepted names") {
	Ref<Crypto> c = crypto();
	check_one_error_line("Crypto.generate_ec: 'P-521' is not a curve Quickdot offers; use \"P-256\" (the default) or \"P-384\".",
			[&] { CHECK(c->generate_ec("P-521").is_null()); });
	check_one_error_line("Crypto.generate_ec: '' is not a curve", [&] { CHECK(c->generate_ec("").is_null()); });
	check_one_error_line("no shared cipher", [&] { CHECK(c->generate_ec("Ed25519").is_null()); });
}
