// Crypto, CryptoKey, X509Certificate, HashingContext and TLSOptions, with the OpenSSL module
// linked in statically: known answers, round trips, interop with the openssl CLI, bad input.

#include "core/crypto/crypto.h"
#include "core/crypto/tls_options.h"
#include "helpers/output_capture.h"
#include "openssl/crypto_key_openssl.h"
#include "openssl/register_types.h"
#include "openssl/x509_certificate_openssl.h"

#include <doctest/doctest.h>

#include <openssl/evp.h>

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace godot;

namespace {

PackedByteArray bytes(const String &p_text) {
	return PackedByteArray(reinterpret_cast<const uint8_t *>(p_text.data()), p_text.size());
}

PackedByteArray repeated(uint8_t p_byte, size_t p_count) {
	return PackedByteArray(std::vector<uint8_t>(p_count, p_byte));
}

String hex(const PackedByteArray &p_bytes) {
	static const char digits[] = "0123456789abcdef";
	String text;
	for (uint8_t byte : p_bytes) {
		text += digits[byte >> 4];
		text += digits[byte & 15];
	}
	return text;
}

String read_text(const String &p_path) {
	std::ifstream file(p_path);
	std::stringstream text;
	text << file.rdbuf();
	return text.str();
}

void write_text(const String &p_path, const String &p_text) {
	std::ofstream(p_path) << p_text;
}

// Runs p_function, which must fail with exactly one printed line mentioning p_who.
template <typename F>
void check_one_error_line(const char *p_who, F p_function) {
	const String output = capture_stderr(p_function);
	INFO("stderr: " << output);
	CHECK(count_lines(output) == 1);
	CHECK(output.find(p_who) != String::npos);
}

// A scratch folder under /tmp, removed at the end of the test case.
struct TempDir {
	String path;
	TempDir() {
		char pattern[] = "/tmp/quickdot_crypto_XXXXXX";
		path = mkdtemp(pattern);
	}
	~TempDir() { std::filesystem::remove_all(path); }
	String operator/(const String &p_name) const { return path + "/" + p_name; }
};

bool have_openssl_cli() {
	static const bool available = system("openssl version >/dev/null 2>&1") == 0;
	return available;
}

// Runs a shell command; returns its stdout and sets r_status to its exit status.
String run(const String &p_command, int &r_status) {
	FILE *pipe = popen(("(" + p_command + ") 2>&1").c_str(), "r");
	String output;
	char buffer[1024];
	for (size_t read = fread(buffer, 1, sizeof(buffer), pipe); read > 0; read = fread(buffer, 1, sizeof(buffer), pipe)) {
		output.append(buffer, read);
	}
	r_status = pclose(pipe);
	return output;
}

Ref<Crypto> make_crypto() {
	return Ref<Crypto>(Crypto::create());
}

Ref<CryptoKey> make_key() {
	return Ref<CryptoKey>(CryptoKey::create());
}

Ref<X509Certificate> make_certificate() {
	return Ref<X509Certificate>(X509Certificate::create());
}

PackedByteArray digest(HashingContext::HashType p_type, const PackedByteArray &p_data) {
	Ref<HashingContext> context(HashingContext::create());
	REQUIRE(context.is_valid());
	REQUIRE(context->start(p_type) == OK);
	REQUIRE(context->update(p_data) == OK);
	return context->finish();
}

// One RSA key for the whole suite: generation is the slow part.
Ref<CryptoKey> shared_rsa_key() {
	static Ref<CryptoKey> key = make_crypto()->generate_rsa(2048);
	return key;
}

Ref<CryptoKey> make_ec_key() {
	Ref<CryptoKey> key = make_key();
	Object::cast_to<CryptoKeyOpenSSL>(key.ptr())->set_pkey(EVP_EC_gen("P-256"), false);
	return key;
}

} // namespace

TEST_CASE("[Crypto] the engine classes are registered as Godot declares them") {
	CHECK(ClassDB::can_instantiate("Crypto"));
	CHECK(ClassDB::can_instantiate("CryptoKey"));
	CHECK(ClassDB::can_instantiate("X509Certificate"));
	CHECK(ClassDB::can_instantiate("HashingContext"));
	CHECK_FALSE(ClassDB::can_instantiate("TLSOptions"));
	CHECK(ClassDB::is_parent_class("CryptoKey", "Resource"));
	CHECK(ClassDB::is_parent_class("X509Certificate", "Resource"));

	int64_t value = -1;
	CHECK(ClassDB::get_integer_constant("HashingContext", "HASH_SHA256", value));
	CHECK(value == 2);

	MethodBind *method = ClassDB::get_method("Crypto", "generate_self_signed_certificate");
	REQUIRE(method);
	CHECK(method->get_argument_count() == 4);
	CHECK(method->get_default_argument_count() == 3);
	CHECK(method->get_info().arguments[1].name == "issuer_name");
	CHECK(method->get_info().default_arguments[0].to_string_value() == "CN=myserver,O=myorganisation,C=IT");
	CHECK(ClassDB::get_method("Crypto", "sign")->get_info().arguments[0].type_string() == "enum::HashingContext.HashType");
	CHECK(ClassDB::get_method("CryptoKey", "is_public_only")->is_const());
	CHECK(ClassDB::get_method("CryptoKey", "load_from_string")->get_info().arguments[0].name == "string_key");
	CHECK(ClassDB::get_method("TLSOptions", "client")->is_static());

	// Instances made through ClassDB are the module's, and scripts see the engine class name.
	Object *key = ClassDB::instantiate("CryptoKey");
	REQUIRE(key);
	CHECK(key->get_class() == "CryptoKey");
	CHECK(Object::cast_to<CryptoKeyOpenSSL>(key));
	Ref<CryptoKey> owner(Object::cast_to<CryptoKey>(key)); // Frees it.
}

TEST_CASE("[Crypto] without the module, creation fails with one clear line") {
	uninitialize_openssl_module(MODULE_INITIALIZATION_LEVEL_CORE);
	const String output = capture_stderr([] {
		CHECK(CryptoKey::create() == nullptr);
	});
	CHECK(output == "ERROR: CryptoKey is not available: the OpenSSL module is not loaded. Check that the project's .gdextension file for quickdot_openssl exists and its library builds.\n");
	check_one_error_line("HashingContext is not available", [] { CHECK(ClassDB::instantiate("HashingContext") == nullptr); });
	check_one_error_line("X509Certificate is not available", [] { CHECK(X509Certificate::create() == nullptr); });
	check_one_error_line("Crypto is not available", [] { CHECK(Crypto::create() == nullptr); });
	initialize_openssl_module(MODULE_INITIALIZATION_LEVEL_CORE);
	Ref<CryptoKey> key(CryptoKey::create());
	CHECK(key.is_valid());
}

TEST_CASE("[Crypto] HashingContext known answers (FIPS 180, RFC 1321) and misuse") {
	CHECK(hex(digest(HashingContext::HASH_MD5, bytes("abc"))) == "900150983cd24fb0d6963f7d28e17f72");
	CHECK(hex(digest(HashingContext::HASH_SHA1, bytes("abc"))) == "a9993e364706816aba3e25717850c26c9cd0d89d");
	CHECK(hex(digest(HashingContext::HASH_SHA256, bytes("abc"))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

	Ref<HashingContext> context(HashingContext::create());
	REQUIRE(context->start(HashingContext::HASH_SHA256) == OK);
	CHECK(context->update(bytes("a")) == OK);
	CHECK(context->update(PackedByteArray()) == OK);
	CHECK(context->update(bytes("bc")) == OK);
	CHECK(hex(context->finish()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

	check_one_error_line("HashingContext.update", [&] { CHECK(context->update(bytes("x")) == ERR_UNCONFIGURED); });
	check_one_error_line("HashingContext.finish", [&] { CHECK(context->finish().is_empty()); });
	REQUIRE(context->start(HashingContext::HASH_SHA1) == OK);
	check_one_error_line("HashingContext.start", [&] { CHECK(context->start(HashingContext::HASH_SHA1) == ERR_ALREADY_IN_USE); });
	CHECK(hex(context->finish()) == "da39a3ee5e6b4b0d3255bfef95601890afd80709"); // SHA-1 of nothing.
	check_one_error_line("HashingContext.start", [&] { CHECK(context->start(HashingContext::HashType(3)) == ERR_INVALID_PARAMETER); });
}

TEST_CASE("[Crypto] hmac_digest: RFC 4231 HMAC-SHA256 and Godot's own vectors") {
	Ref<Crypto> crypto = make_crypto();
	const HashingContext::HashType sha256 = HashingContext::HASH_SHA256;
	// RFC 4231 test cases 1, 2, 3, 4 and 6 (a key longer than the block).
	CHECK(hex(crypto->hmac_digest(sha256, repeated(0x0b, 20), bytes("Hi There"))) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
	CHECK(hex(crypto->hmac_digest(sha256, bytes("Jefe"), bytes("what do ya want for nothing?"))) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	CHECK(hex(crypto->hmac_digest(sha256, repeated(0xaa, 20), repeated(0xdd, 50))) == "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
	PackedByteArray key4;
	for (uint8_t i = 1; i <= 25; i++) {
		key4.push_back(i);
	}
	CHECK(hex(crypto->hmac_digest(sha256, key4, repeated(0xcd, 50))) == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
	CHECK(hex(crypto->hmac_digest(sha256, repeated(0xaa, 131), bytes("Test Using Larger Than Block-Size Key - Hash Key First"))) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");

	// Godot's modules/mbedtls tests (values checked with `openssl dgst -hmac`).
	CHECK(hex(crypto->hmac_digest(sha256, bytes("supersecretkey"), bytes("Return of the MAC!"))) == "fe442023f8a7d36a810e1e7cd8a8e2816457f350a008fbf638296afa12085e59");
	CHECK(hex(crypto->hmac_digest(HashingContext::HASH_SHA1, bytes("supersecretkey"), bytes("Return of the MAC!"))) == "a0ac4cd68a2f4812c355983d94e8d025afe7dddf");

	// An empty key and message are valid HMAC input.
	CHECK(hex(crypto->hmac_digest(sha256, PackedByteArray(), PackedByteArray())) == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
	check_one_error_line("Crypto.hmac_digest", [&] { CHECK(crypto->hmac_digest(HashingContext::HASH_MD5, bytes("k"), bytes("m")).is_empty()); });
}

TEST_CASE("[Crypto] constant_time_compare and generate_random_bytes") {
	Ref<Crypto> crypto = make_crypto();
	CHECK(crypto->constant_time_compare(bytes("secret"), bytes("secret")));
	CHECK_FALSE(crypto->constant_time_compare(bytes("secret"), bytes("secreT")));
	CHECK_FALSE(crypto->constant_time_compare(bytes("secret"), bytes("secret!")));
	CHECK_FALSE(crypto->constant_time_compare(bytes("secret"), PackedByteArray()));
	CHECK(crypto->constant_time_compare(PackedByteArray(), PackedByteArray()));

	CHECK(crypto->generate_random_bytes(0).is_empty());
	const PackedByteArray first = crypto->generate_random_bytes(32);
	const PackedByteArray second = crypto->generate_random_bytes(32);
	CHECK(first.size() == 32);
	CHECK_FALSE(first == second);
	CHECK(crypto->generate_random_bytes(100000).size() == 100000);
	check_one_error_line("Crypto.generate_random_bytes", [&] { CHECK(crypto->generate_random_bytes(-1).is_empty()); });
}

TEST_CASE("[Crypto] RSA keys sign, verify, encrypt and decrypt") {
	Ref<Crypto> crypto = make_crypto();
	Ref<CryptoKey> key = shared_rsa_key();
	REQUIRE(key.is_valid());
	CHECK_FALSE(key->is_public_only());
	CHECK(Object::cast_to<CryptoKeyOpenSSL>(key.ptr())->describe() == "RSA-2048");

	for (HashingContext::HashType type : { HashingContext::HASH_MD5, HashingContext::HASH_SHA1, HashingContext::HASH_SHA256 }) {
		const PackedByteArray hash = digest(type, bytes("a message"));
		const PackedByteArray signature = crypto->sign(type, hash, key);
		CHECK(signature.size() == 256);
		CHECK(crypto->verify(type, hash, signature, key));
		// Tampering gives false quietly: it is an answer, not an error.
		PackedByteArray tampered = hash;
		tampered.set(0, uint8_t(tampered[0] ^ 1));
		const String quiet = capture_stderr([&] { CHECK_FALSE(crypto->verify(type, tampered, signature, key)); });
		CHECK(quiet.empty());
	}
	const PackedByteArray hash = digest(HashingContext::HASH_SHA256, bytes("a message"));
	const PackedByteArray signature = crypto->sign(HashingContext::HASH_SHA256, hash, key);
	PackedByteArray truncated = signature;
	truncated.resize(200);
	check_one_error_line("Crypto.verify", [&] { CHECK_FALSE(crypto->verify(HashingContext::HASH_SHA256, hash, truncated, key)); });
	check_one_error_line("Crypto.sign", [&] { CHECK(crypto->sign(HashingContext::HASH_SHA256, bytes("not a digest"), key).is_empty()); });
	check_one_error_line("Crypto.sign", [&] { CHECK(crypto->sign(HashingContext::HASH_SHA256, hash, Ref<CryptoKey>()).is_empty()); });
	check_one_error_line("Crypto.sign", [&] { CHECK(crypto->sign(HashingContext::HASH_SHA256, hash, make_key()).is_empty()); });
	check_one_error_line("Crypto.verify", [&] { CHECK_FALSE(crypto->verify(HashingContext::HashType(3), hash, signature, key)); });

	const PackedByteArray plaintext = bytes("attack at dawn");
	const PackedByteArray ciphertext = crypto->encrypt(key, plaintext);
	CHECK(ciphertext.size() == 256);
	CHECK(crypto->decrypt(key, ciphertext) == plaintext);
	CHECK_FALSE(crypto->encrypt(key, plaintext) == ciphertext); // PKCS#1 v1.5 padding is random.
	check_one_error_line("Crypto.encrypt", [&] { CHECK(crypto->encrypt(key, repeated(1, 246)).is_empty()); });
	CHECK(crypto->encrypt(key, repeated(1, 245)).size() == 256);
	check_one_error_line("Crypto.decrypt", [&] { CHECK(crypto->decrypt(key, truncated).is_empty()); });
	PackedByteArray corrupt = ciphertext;
	corrupt.set(10, uint8_t(corrupt[10] ^ 0x55));
	check_one_error_line("Crypto.decrypt", [&] { CHECK(crypto->decrypt(key, corrupt).is_empty()); });

	// The public half verifies and encrypts, but cannot sign or decrypt.
	Ref<CryptoKey> public_key = make_key();
	REQUIRE(public_key->load_from_string(key->save_to_string(true), true) == OK);
	CHECK(public_key->is_public_only());
	CHECK(crypto->verify(HashingContext::HASH_SHA256, hash, signature, public_key));
	CHECK(crypto->decrypt(key, crypto->encrypt(public_key, plaintext)) == plaintext);
	check_one_error_line("Crypto.sign", [&] { CHECK(crypto->sign(HashingContext::HASH_SHA256, hash, public_key).is_empty()); });
	check_one_error_line("Crypto.decrypt", [&] { CHECK(crypto->decrypt(public_key, ciphertext).is_empty()); });

	check_one_error_line("Crypto.generate_rsa", [&] { CHECK(crypto->generate_rsa(512).is_null()); });
}

TEST_CASE("[Crypto] EC P-256 keys sign and verify; encryption is refused") {
	Ref<Crypto> crypto = make_crypto();
	Ref<CryptoKey> key = make_ec_key();
	CHECK(Object::cast_to<CryptoKeyOpenSSL>(key.ptr())->describe() == "EC P-256");
	Ref<CryptoKey> reloaded = make_key();
	REQUIRE(reloaded->load_from_string(key->save_to_string()) == OK);
	Ref<CryptoKey> public_key = make_key();
	REQUIRE(public_key->load_from_string(key->save_to_string(true), true) == OK);

	for (HashingContext::HashType type : { HashingContext::HASH_MD5, HashingContext::HASH_SHA1, HashingContext::HASH_SHA256 }) {
		const PackedByteArray hash = digest(type, bytes("ec message"));
		const PackedByteArray signature = crypto->sign(type, hash, reloaded);
		REQUIRE_FALSE(signature.is_empty());
		CHECK(crypto->verify(type, hash, signature, public_key));
		PackedByteArray tampered = hash;
		tampered.set(3, uint8_t(tampered[3] ^ 0x80));
		CHECK_FALSE(crypto->verify(type, tampered, signature, public_key));
	}
	const PackedByteArray hash = digest(HashingContext::HASH_SHA256, bytes("ec message"));
	PackedByteArray truncated = crypto->sign(HashingContext::HASH_SHA256, hash, key);
	truncated.resize(truncated.size() - 5);
	check_one_error_line("Crypto.verify", [&] { CHECK_FALSE(crypto->verify(HashingContext::HASH_SHA256, hash, truncated, key)); });
	check_one_error_line("Crypto.encrypt", [&] { CHECK(crypto->encrypt(key, bytes("x")).is_empty()); });
	check_one_error_line("Crypto.decrypt", [&] { CHECK(crypto->decrypt(key, repeated(0, 64)).is_empty()); });

	// A certificate for an EC key, as DTLS servers may use.
	Ref<X509Certificate> certificate = crypto->generate_self_signed_certificate(key);
	REQUIRE(certificate.is_valid());
	CHECK(Object::cast_to<X509CertificateOpenSSL>(certificate.ptr())->matches_key(Object::cast_to<CryptoKeyOpenSSL>(key.ptr())->get_pkey()));
}

TEST_CASE("[Crypto] CryptoKey PEM strings and files round trip") {
	TempDir dir;
	Ref<CryptoKey> key = shared_rsa_key();
	const String private_pem = key->save_to_string();
	const String public_pem = key->save_to_string(true);
	// Traditional private form, as Godot's mbedTLS writes; SubjectPublicKeyInfo for public.
	CHECK(private_pem.rfind("-----BEGIN RSA PRIVATE KEY-----\n", 0) == 0);
	CHECK(public_pem.rfind("-----BEGIN PUBLIC KEY-----\n", 0) == 0);
	CHECK(make_ec_key()->save_to_string().rfind("-----BEGIN EC PRIVATE KEY-----\n", 0) == 0);

	Ref<CryptoKey> copy = make_key();
	REQUIRE(copy->load_from_string(private_pem) == OK);
	CHECK(copy->save_to_string() == private_pem);

	REQUIRE(key->save(dir / "key.key") == OK);
	REQUIRE(key->save(dir / "key.pub", true) == OK);
	CHECK(read_text(dir / "key.key") == private_pem);
	CHECK(read_text(dir / "key.pub") == public_pem);
	Ref<CryptoKey> from_file = make_key();
	REQUIRE(from_file->load(dir / "key.key") == OK);
	CHECK_FALSE(from_file->is_public_only());
	CHECK(from_file->save_to_string() == private_pem);
	REQUIRE(from_file->load(dir / "key.pub", true) == OK);
	CHECK(from_file->is_public_only());
	CHECK(from_file->save_to_string(true) == public_pem);
	check_one_error_line("CryptoKey.save_to_string", [&] { CHECK(from_file->save_to_string().empty()); });
	check_one_error_line("CryptoKey.save", [&] { CHECK(from_file->save(dir / "nope.key") != OK); });

	// A private key file read as public keeps only the public half.
	Ref<CryptoKey> public_only = make_key();
	REQUIRE(public_only->load(dir / "key.key", true) == OK);
	CHECK(public_only->is_public_only());
	CHECK(public_only->save_to_string(true) == public_pem);

	// A private key after other PEM blocks (a certificate, the public key) is found.
	Ref<X509Certificate> certificate = make_crypto()->generate_self_signed_certificate(key);
	Ref<CryptoKey> combined = make_key();
	REQUIRE(combined->load_from_string(certificate->save_to_string() + public_pem + private_pem) == OK);
	CHECK(combined->save_to_string() == private_pem);
	REQUIRE(combined->load_from_string(certificate->save_to_string() + public_pem + private_pem, true) == OK);
	CHECK(combined->save_to_string(true) == public_pem);
}

TEST_CASE("[Crypto] CryptoKey bad input is refused with one line each") {
	TempDir dir;
	const String private_pem = shared_rsa_key()->save_to_string();
	const String public_pem = shared_rsa_key()->save_to_string(true);
	Ref<CryptoKey> key = make_key();

	check_one_error_line("CryptoKey.load", [&] { CHECK(key->load(dir / "missing.key") == ERR_INVALID_PARAMETER); });
	check_one_error_line("CryptoKey.load_from_string", [&] { CHECK(key->load_from_string("") == FAILED); });
	check_one_error_line("CryptoKey.load_from_string", [&] { CHECK(key->load_from_string("garbage") == FAILED); });
	String corrupt = private_pem;
	corrupt[100] = corrupt[100] == 'A' ? 'B' : 'A';
	corrupt[101] = '*';
	check_one_error_line("CryptoKey.load_from_string", [&] { CHECK(key->load_from_string(corrupt) == FAILED); });
	check_one_error_line("CryptoKey.load_from_string", [&] { CHECK(key->load_from_string(private_pem.substr(0, 300)) == FAILED); });
	check_one_error_line("public_only = true", [&] { CHECK(key->load_from_string(public_pem) == FAILED); });
	Ref<X509Certificate> certificate = make_crypto()->generate_self_signed_certificate(shared_rsa_key());
	check_one_error_line("X509Certificate", [&] { CHECK(key->load_from_string(certificate->save_to_string()) == FAILED); });
	CHECK(Object::cast_to<CryptoKeyOpenSSL>(key.ptr())->is_empty()); // Still empty after every failure.
	check_one_error_line("CryptoKey.save_to_string", [&] { CHECK(key->save_to_string().empty()); });
	write_text(dir / "broken.key", corrupt);
	check_one_error_line("CryptoKey.load", [&] { CHECK(key->load(dir / "broken.key") == FAILED); });
	check_one_error_line("CryptoKey.save", [&] { CHECK(shared_rsa_key()->save(dir / "no/such/dir.key") == ERR_INVALID_PARAMETER); });
}

TEST_CASE("[Crypto] self-signed certificates and chains") {
	Ref<Crypto> crypto = make_crypto();
	TempDir dir;
	Ref<CryptoKey> key = shared_rsa_key();
	Ref<X509Certificate> certificate = crypto->generate_self_signed_certificate(key, "CN=myserver,O=myorganisation,C=IT", "20140101000000", "20340101000000");
	REQUIRE(certificate.is_valid());
	X509CertificateOpenSSL *native = Object::cast_to<X509CertificateOpenSSL>(certificate.ptr());
	CHECK(native->get_chain().size() == 1);
	CHECK(native->matches_key(Object::cast_to<CryptoKeyOpenSSL>(key.ptr())->get_pkey()));
	CHECK_FALSE(native->matches_key(Object::cast_to<CryptoKeyOpenSSL>(make_ec_key().ptr())->get_pkey()));

	const String pem = certificate->save_to_string();
	CHECK(pem.rfind("-----BEGIN CERTIFICATE-----\n", 0) == 0);
	Ref<X509Certificate> copy = make_certificate();
	REQUIRE(copy->load_from_string(pem) == OK);
	CHECK(copy->save_to_string() == pem);
	REQUIRE(certificate->save(dir / "cert.crt") == OK);
	CHECK(read_text(dir / "cert.crt") == pem);

	// Three different certificates in one file are a chain: all kept, all saved, in order.
	const String second = crypto->generate_self_signed_certificate(key, "CN=second")->save_to_string();
	const String third = crypto->generate_self_signed_certificate(make_ec_key(), "CN=third,OU=unit")->save_to_string();
	write_text(dir / "chain.crt", pem + second + third);
	Ref<X509Certificate> chain = make_certificate();
	REQUIRE(chain->load(dir / "chain.crt") == OK);
	CHECK(Object::cast_to<X509CertificateOpenSSL>(chain.ptr())->get_chain().size() == 3);
	CHECK(chain->save_to_string() == pem + second + third);
	REQUIRE(chain->save(dir / "chain_out.crt") == OK);
	CHECK(read_text(dir / "chain_out.crt") == pem + second + third);

	// As in Godot, load appends: a trust chain can be built from several files.
	Ref<X509Certificate> appended = make_certificate();
	REQUIRE(appended->load(dir / "cert.crt") == OK);
	REQUIRE(appended->load_from_string(second) == OK);
	CHECK(appended->save_to_string() == pem + second);
}

TEST_CASE("[Crypto] certificate bad input is refused with one line each") {
	Ref<Crypto> crypto = make_crypto();
	TempDir dir;
	const char *who = "Crypto.generate_self_signed_certificate";
	Ref<CryptoKey> key = shared_rsa_key();
	check_one_error_line(who, [&] { CHECK(crypto->generate_self_signed_certificate(Ref<CryptoKey>()).is_null()); });
	Ref<CryptoKey> public_key = make_key();
	REQUIRE(public_key->load_from_string(key->save_to_string(true), true) == OK);
	check_one_error_line(who, [&] { CHECK(crypto->generate_self_signed_certificate(public_key).is_null()); });
	for (const char *name : { "", "CN=foo,Obar", "CN=", "=x", "XYZZY=1", "C=Italy", "CN=a,,O=b" }) {
		INFO("issuer_name: " << String(name));
		check_one_error_line("issuer_name", [&] { CHECK(crypto->generate_self_signed_certificate(key, name).is_null()); });
	}
	check_one_error_line("not_before", [&] { CHECK(crypto->generate_self_signed_certificate(key, "CN=x", "2014", "20340101000000").is_null()); });
	check_one_error_line("not_before", [&] { CHECK(crypto->generate_self_signed_certificate(key, "CN=x", "20141301000000", "20340101000000").is_null()); });
	check_one_error_line("is before", [&] { CHECK(crypto->generate_self_signed_certificate(key, "CN=x", "20340101000000", "20140101000000").is_null()); });
	// An escaped comma belongs to the value.
	CHECK(crypto->generate_self_signed_certificate(key, "CN=a\\,b,O=x").is_valid());

	const String pem = crypto->generate_self_signed_certificate(key)->save_to_string();
	Ref<X509Certificate> certificate = make_certificate();
	check_one_error_line("X509Certificate.load", [&] { CHECK(certificate->load(dir / "missing.crt") == ERR_INVALID_PARAMETER); });
	check_one_error_line("X509Certificate.load_from_string", [&] { CHECK(certificate->load_from_string("") == FAILED); });
	check_one_error_line("X509Certificate.load_from_string", [&] { CHECK(certificate->load_from_string("not a certificate") == FAILED); });
	check_one_error_line("X509Certificate.load_from_string", [&] { CHECK(certificate->load_from_string(key->save_to_string()) == FAILED); });
	check_one_error_line("X509Certificate.load_from_string", [&] { CHECK(certificate->load_from_string(pem.substr(0, pem.size() / 2)) == FAILED); });
	String corrupt = pem;
	corrupt[200] = '*';
	corrupt[201] = '!';
	check_one_error_line("X509Certificate.load_from_string", [&] { CHECK(certificate->load_from_string(pem + corrupt) == FAILED); });
	// All or nothing: the good first certificate was not kept.
	check_one_error_line("X509Certificate.save_to_string", [&] { CHECK(certificate->save_to_string().empty()); });
	check_one_error_line("X509Certificate.save", [&] { CHECK(certificate->save(dir / "empty.crt") == FAILED); });
}

TEST_CASE("[Crypto] interop with the openssl command line") {
	if (!have_openssl_cli()) {
		MESSAGE("openssl CLI not found; interop checks skipped");
		return;
	}
	Ref<Crypto> crypto = make_crypto();
	TempDir dir;
	int status = 0;

	SUBCASE("our certificate, key and signatures are read by openssl") {
		Ref<CryptoKey> key = shared_rsa_key();
		REQUIRE(crypto->generate_self_signed_certificate(key)->save(dir / "cert.pem") == OK);
		REQUIRE(key->save(dir / "key.pem") == OK);
		REQUIRE(key->save(dir / "pub.pem", true) == OK);

		String output = run("openssl verify -CAfile " + (dir / "cert.pem") + " " + (dir / "cert.pem"), status);
		CHECK_MESSAGE(status == 0, output);
		CHECK(output.find(": OK") != String::npos);
		output = run("openssl x509 -noout -issuer -subject -dates -serial -text -in " + (dir / "cert.pem"), status);
		REQUIRE(status == 0);
		CHECK(output.find("issuer=CN = myserver, O = myorganisation, C = IT\n") != String::npos);
		CHECK(output.find("subject=CN = myserver, O = myorganisation, C = IT\n") != String::npos);
		CHECK(output.find("notBefore=Jan  1 00:00:00 2014 GMT\n") != String::npos);
		CHECK(output.find("notAfter=Jan  1 00:00:00 2034 GMT\n") != String::npos);
		CHECK(output.find("Version: 3 (0x2)") != String::npos);
		CHECK(output.find("Signature Algorithm: sha256WithRSAEncryption") != String::npos);
		CHECK(output.find("CA:TRUE") != String::npos);
		const size_t serial_at = output.find("serial=");
		REQUIRE(serial_at != String::npos);
		CHECK(output.find('\n', serial_at) - serial_at - 7 == 40); // 20 bytes in hex.

		output = run("openssl pkey -noout -check -in " + (dir / "key.pem"), status);
		CHECK_MESSAGE(status == 0, output);

		// A signature of SHA-256("interop data") made here verifies with `openssl dgst`.
		write_text(dir / "data.txt", "interop data");
		const PackedByteArray signature = crypto->sign(HashingContext::HASH_SHA256, digest(HashingContext::HASH_SHA256, bytes("interop data")), key);
		std::ofstream(dir / "data.sig", std::ios::binary).write(reinterpret_cast<const char *>(signature.ptr()), signature.size());
		output = run("openssl dgst -sha256 -verify " + (dir / "pub.pem") + " -signature " + (dir / "data.sig") + " " + (dir / "data.txt"), status);
		CHECK_MESSAGE(status == 0, output);
		CHECK(output.find("Verified OK") != String::npos);
	}

	SUBCASE("an EC key and certificate made by openssl load and sign") {
		const String key_path = dir / "ec.key";
		const String cert_path = dir / "ec.crt";
		String output = run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=interop -days 2 -keyout " + key_path + " -out " + cert_path, status);
		REQUIRE_MESSAGE(status == 0, output);
		Ref<CryptoKey> key = make_key();
		REQUIRE(key->load(key_path) == OK);
		Ref<X509Certificate> certificate = make_certificate();
		REQUIRE(certificate->load(cert_path) == OK);
		CHECK(Object::cast_to<X509CertificateOpenSSL>(certificate.ptr())->matches_key(Object::cast_to<CryptoKeyOpenSSL>(key.ptr())->get_pkey()));
		CHECK(certificate->save_to_string() == read_text(cert_path));

		const PackedByteArray hash = digest(HashingContext::HASH_SHA256, bytes("interop data"));
		CHECK(crypto->verify(HashingContext::HASH_SHA256, hash, crypto->sign(HashingContext::HASH_SHA256, hash, key), key));

		// A signature made by openssl verifies here, with the public key openssl extracted.
		write_text(dir / "data.txt", "interop data");
		output = run("openssl dgst -sha256 -sign " + key_path + " -out " + (dir / "data.sig") + " " + (dir / "data.txt") + " && openssl pkey -pubout -in " + key_path + " -out " + (dir / "ec.pub"), status);
		REQUIRE_MESSAGE(status == 0, output);
		const String signature_text = read_text(dir / "data.sig");
		Ref<CryptoKey> public_key = make_key();
		REQUIRE(public_key->load(dir / "ec.pub", true) == OK);
		CHECK(crypto->verify(HashingContext::HASH_SHA256, hash, bytes(signature_text), public_key));
	}

	SUBCASE("other key files openssl writes") {
		// `openssl ecparam -genkey` writes EC PARAMETERS before the key; PKCS#8 and DER load too.
		String output = run("cd " + dir.path + " && openssl ecparam -name prime256v1 -genkey -out ecparam.key && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out pkcs8.key && openssl pkey -in pkcs8.key -outform DER -out der.key && openssl genpkey -algorithm ed25519 -out ed.key && openssl pkey -in pkcs8.key -aes128 -passout pass:secret -out encrypted.key", status);
		REQUIRE_MESSAGE(status == 0, output);
		Ref<CryptoKey> key = make_key();
		CHECK(key->load(dir / "ecparam.key") == OK);
		CHECK(Object::cast_to<CryptoKeyOpenSSL>(key.ptr())->describe() == "EC P-256");
		CHECK(key->load(dir / "pkcs8.key") == OK);
		CHECK(key->load(dir / "der.key") == OK);
		CHECK(Object::cast_to<CryptoKeyOpenSSL>(key.ptr())->describe() == "RSA-1024");
		check_one_error_line("only RSA and EC", [&] { CHECK(key->load(dir / "ed.key") == FAILED); });
		check_one_error_line("encrypted", [&] { CHECK(key->load(dir / "encrypted.key") == FAILED); });
	}
}

TEST_CASE("[Crypto] TLSOptions hold what they were given") {
	Ref<X509Certificate> chain = make_crypto()->generate_self_signed_certificate(shared_rsa_key());
	Ref<TLSOptions> client = TLSOptions::client();
	CHECK_FALSE(client->is_server());
	CHECK_FALSE(client->is_unsafe_client());
	CHECK(client->get_trusted_ca_chain().is_null());
	CHECK(client->get_common_name_override().empty());

	client = TLSOptions::client(chain, "example.com");
	CHECK(client->get_trusted_ca_chain() == chain);
	CHECK(client->get_common_name_override() == "example.com");

	Ref<TLSOptions> unsafe = TLSOptions::client_unsafe();
	CHECK(unsafe->is_unsafe_client());
	CHECK(unsafe->get_trusted_ca_chain().is_null());

	Ref<TLSOptions> server = TLSOptions::server(shared_rsa_key(), chain);
	CHECK(server->is_server());
	CHECK(server->get_private_key() == shared_rsa_key());
	CHECK(server->get_own_certificate() == chain);
	CHECK(server->get_trusted_ca_chain().is_null());

	// Through ClassDB, as a script calls it: the defaults apply.
	CallError error;
	const Variant result = ClassDB::get_method("TLSOptions", "client_unsafe")->call(nullptr, nullptr, 0, error);
	CHECK(error.error == CallError::CALL_OK);
	Ref<TLSOptions> from_script(result);
	REQUIRE(from_script.is_valid());
	CHECK(from_script->is_unsafe_client());
}
