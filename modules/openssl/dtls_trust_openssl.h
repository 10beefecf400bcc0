#pragma once
// The Quickdot trust extensions of a TLSOptions (pins, CRLs, client certificates, PSK) as the
// engine-free DTLS core takes them (dtls::TrustSettings), shared by PacketPeerDTLS and
// DTLSServer. Owns the CRLs it parses until the context has taken its references.

#include "dtls/dtls_context.h"

#include "core/crypto/tls_options.h"

namespace godot {

class DTLSTrustOpenSSL {
	dtls::TrustSettings settings;

public:
	DTLSTrustOpenSSL() = default;
	~DTLSTrustOpenSSL();
	DTLSTrustOpenSSL(const DTLSTrustOpenSSL &) = delete;
	DTLSTrustOpenSSL &operator=(const DTLSTrustOpenSSL &) = delete;

	// False (with one printed line naming p_who) when a key or certificate of p_options holds
	// nothing usable.
	bool read(const char *p_who, const Ref<TLSOptions> &p_options);
	const dtls::TrustSettings &get_settings() const { return settings; }

	// TLSOptions::_validate_crl_pem: PEM text holding zero or more CRLs and nothing else.
	static bool validate_crl_pem(const String &p_pem, String &r_why);
};

} // namespace godot
