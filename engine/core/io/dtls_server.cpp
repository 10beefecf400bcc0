#include "core/io/dtls_server.h"

#include "core/string/print_string.h"

namespace godot {

DTLSServer *(*DTLSServer::_create)() = nullptr;

DTLSServer *DTLSServer::create() {
	if (!_create) {
		print_error("DTLSServer is not available: the OpenSSL module is not loaded (is the project's .gdextension file present and its library built?)");
		return nullptr;
	}
	return _create();
}

void DTLSServer::_bind_methods() {
	ClassDB::bind_method(D_METHOD("setup", "server_options"), &DTLSServer::setup);
	ClassDB::bind_method(D_METHOD("take_connection", "udp_peer"), &DTLSServer::take_connection);
	ClassDB::bind_method(D_METHOD("set_handshake_retransmit_timeout", "seconds"), &DTLSServer::set_handshake_retransmit_timeout)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_handshake_retransmit_timeout"), &DTLSServer::get_handshake_retransmit_timeout)->set_quickdot_extension();
}

} // namespace godot
