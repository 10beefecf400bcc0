extends Node
# Godot 4.6.3 as the DTLS server of Quickdot's clients (quickdot_project/clients.ts), written as
# Godot's DTLSServer documentation shows, with UDPServer's default settings. It echoes every
# packet as put_var(bytes_to_var(packet)), except on a connection that sent "check values": there
# values.gd checks the values Quickdot built. Prints "godot: listening on <port>"; quits once <sessions> sessions have
# connected and closed (or at the deadline), with the number of failed cases.

const Values := preload("res://values.gd")

var udp_server := UDPServer.new()
var dtls_server := DTLSServer.new()
var peers: Array[PacketPeerDTLS] = []
var connected := {}  # the peers that reached STATUS_CONNECTED and are still up
var values := Values.new()
var checking: PacketPeerDTLS = null  # the connection that asked for the checks
var dir: String
var sessions := 0
var sessions_seen := 0
var deadline_ms := 0


func _init(args: PackedStringArray) -> void:
	dir = args[0]
	sessions = int(args[1])
	deadline_ms = Time.get_ticks_msec() + int(args[2]) * 1000


func _ready() -> void:
	var key := CryptoKey.new()
	var certificate := X509Certificate.new()
	if key.load(dir.path_join("server.key")) != OK or certificate.load(dir.path_join("server.crt")) != OK \
			or dtls_server.setup(TLSOptions.server(key, certificate)) != OK or udp_server.listen(0, "127.0.0.1") != OK:
		printerr("godot: cannot set up the DTLS server with the key and certificate in ", dir)
		set_process(false)
		get_tree().quit(100)
		return
	print("godot: listening on ", udp_server.get_local_port())


func _process(_delta: float) -> void:
	udp_server.poll()
	while udp_server.is_connection_available():
		var peer := dtls_server.take_connection(udp_server.take_connection())
		# Godot's documentation: "It is normal that 50% of the connections fails due to cookie exchange."
		if peer.get_status() == PacketPeerDTLS.STATUS_HANDSHAKING:
			peers.append(peer)
	for peer in peers:
		peer.poll()
		if peer.get_status() != PacketPeerDTLS.STATUS_CONNECTED:
			continue
		if not connected.has(peer):
			connected[peer] = true
			sessions_seen += 1
		while peer.get_available_packet_count() > 0:
			var packet := peer.get_packet()
			if peer == checking:
				var verdict := values.take(packet)
				if verdict != "":
					peer.put_var(verdict)
			elif bytes_to_var(packet) is String and bytes_to_var(packet) == "check values":
				checking = peer
			elif bytes_to_var(packet) is String and bytes_to_var(packet) == "last words, please":
				# A packet, then close_notify at once: the client must still read the packet.
				peer.put_var("last words")
				peer.disconnect_from_peer()
				break
			else:
				# Decoded and encoded again: Quickdot's values must survive Godot's own marshalling.
				peer.put_var(bytes_to_var(packet))
	for peer in peers.filter(func(p: PacketPeerDTLS) -> bool: return not up(p)):
		connected.erase(peer)
	peers = peers.filter(up)
	if sessions_seen >= sessions and connected.is_empty():
		print("godot: %d sessions came and went" % sessions_seen)
		finish(0)
	elif Time.get_ticks_msec() > deadline_ms:
		print("FAIL Godot DTLSServer: deadline reached with %d/%d sessions seen, %d still open" % [sessions_seen, sessions, connected.size()])
		finish(1)


# Prints the value cases (values that never came count as failed) and quits with the failures.
func finish(failures: int) -> void:
	set_process(false)
	get_tree().quit(failures + values.finish())


func up(peer: PacketPeerDTLS) -> bool:
	return peer.get_status() in [PacketPeerDTLS.STATUS_HANDSHAKING, PacketPeerDTLS.STATUS_CONNECTED]
