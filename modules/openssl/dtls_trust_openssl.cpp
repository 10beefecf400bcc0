#include "dtls_trust_openssl.h"

#include "crypto_key_openssl.h"
#include "openssl_util.h"
#include "x509_certificate_openssl.h"

#include "core/string/print_string.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <algorithm>

namespace godot {

namespace {

// Every CRL of p_pem, appended to r_crls (owned by the caller). False, with the reason, for text
// that is not PEM CRLs.
bool parse_crls(const String &p_pem, std::vector<X509_CRL *> &r_crls, String &r_why) {
	ERR_clear_error();
	BIOPtr bio(BIO_new_mem_buf(p_pem.data(), int(p_pem.size())));
	if (!bio) {
		r_why = "out of memory reading the CRLs";
		return false;
	}
	while (X509_CRL *crl = PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr)) {
		r_crls.push_back(crl);
	}
	// The loop ends at the first text that is no CRL: fine only when it is the end.
	const unsigned long code = ERR_peek_last_error();
	ERR_clear_error();
	const bool at_end = ERR_GET_LIB(code) == ERR_LIB_PEM && ERR_GET_REASON(code) == PEM_R_NO_START_LINE;
	if (!at_end || (r_crls.empty() && p_pem.find_first_not_of(" \t\r\n") != String::npos)) {
		r_why = "crl_pem is not PEM CRLs (\"-----BEGIN X509 CRL-----\" blocks, as `openssl ca -gencrl` writes them)";
		return false;
	}
	return true;
}

std::vector<uint8_t> bytes_of(const PackedByteArray &p_bytes) {
	return std::vector<uint8_t>(p_bytes.ptr(), p_bytes.ptr() + p_bytes.size());
}

} // namespace

DTLSTrustOpenSSL::~DTLSTrustOpenSSL() {
	for (X509_CRL *crl : settings.crls) {
		X509_CRL_free(crl);
	}
}

bool DTLSTrustOpenSSL::validate_crl_pem(const String &p_pem, String &r_why) {
	std::vector<X509_CRL *> crls;
	const bool parsed = parse_crls(p_pem, crls, r_why);
	for (X509_CRL *crl : crls) {
		X509_CRL_free(crl);
	}
	return parsed;
}

bool DTLSTrustOpenSSL::read(const char *p_who, const Ref<TLSOptions> &p_options) {
	for (const PackedByteArray &digest : p_options->get_public_key_pins()) {
		dtls::PublicKeyPin pin;
		std::copy(digest.begin(), digest.end(), pin.begin()); // TLSOptions made it 32 bytes.
		settings.pins.push_back(pin);
	}
	settings.check_revocation = p_options->is_revocation_checked();
	String why;
	if (settings.check_revocation && !parse_crls(p_options->get_crl_pem(), settings.crls, why)) {
		print_error(String(p_who) + ": " + why);
		return false;
	}
	if (!p_options->is_server() && p_options->get_private_key().is_valid()) {
		const CryptoKeyOpenSSL *key = CryptoKeyOpenSSL::get_usable(p_who, p_options->get_private_key(), true);
		const X509CertificateOpenSSL *certificate = key ? X509CertificateOpenSSL::get_usable(p_who, p_options->get_own_certificate()) : nullptr;
		if (!certificate) {
			return false; // get_usable said why.
		}
		settings.client_key = key->get_pkey();
		settings.client_chain = certificate->get_chain();
	}
	if (p_options->get_client_ca_chain().is_valid()) {
		const X509CertificateOpenSSL *chain = X509CertificateOpenSSL::get_usable(p_who, p_options->get_client_ca_chain());
		if (!chain) {
			return false;
		}
		settings.client_ca = chain->get_chain();
		settings.client_certificate_required = p_options->is_client_certificate_required();
	}
	settings.psk_identity = p_options->get_psk_identity();
	settings.psk_key = bytes_of(p_options->get_psk_key());
	for (const auto &entry : p_options->get_psk_keys()) {
		settings.psk_keys[entry.first] = bytes_of(entry.second);
	}
	return true;
}

} // namespace godot
