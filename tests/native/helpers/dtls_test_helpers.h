#pragma once
// Helpers shared by the native DTLS suites (tests/native/modules/openssl and its dtls folder) and
// by the DTLS fuzz targets and their seed recorder (tests/fuzz): keys and certificates made with
// OpenSSL, an in-memory datagram wire, a real ClientHello, and process memory figures.
//
// Nothing here depends on the engine or on doctest, so the fuzz build links this file alone with
// the DTLS core. Failures are returned (null, empty), for the caller to assert on.

#include "dtls/datagram_bio.h"

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

namespace dtls_test {

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;

// Null on failure.
KeyPtr make_ec_key(); // P-256: the cheapest handshakes.
KeyPtr make_rsa_key(size_t p_bits);

// An X.509 v3 certificate for p_key, SHA-256 signed by p_issuer_key (self-signed when p_issuer is
// null), valid from 2020 to 2099: fixed dates, so that a certificate made from the same key under
// a deterministic RNG is the same bytes in every run (the fuzz seeds replay byte for byte). A
// leaf (not p_is_ca) gets the SANs DNS:localhost and IP:127.0.0.1. Null on failure.
CertPtr make_certificate(const char *p_common_name, EVP_PKEY *p_key, X509 *p_issuer, EVP_PKEY *p_issuer_key, bool p_is_ca, long p_serial = 1);

// A P-256 CA and a P-256 leaf for "localhost" that it signed. Every member is null if a step failed.
struct Pki {
	KeyPtr ca_key;
	CertPtr ca;
	KeyPtr leaf_key;
	CertPtr leaf;

	explicit Pki(const char *p_ca_name);
	bool is_valid() const { return ca_key && ca && leaf_key && leaf; }
};

// A DatagramSink that keeps what it is given, in order, for a test to deliver (or not).
class DatagramWire : public godot::dtls::DatagramSink {
public:
	std::deque<std::vector<uint8_t>> datagrams;
	size_t largest = 0;
	size_t sent = 0; // Datagrams handed to the wire, dropped ones included.
	bool drop_all = false;

	void send_datagram(const uint8_t *p_data, size_t p_size) override;
	// The oldest datagram, removed; empty when there is none.
	std::vector<uint8_t> take();
};

// The first datagram of a fresh client session that verifies nothing: a real, cookie-less
// ClientHello. Empty on failure.
std::vector<uint8_t> make_client_hello();

// Bytes the process has allocated and not freed. Under AddressSanitizer this is the sanitizer's
// own count (its allocator replaces glibc's, and RSS there is mostly its quarantine).
size_t live_heap_bytes();
// Resident set size from /proc/self/statm; 0 if it cannot be read.
size_t rss_bytes();

} // namespace dtls_test
