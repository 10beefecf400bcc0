#include "core/io/register_io_types.h"

#include "core/io/config_file.h"
#include "core/io/dtls_server.h"
#include "core/io/json.h"
#include "core/io/marshalls.h"
#include "core/io/packet_peer.h"
#include "core/io/packet_peer_dtls.h"
#include "core/io/packet_peer_udp.h"
#include "core/io/udp_server.h"

namespace godot {

void register_io_types() {
	GDREGISTER_CLASS(ConfigFile);
	GDREGISTER_CLASS(EncodedObjectAsID);
	GDREGISTER_CLASS(JSON);
	GDREGISTER_ABSTRACT_CLASS(PacketPeer);
	GDREGISTER_CLASS(PacketPeerUDP);
	GDREGISTER_CLASS(UDPServer);
	// Instantiated through the OpenSSL module's create hooks.
	ClassDB::register_custom_instance_class<PacketPeerDTLS>();
	ClassDB::register_custom_instance_class<DTLSServer>();
}

} // namespace godot
