extends "res://scenario.gd"
# Echo ping-pong (bench/project/echo.ts): N clients each do M round trips of an S-byte payload
# through one server, all in this process. Each frame the server echoes what arrived and each
# client answers its echo with the next packet, so a frame carries one round trip per client.


class Client:
	var udp := PacketPeerUDP.new()
	var dtls := PacketPeerDTLS.new()
	var received := 0


var n: int
var m: int
var s: int
var server: Common.BenchServer
var clients: Array[Client] = []
var payload := PackedByteArray()
var started := false
var done := 0
var start_sec := 0.0
var start_cpu := 0.0
var deadline := 0.0


func _init(p_n: int, p_m: int, p_s: int) -> void:
	n = p_n
	m = p_m
	s = p_s


func _ready() -> void:
	var identity := Common.make_identity()
	server = Common.BenchServer.new(identity)
	if not server.listen(0):
		return fail("echo", "cannot listen")
	var options := TLSOptions.client(identity[1])
	for i in n:
		var client := Client.new()
		client.udp.connect_to_host("127.0.0.1", server.get_port())
		client.dtls.connect_to_peer(client.udp, "localhost", options)
		clients.append(client)
	var size := mini(s, Common.MAX_PAYLOAD_AT_DEFAULT_MTU)
	payload.resize(size)
	for i in size:
		payload[i] = (i * 7) & 255
	deadline = Common.now_sec() + 60


func _process(_delta: float) -> void:
	if is_finished():
		return
	server.poll(true)
	if not started:
		wait_for_handshakes()
		return
	var size := payload.size()
	for client in clients:
		client.dtls.poll()
		while client.dtls.get_available_packet_count() > 0:
			if client.dtls.get_packet().size() != size:
				continue
			client.received += 1
			if client.received < m:
				client.dtls.put_packet(payload)
			elif client.received == m:
				done += 1
	if done == n or Common.now_sec() > deadline:
		var seconds := Common.now_sec() - start_sec
		finish({
			"name": "echo", "n": n, "m": m, "s": s, "payload": size, "completed": done,
			"seconds": seconds, "cpu_seconds": Common.cpu_seconds() - start_cpu,
			"packets_per_sec": n * m / seconds,
		})


func wait_for_handshakes() -> void:
	var connected := 0
	for client in clients:
		client.dtls.poll()
		var status := client.dtls.get_status()
		if status == PacketPeerDTLS.STATUS_CONNECTED:
			connected += 1
		elif status != PacketPeerDTLS.STATUS_HANDSHAKING:
			return fail("echo", "a client failed to connect")
	if connected < n:
		if Common.now_sec() > deadline:
			fail("echo", "the clients did not all connect")
		return
	started = true
	start_sec = Common.now_sec()
	start_cpu = Common.cpu_seconds()
	deadline = start_sec + 120
	for client in clients:
		if client.dtls.put_packet(payload) != OK:
			return fail("echo", "put_packet of %d bytes refused" % payload.size())
