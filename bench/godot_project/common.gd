extends RefCounted
# Shared pieces of the benchmark scenes (bench/project/common.ts in GDScript): clocks, memory, the
# server identity and the standard DTLS server loop (UDPServer + DTLSServer.take_connection, as in
# Godot's docs).

# The largest payload one record carries at Quickdot's default MTU (1200-byte datagrams) with
# AES-128-GCM: 1200 - 13 - 8 - 16. The TypeScript scene sends the same, so both send equal bytes.
const MAX_PAYLOAD_AT_DEFAULT_MTU := 1163


static func now_sec() -> float:
	return Time.get_ticks_usec() / 1e6


static func first_line(path: String) -> String:
	var file := FileAccess.open(path, FileAccess.READ)
	if file == null:
		return ""
	return file.get_line()


# Resident set size of this process, from /proc/self/statm (x86-64 Linux: 4 KiB pages).
static func rss_bytes() -> int:
	return first_line("/proc/self/statm").split(" ")[1].to_int() * 4096


# Peak resident set size so far (VmHWM in /proc/self/status).
static func peak_rss_bytes() -> int:
	var file := FileAccess.open("/proc/self/status", FileAccess.READ)
	if file == null:
		return -1
	while not file.eof_reached():
		var line := file.get_line()
		if line.begins_with("VmHWM:"):
			return line.substr(6).strip_edges().split(" ")[0].to_int() * 1024
	return -1


# User + system CPU time of this process, from /proc/self/stat (clock ticks of 10 ms).
static func cpu_seconds() -> float:
	var stat := first_line("/proc/self/stat")
	var fields := stat.substr(stat.rfind(")") + 2).split(" ") # fields[0] is field 3, "state".
	return (fields[11].to_int() + fields[12].to_int()) / 100.0


# An RSA-2048 key and a self-signed certificate for CN=localhost, made at start, as on the
# other sides.
static func make_identity() -> Array:
	var crypto := Crypto.new()
	var key := crypto.generate_rsa(2048)
	var certificate := crypto.generate_self_signed_certificate(key, "CN=localhost")
	return [key, certificate]


# The standard server loop of a Godot DTLS server, written the way a game script would.
class BenchServer:
	var udp := UDPServer.new()
	var dtls := DTLSServer.new()
	var peers: Array[PacketPeerDTLS] = []

	func _init(identity: Array) -> void:
		dtls.setup(TLSOptions.server(identity[0], identity[1]))

	func listen(port: int) -> bool:
		return udp.listen(port, "127.0.0.1") == OK

	func get_port() -> int:
		return udp.get_local_port()

	# Takes new connections, then polls every peer; with echo, sends every packet straight back.
	func poll(echo: bool) -> void:
		udp.poll()
		while udp.is_connection_available():
			var peer := dtls.take_connection(udp.take_connection())
			if peer != null and peer.get_status() == PacketPeerDTLS.STATUS_HANDSHAKING:
				peers.append(peer)
		for peer in peers:
			peer.poll()
			# Godot prints an error when the count is asked of a peer still handshaking; its count is
			# 1 while a decrypted record waits, so it is asked again after each packet.
			if echo and peer.get_status() == PacketPeerDTLS.STATUS_CONNECTED:
				while peer.get_available_packet_count() > 0:
					peer.put_packet(peer.get_packet())

	func count(status: PacketPeerDTLS.Status) -> int:
		var n := 0
		for peer in peers:
			if peer.get_status() == status:
				n += 1
		return n
