#include "dtls_server_openssl.h"

#include "crypto_key_openssl.h"
#include "dtls_trust_openssl.h"
#include "packet_peer_dtls_openssl.h"
#include "x509_certificate_openssl.h"

#include "core/string/print_string.h"

namespace godot {

DTLSServer *DTLSServerOpenSSL::_create_func() {
	return memnew(DTLSServerOpenSSL);
}

void DTLSServerOpenSSL::initialize() {
	_create = _create_func;
}

void DTLSServerOpenSSL::finalize() {
	_create = nullptr;
}

Error DTLSServerOpenSSL::setup(const Ref<TLSOptions> &p_options) {
	if (p_options.is_null()) {
		return _report("setup", ERR_INVALID_PARAMETER, "server_options is null; pass TLSOptions.server(key, certificate)");
	}
	if (!p_options->is_server()) {
		return _report("setup", ERR_INVALID_PARAMETER, "server_options are client options; pass TLSOptions.server(key, certificate)");
	}
	if (!p_options->get_public_key_pins().empty() && p_options->get_client_ca_chain().is_null()) {
		return _report("setup", ERR_INVALID_PARAMETER, "pins on server options pin client certificates; call require_client_certificate() on them too");
	}
	DTLSTrustOpenSSL trust;
	if (!trust.read("DTLSServer.setup", p_options)) {
		return ERR_INVALID_PARAMETER; // read() said why.
	}
	EVP_PKEY *key = nullptr;
	std::vector<X509 *> chain;
	if (!p_options->uses_psk()) {
		const CryptoKeyOpenSSL *own_key = CryptoKeyOpenSSL::get_usable("DTLSServer.setup", p_options->get_private_key(), true);
		const X509CertificateOpenSSL *certificate = own_key ? X509CertificateOpenSSL::get_usable("DTLSServer.setup", p_options->get_own_certificate()) : nullptr;
		if (!certificate) {
			return ERR_INVALID_PARAMETER; // get_usable said why.
		}
		key = own_key->get_pkey();
		chain = certificate->get_chain();
	}
	std::shared_ptr<dtls::DTLSContext> created = std::make_shared<dtls::DTLSContext>();
	if (!created->setup_server(key, chain, trust.get_settings())) {
		return _report("setup", ERR_INVALID_PARAMETER, created->get_last_error() + "; pass the certificate and the private key it was issued for");
	}
	context = std::move(created);
	reporter.clear();
	return OK;
}

Ref<PacketPeerDTLS> DTLSServerOpenSSL::take_connection(const Ref<PacketPeerUDP> &p_peer) {
	if (!context) {
		_report("take_connection", OK, "setup() has not succeeded; call setup(TLSOptions.server(key, certificate)) first. No connection was made");
		return Ref<PacketPeerDTLS>();
	}
	if (p_peer.is_null()) {
		_report("take_connection", OK, "udp_peer is null; pass a peer from UDPServer.take_connection()");
		return Ref<PacketPeerDTLS>();
	}
	if (!p_peer->is_socket_connected()) {
		_report("take_connection", OK, "udp_peer has no remote address (closed, or its UDPServer stopped); pass a peer from UDPServer.take_connection()");
		return Ref<PacketPeerDTLS>();
	}
	Ref<PacketPeerDTLSOpenSSL> peer(memnew(PacketPeerDTLSOpenSSL));
	peer->accept_peer(p_peer, context, cookies, cookie_wait_log, settings);
	reporter.clear();
	return peer;
}

void DTLSServerOpenSSL::set_handshake_retransmit_timeout(double p_seconds) {
	const String refused = PacketPeerDTLSOpenSSL::parse_retransmit_timeout(p_seconds, settings.retransmit_initial_ms);
	if (!refused.empty()) {
		_report("set_handshake_retransmit_timeout", OK, refused + vformat("; it stays %g s", get_handshake_retransmit_timeout()));
	}
}

} // namespace godot
