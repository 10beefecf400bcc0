#include "helpers/dtls_test_helpers.h"

#include "dtls/dtls_context.h"
#include "dtls/dtls_session.h"

#include <openssl/x509v3.h>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#if defined(__SANITIZE_ADDRESS__)
#define DTLS_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DTLS_TEST_ASAN 1
#endif
#endif

#ifdef DTLS_TEST_ASAN
#if __has_include(<sanitizer/allocator_interface.h>)
#include <sanitizer/allocator_interface.h>
#else
// From the sanitizer runtime: GCC does not install the header that declares it.
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif
#endif

namespace dtls_test {

KeyPtr make_ec_key() {
	return KeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), &EVP_PKEY_free);
}

KeyPtr make_rsa_key(size_t p_bits) {
	return KeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", p_bits), &EVP_PKEY_free);
}

namespace {

bool add_extension(X509 *p_certificate, X509V3_CTX *p_v3, int p_nid, const char *p_value) {
	X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, p_v3, p_nid, p_value);
	if (extension == nullptr) {
		return false;
	}
	const bool added = X509_add_ext(p_certificate, extension, -1) == 1;
	X509_EXTENSION_free(extension);
	return added;
}

} // namespace

CertPtr make_certificate(const char *p_common_name, EVP_PKEY *p_key, X509 *p_issuer, EVP_PKEY *p_issuer_key, bool p_is_ca, long p_serial) {
	CertPtr certificate(X509_new(), &X509_free);
	X509 *x = certificate.get();
	if (x == nullptr || p_key == nullptr || (p_issuer == nullptr) != (p_issuer_key == nullptr)) {
		return CertPtr(nullptr, &X509_free);
	}
	X509_NAME *name = X509_get_subject_name(x);
	bool made = X509_set_version(x, 2) == 1 &&
			ASN1_INTEGER_set(X509_get_serialNumber(x), p_serial) == 1 &&
			ASN1_TIME_set_string(X509_getm_notBefore(x), "20200101000000Z") == 1 &&
			ASN1_TIME_set_string(X509_getm_notAfter(x), "20991231235959Z") == 1 &&
			X509_set_pubkey(x, p_key) == 1 &&
			X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(p_common_name), -1, -1, 0) == 1 &&
			X509_set_issuer_name(x, p_issuer != nullptr ? X509_get_subject_name(p_issuer) : name) == 1;
	X509V3_CTX v3;
	X509V3_set_ctx_nodb(&v3);
	X509V3_set_ctx(&v3, p_issuer != nullptr ? p_issuer : x, x, nullptr, nullptr, 0);
	made = made && add_extension(x, &v3, NID_basic_constraints, p_is_ca ? "critical,CA:TRUE" : "critical,CA:FALSE") &&
			add_extension(x, &v3, NID_key_usage, p_is_ca ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,keyEncipherment") &&
			(p_is_ca || add_extension(x, &v3, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1")) &&
			X509_sign(x, p_issuer_key != nullptr ? p_issuer_key : p_key, EVP_sha256()) > 0;
	return made ? std::move(certificate) : CertPtr(nullptr, &X509_free);
}

Pki::Pki(const char *p_ca_name) :
		ca_key(make_ec_key()),
		ca(make_certificate(p_ca_name, ca_key.get(), nullptr, nullptr, true)),
		leaf_key(make_ec_key()),
		leaf(make_certificate("localhost", leaf_key.get(), ca.get(), ca_key.get(), false, 2)) {
}

void DatagramWire::send_datagram(const uint8_t *p_data, size_t p_size) {
	sent++;
	largest = std::max(largest, p_size);
	if (!drop_all) {
		datagrams.emplace_back(p_data, p_data + p_size);
	}
}

std::vector<uint8_t> DatagramWire::take() {
	if (datagrams.empty()) {
		return {};
	}
	std::vector<uint8_t> datagram = std::move(datagrams.front());
	datagrams.pop_front();
	return datagram;
}

std::vector<uint8_t> make_client_hello() {
	godot::dtls::DTLSContext context;
	if (!context.setup_client(godot::dtls::DTLSContext::VerifyMode::NONE, {})) {
		return {};
	}
	DatagramWire wire;
	godot::dtls::DTLSSession session(context.get_ssl_ctx(), godot::dtls::DTLSSession::SIDE_CLIENT, &wire);
	if (!session.start_client("localhost", "", 0)) {
		return {};
	}
	return wire.take();
}

size_t live_heap_bytes() {
#ifdef DTLS_TEST_ASAN
	return __sanitizer_get_current_allocated_bytes();
#else
	const struct mallinfo2 info = mallinfo2();
	return info.uordblks + info.hblkhd; // Large blocks are mmapped outside the heap.
#endif
}

size_t rss_bytes() {
	FILE *statm = fopen("/proc/self/statm", "r");
	if (statm == nullptr) {
		return 0;
	}
	unsigned long total_pages = 0, resident_pages = 0;
	const bool read = fscanf(statm, "%lu %lu", &total_pages, &resident_pages) == 2;
	fclose(statm);
	return read ? size_t(resident_pages) * size_t(sysconf(_SC_PAGESIZE)) : 0;
}

} // namespace dtls_test
