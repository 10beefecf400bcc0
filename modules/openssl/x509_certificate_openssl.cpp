#include "x509_certificate_openssl.h"

#include "openssl_util.h"

#include "core/print_string.h"

#include <openssl/err.h>
#include <openssl/pem.h>

namespace godot {

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

} // namespace godot
