extends "res://scenario.gd"
# Plain UDP echo (bench/project/udp_echo.ts): N PacketPeerUDP clients each have M S-byte datagrams
# echoed by one UDPServer whose taken peers send every packet straight back, W datagrams in flight
# per client (each echo received sends the next), all in this process and all polled once a frame.


class Client:
	var udp := PacketPeerUDP.new()
	var received := 0


var n: int
var m: int
var s: int
var w: int
var server := UDPServer.new()
var peers: Array[PacketPeerUDP] = []
var clients: Array[Client] = []
var payload := PackedByteArray()
var echoed := 0
var done := 0
var start_sec := 0.0
var start_cpu := 0.0
var deadline := 0.0


func _init(p_n: int, p_m: int, p_s: int, p_w: int) -> void:
	n = p_n
	m = p_m
	s = p_s
	w = p_w


func _ready() -> void:
	if server.listen(0, "127.0.0.1") != OK:
		return fail("udp_echo", "cannot listen")
	payload.resize(s)
	for i in s:
		payload[i] = (i * 7) & 255
	start_sec = Common.now_sec()
	start_cpu = Common.cpu_seconds()
	deadline = start_sec + 120
	for i in n:
		var client := Client.new()
		client.udp.connect_to_host("127.0.0.1", server.get_local_port())
		for sent in w:
			if client.udp.put_packet(payload) != OK:
				return fail("udp_echo", "put_packet refused")
		clients.append(client)


func _process(_delta: float) -> void:
	if is_finished():
		return
	server.poll()
	while server.is_connection_available():
		peers.append(server.take_connection())
	for peer in peers:
		for count in peer.get_available_packet_count():
			peer.put_packet(peer.get_packet())
			echoed += 1
	for client in clients:
		for count in client.udp.get_available_packet_count():
			if client.udp.get_packet().size() != s:
				continue
			client.received += 1
			if client.received + w <= m:
				client.udp.put_packet(payload)
			elif client.received == m:
				done += 1
	if done == n or Common.now_sec() > deadline:
		var seconds := Common.now_sec() - start_sec
		finish({
			"name": "udp_echo", "n": n, "m": m, "s": s, "w": w, "completed": done, "echoed": echoed,
			"seconds": seconds, "cpu_seconds": Common.cpu_seconds() - start_cpu,
			"datagrams_per_sec": 2 * echoed / seconds,
		})
