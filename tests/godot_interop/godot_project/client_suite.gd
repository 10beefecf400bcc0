extends Node
# Godot 4.6.3 as the client of Quickdot's servers (quickdot_project/servers.ts): DTLS verified
# with the test CA for "localhost", every reference value echoed over DTLS and UDP, Godot's
# var_to_str text parsed by Quickdot, a 16000-byte DTLS packet, 50 clients at once. Prints
# "PASS <case>" or "FAIL <case>: <why>" for each case and a "JOIN ..." line with the join times;
# quits with the number of failed cases.

const Reference := preload("res://reference.gd")
const WAIT_MS := 3000
const HANDSHAKE_MS := 10000
const CLIENTS := 50

var dir: String
var dtls_port: int
var echo_port: int
var text_port: int
var ca := X509Certificate.new()
var failures := 0


func _init(args: PackedStringArray) -> void:
	dir = args[0]
	dtls_port = int(args[1])
	echo_port = int(args[2])
	text_port = int(args[3])


func _ready() -> void:
	if ca.load(dir.path_join("ca.crt")) != OK:
		printerr("godot: cannot load ", dir.path_join("ca.crt"))
		get_tree().quit(100)
		return
	var values := Reference.values(dir)
	await wrong_hostname()
	var peer: PacketPeerDTLS = await verified_client()
	await echo_values(peer, values, "DTLS")
	await big_packet(peer)
	if peer != null:
		peer.disconnect_from_peer()
	await last_words()
	var udp := PacketPeerUDP.new()
	udp.connect_to_host("127.0.0.1", echo_port)
	await echo_values(udp, values, "UDP")
	await parse_texts(values)
	await many_clients()
	get_tree().quit(failures)


func report(case_name: String, ok: bool, why: String) -> void:
	if ok:
		print("PASS ", case_name)
	else:
		print("FAIL ", case_name, ": ", why)
		failures += 1


func new_client(hostname: String) -> PacketPeerDTLS:
	var udp := PacketPeerUDP.new()
	udp.connect_to_host("127.0.0.1", dtls_port)
	var dtls := PacketPeerDTLS.new()
	dtls.connect_to_peer(udp, hostname, TLSOptions.client(ca))
	return dtls


# Polls until the handshake has ended; returns the status it ended in.
func handshake(peer: PacketPeerDTLS) -> int:
	var until := Time.get_ticks_msec() + HANDSHAKE_MS
	peer.poll()
	while peer.get_status() == PacketPeerDTLS.STATUS_HANDSHAKING and Time.get_ticks_msec() < until:
		await get_tree().process_frame
		peer.poll()
	return peer.get_status()


# The next packet of a UDP or DTLS peer, or null after WAIT_MS or once the DTLS peer is down.
func next_packet(peer: PacketPeer) -> Variant:
	var until := Time.get_ticks_msec() + WAIT_MS
	while Time.get_ticks_msec() < until:
		if peer is PacketPeerDTLS:
			peer.poll()
			if peer.get_status() != PacketPeerDTLS.STATUS_CONNECTED:
				return null
		if peer.get_available_packet_count() > 0:
			return peer.get_packet()
		await get_tree().process_frame
	return null


func wrong_hostname() -> void:
	var status: int = await handshake(new_client("wrong.example"))
	# Godot's mbedTLS peer reports a name mismatch as STATUS_ERROR; either refusal will do.
	var refused := status == PacketPeerDTLS.STATUS_ERROR or status == PacketPeerDTLS.STATUS_ERROR_HOSTNAME_MISMATCH
	report("Godot DTLS client -> Quickdot DTLSServer, wrong hostname refused", refused, "the handshake ended in status %d" % status)


# Quickdot's server answers "last words, please" with a packet and its close_notify at once;
# Godot's usual loop must read the packet while still connected.
func last_words() -> void:
	var case_name := "Quickdot DTLSServer: a packet then close_notify -> Godot client reads it while CONNECTED"
	var peer := new_client("localhost")
	if await handshake(peer) != PacketPeerDTLS.STATUS_CONNECTED:
		report(case_name, false, "the handshake ended in status %d" % peer.get_status())
		return
	peer.put_var("last words, please")
	var received := []
	var until := Time.get_ticks_msec() + WAIT_MS
	while Time.get_ticks_msec() < until:
		peer.poll()
		if peer.get_status() != PacketPeerDTLS.STATUS_CONNECTED:
			break
		while peer.get_available_packet_count() > 0:
			received.append(bytes_to_var(peer.get_packet()))
		await get_tree().process_frame
	var ok := received == ["last words"] and peer.get_status() == PacketPeerDTLS.STATUS_DISCONNECTED
	report(case_name, ok, "received %s, status %d" % [received, peer.get_status()])


func verified_client() -> PacketPeerDTLS:
	var case_name := "Godot DTLS client -> Quickdot DTLSServer, CA + hostname verified, echo"
	var started := Time.get_ticks_msec()
	var peer := new_client("localhost")
	var status: int = await handshake(peer)
	if status != PacketPeerDTLS.STATUS_CONNECTED:
		report(case_name, false, "the handshake ended in status %d" % status)
		return null
	var handshake_ms := Time.get_ticks_msec() - started
	peer.put_var("hello from godot")
	var echo: Variant = await next_packet(peer)
	var ok: bool = echo != null and bytes_to_var(echo) == "hello from godot"
	report("%s (handshake %d ms)" % [case_name, handshake_ms], ok, "got back %s" % [echo])
	return peer


# put_var of each value; Quickdot answers put_var(get_var()), which must be the bytes sent.
func echo_values(peer: PacketPeer, values: Array, transport: String) -> void:
	var case_name := "Godot put_var -> Quickdot put_var(get_var()) over %s: %d reference values come back as the same bytes" % [transport, values.size()]
	if peer == null:
		report(case_name, false, "not run: no connection")
		return
	var wrong := PackedStringArray()
	for entry: Array in values:
		var sent := var_to_bytes(entry[1])
		peer.put_var(entry[1])
		var echo: Variant = await next_packet(peer)
		if echo == null:
			wrong.append("%s got no answer, the rest were not sent" % entry[0])
			break
		if echo != sent:
			wrong.append("%s (sent %s, got %s)" % [entry[0], sent.hex_encode(), echo.hex_encode()])
	report(case_name, wrong.is_empty(), "%d differ: %s" % [wrong.size(), ", ".join(wrong)])


# var_to_str of each value to Quickdot, which answers put_var(str_to_var(text)): that must be the
# bytes of the value Godot's own str_to_var makes of the text.
func parse_texts(values: Array) -> void:
	var udp := PacketPeerUDP.new()
	udp.connect_to_host("127.0.0.1", text_port)
	var wrong := PackedStringArray()
	for entry: Array in values:
		var text := var_to_str(entry[1])
		var expected := var_to_bytes(str_to_var(text))
		udp.put_var(text)
		var answer: Variant = await next_packet(udp)
		if answer == null:
			wrong.append("%s got no answer, the rest were not sent" % entry[0])
			break
		if answer != expected:
			wrong.append("%s (%s parsed to %s)" % [entry[0], text.c_escape(), var_to_str(bytes_to_var(answer)).c_escape()])
	var case_name := "Godot var_to_str -> Quickdot str_to_var: %d texts parse to the value Godot parses" % values.size()
	report(case_name, wrong.is_empty(), "%d differ: %s" % [wrong.size(), ", ".join(wrong)])


# put_var of a 15992-byte PackedByteArray is one 16000-byte packet, which Quickdot echoes.
func big_packet(peer: PacketPeerDTLS) -> void:
	var case_name := "16000-byte DTLS packets Godot -> Quickdot -> Godot"
	if peer == null:
		report(case_name, false, "not run: no connection")
		return
	var payload := PackedByteArray()
	payload.resize(15992)
	for i in payload.size():
		payload[i] = i % 251
	var sent := var_to_bytes(payload)
	var error := peer.put_var(payload)
	if error != OK:
		report(case_name, false, "put_var of %d bytes returned %s" % [sent.size(), error_string(error)])
		return
	var echo: Variant = await next_packet(peer)
	var why := "no echo within %d ms (see Quickdot's log)" % WAIT_MS if echo == null else "got %d different bytes back" % echo.size()
	report(case_name, echo != null and echo == sent, why)


func many_clients() -> void:
	var clients: Array[Dictionary] = []
	for i in CLIENTS:
		clients.append({"peer": new_client("localhost"), "started": Time.get_ticks_msec(), "joined_ms": -1, "echoed": false})
	var until := Time.get_ticks_msec() + 2 * HANDSHAKE_MS
	while clients.any(func(c: Dictionary) -> bool: return not c.echoed) and Time.get_ticks_msec() < until:
		for i in CLIENTS:
			var client := clients[i]
			var peer: PacketPeerDTLS = client.peer
			peer.poll()
			if peer.get_status() != PacketPeerDTLS.STATUS_CONNECTED:
				continue
			if client.joined_ms < 0:
				client.joined_ms = Time.get_ticks_msec() - client.started
				peer.put_var("hello from client %d" % i)
			if peer.get_available_packet_count() > 0:
				client.echoed = peer.get_var() == "hello from client %d" % i
		await get_tree().process_frame
	var times := clients.map(func(c: Dictionary) -> int: return c.joined_ms).filter(func(ms: int) -> bool: return ms >= 0)
	times.sort()
	var spread := "" if times.is_empty() else ", all within %d ms (first %d ms, median %d ms)" % [times[-1], times[0], times[times.size() / 2]]
	print("JOIN %d Godot clients -> Quickdot DTLSServer: %d/%d connected%s" % [CLIENTS, times.size(), CLIENTS, spread])
	var echoed := clients.filter(func(c: Dictionary) -> bool: return c.echoed).size()
	var case_name := "%d Godot DTLS clients at once -> Quickdot DTLSServer, echo" % CLIENTS
	report(case_name, echoed == CLIENTS, "%d connected, %d echoed" % [times.size(), echoed])
	for client in clients:
		client.peer.disconnect_from_peer()
