#include "x509_certificate_openssl.h"

#include "dtls/public_key_pin.h"
#include "openssl_util.h"

#include "core/string/print_string.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>

#include <algorithm>
#include <ctime>

namespace godot {

namespace {

String hex_of(const unsigned char *p_bytes, size_t p_size) {
	static const char digits[] = "0123456789abcdef";
	String text;
	for (size_t i = 0; i < p_size; i++) {
		text += digits[p_bytes[i] >> 4];
		text += digits[p_bytes[i] & 15];
	}
	return text;
}

String rfc2253_of(const X509_NAME *p_name) {
	BIOPtr bio(BIO_new(BIO_s_mem()));
	// RFC 2253, with UTF-8 kept readable instead of escaped.
	if (!bio || X509_NAME_print_ex(bio.get(), p_name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0) {
		openssl_take_error();
		return String();
	}
	return openssl_bio_to_string(bio.get());
}

int64_t unix_time_of(const ASN1_TIME *p_time) {
	struct tm parts = {};
	if (p_time == nullptr || ASN1_TIME_to_tm(p_time, &parts) != 1) {
		openssl_take_error();
		return 0;
	}
	return int64_t(timegm(&parts));
}

String text_of(const ASN1_STRING *p_string) {
	return String(reinterpret_cast<const char *>(ASN1_STRING_get0_data(p_string)), size_t(ASN1_STRING_length(p_string)));
}

// An iPAddress entry as text: "127.0.0.1", "::1".
String address_of(const ASN1_OCTET_STRING *p_address) {
	char text[INET6_ADDRSTRLEN] = {};
	const int length = ASN1_STRING_length(p_address);
	const int family = length == 4 ? AF_INET : (length == 16 ? AF_INET6 : -1);
	if (family < 0 || inet_ntop(family, ASN1_STRING_get0_data(p_address), text, sizeof(text)) == nullptr) {
		return String();
	}
	return text;
}

} // namespace

X509Certificate *X509CertificateOpenSSL::_create_func() {
	return memnew(X509CertificateOpenSSL);
}

void X509CertificateOpenSSL::make_default() {
	X509Certificate::_create = _create_func;
}

void X509CertificateOpenSSL::finalize() {
	X509Certificate::_create = nullptr;
}

X509CertificateOpenSSL::~X509CertificateOpenSSL() {
	for (X509 *certificate : chain) {
		X509_free(certificate);
	}
}

X509CertificateOpenSSL *X509CertificateOpenSSL::get_usable(const char *p_who, const Ref<X509Certificate> &p_certificate) {
	X509CertificateOpenSSL *certificate = Object::cast_to<X509CertificateOpenSSL>(p_certificate.ptr());
	if (!certificate) {
		print_error(vformat("%s: the certificate is null; pass an X509Certificate from X509Certificate.load() or Crypto.generate_self_signed_certificate().", p_who));
		return nullptr;
	}
	if (certificate->chain.empty()) {
		print_error(vformat("%s: the certificate is empty; load or generate it first.", p_who));
		return nullptr;
	}
	return certificate;
}

void X509CertificateOpenSSL::add_certificate(X509 *p_certificate) {
	chain.push_back(p_certificate);
}

bool X509CertificateOpenSSL::matches_key(EVP_PKEY *p_key) const {
	X509 *leaf = get_leaf();
	const bool match = leaf && p_key && EVP_PKEY_eq(X509_get0_pubkey(leaf), p_key) == 1;
	openssl_take_error();
	return match;
}

// Appends every certificate in p_data (PEM blocks, other blocks such as keys skipped, or
// DER) to the chain. All or nothing: a corrupt block leaves the chain as it was.
Error X509CertificateOpenSSL::_parse_append(const char *p_who, const String &p_data, const String &p_source) {
	ERR_clear_error();
	std::vector<X509Ptr> parsed;
	BIOPtr bio(BIO_new_mem_buf(p_data.data(), int(p_data.size())));
	if (!bio) {
		print_error(vformat("%s: out of memory%s.", p_who, openssl_error_suffix().c_str()));
		return ERR_OUT_OF_MEMORY;
	}
	if (p_data.find("-----BEGIN ") != String::npos) {
		while (true) {
			X509 *certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
			if (!certificate) {
				const unsigned long error = ERR_peek_last_error();
				if (ERR_GET_LIB(error) == ERR_LIB_PEM && ERR_GET_REASON(error) == PEM_R_NO_START_LINE) {
					ERR_clear_error(); // The normal end: no more PEM blocks.
					break;
				}
				print_error(vformat("%s: certificate %zu in %s is corrupt%s; nothing was loaded.", p_who, parsed.size() + 1, p_source.c_str(), openssl_error_suffix().c_str()));
				return FAILED;
			}
			parsed.emplace_back(certificate);
		}
	} else {
		const unsigned char *cursor = reinterpret_cast<const unsigned char *>(p_data.data());
		const unsigned char *end = cursor + p_data.size();
		while (cursor < end) {
			X509 *certificate = d2i_X509(nullptr, &cursor, long(end - cursor));
			if (!certificate) {
				print_error(vformat("%s: %s is not a PEM or DER certificate%s; nothing was loaded.", p_who, p_source.c_str(), openssl_error_suffix().c_str()));
				return FAILED;
			}
			parsed.emplace_back(certificate);
		}
	}
	if (parsed.empty()) {
		print_error(vformat("%s: %s holds no certificate (expected PEM \"-----BEGIN CERTIFICATE-----\" blocks or DER).", p_who, p_source.c_str()));
		return FAILED;
	}
	for (X509Ptr &certificate : parsed) {
		chain.push_back(certificate.release());
	}
	return OK;
}

// Every certificate of the chain, in order. (Godot's mbedTLS writes the first one N times.)
String X509CertificateOpenSSL::_encode(const char *p_who) {
	if (chain.empty()) {
		print_error(vformat("%s: the certificate is empty; load or generate it first.", p_who));
		return String();
	}
	BIOPtr bio(BIO_new(BIO_s_mem()));
	bool written = bool(bio);
	for (size_t i = 0; written && i < chain.size(); i++) {
		written = PEM_write_bio_X509(bio.get(), chain[i]) == 1;
	}
	if (!written) {
		print_error(vformat("%s: could not encode the certificate%s.", p_who, openssl_error_suffix().c_str()));
		return String();
	}
	return openssl_bio_to_string(bio.get());
}

Error X509CertificateOpenSSL::save(const String &p_path) {
	const String pem = _encode("X509Certificate.save");
	if (pem.empty()) {
		return FAILED;
	}
	return openssl_write_file("X509Certificate.save", p_path, pem);
}

Error X509CertificateOpenSSL::load(const String &p_path) {
	String data;
	const Error error = openssl_read_file("X509Certificate.load", p_path, data);
	if (error != OK) {
		return error;
	}
	return _parse_append("X509Certificate.load", data, "'" + p_path + "'");
}

String X509CertificateOpenSSL::save_to_string() {
	return _encode("X509Certificate.save_to_string");
}

Error X509CertificateOpenSSL::load_from_string(const String &p_string) {
	return _parse_append("X509Certificate.load_from_string", p_string, "the string");
}

X509 *X509CertificateOpenSSL::_leaf_for(const char *p_method) const {
	if (chain.empty()) {
		print_error(vformat("X509Certificate.%s: the certificate is empty; load() or load_from_string() one first.", p_method));
		return nullptr;
	}
	return chain.front();
}

String X509CertificateOpenSSL::get_subject() const {
	X509 *leaf = _leaf_for("get_subject");
	return leaf ? rfc2253_of(X509_get_subject_name(leaf)) : String();
}

String X509CertificateOpenSSL::get_issuer() const {
	X509 *leaf = _leaf_for("get_issuer");
	return leaf ? rfc2253_of(X509_get_issuer_name(leaf)) : String();
}

String X509CertificateOpenSSL::get_serial() const {
	X509 *leaf = _leaf_for("get_serial");
	if (!leaf) {
		return String();
	}
	// What `openssl x509 -serial` prints after "serial=": uppercase hex, two digits a byte.
	BIOPtr bio(BIO_new(BIO_s_mem()));
	if (!bio || i2a_ASN1_INTEGER(bio.get(), X509_get0_serialNumber(leaf)) <= 0) {
		openssl_take_error();
		return String();
	}
	String text = openssl_bio_to_string(bio.get());
	// i2a_ASN1_INTEGER breaks the line every 35 bytes, which only a malformed serial reaches.
	text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == '\\' || c == '\n'; }), text.end());
	return text;
}

int64_t X509CertificateOpenSSL::get_not_before() const {
	X509 *leaf = _leaf_for("get_not_before");
	return leaf ? unix_time_of(X509_get0_notBefore(leaf)) : 0;
}

int64_t X509CertificateOpenSSL::get_not_after() const {
	X509 *leaf = _leaf_for("get_not_after");
	return leaf ? unix_time_of(X509_get0_notAfter(leaf)) : 0;
}

String X509CertificateOpenSSL::get_sha256_fingerprint() const {
	X509 *leaf = _leaf_for("get_sha256_fingerprint");
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int size = 0;
	if (!leaf || X509_digest(leaf, EVP_sha256(), digest, &size) != 1) {
		openssl_take_error();
		return String();
	}
	return hex_of(digest, size);
}

PackedStringArray X509CertificateOpenSSL::get_subject_alt_names() const {
	PackedStringArray names;
	X509 *leaf = _leaf_for("get_subject_alt_names");
	GENERAL_NAMES *entries = leaf ? static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(leaf, NID_subject_alt_name, nullptr, nullptr)) : nullptr;
	for (int i = 0; entries != nullptr && i < sk_GENERAL_NAME_num(entries); i++) {
		const GENERAL_NAME *entry = sk_GENERAL_NAME_value(entries, i);
		switch (entry->type) {
			case GEN_DNS:
			case GEN_EMAIL:
			case GEN_URI:
				names.push_back(text_of(entry->d.ia5));
				break;
			case GEN_IPADD:
				names.push_back(address_of(entry->d.iPAddress));
				break;
			default:
				break; // Directory names and the like: not what a game checks.
		}
	}
	GENERAL_NAMES_free(entries);
	openssl_take_error();
	return names;
}

String X509CertificateOpenSSL::get_public_key_pin() const {
	X509 *leaf = _leaf_for("get_public_key_pin");
	return leaf ? String(dtls::public_key_pin_text(leaf)) : String();
}

} // namespace godot
