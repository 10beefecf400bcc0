extends "res://scenario.gd"
# Handshake storm (bench/project/handshake.ts): N clients start their handshakes in the same frame
# against one server in this process, with every setting at its default (UDPServer
# max_pending_connections 16, Godot's retransmission timers). Measures the time until every
# client is connected or failed. An optional second number sets max_pending_connections instead.

const DEADLINE_SEC := 120.0

var n: int
var max_pending: int
var server: Common.BenchServer
var sockets: Array[PacketPeerUDP] = []
var pending: Array[PacketPeerDTLS] = []
var connected := 0
var failed := 0
var start_sec := 0.0
var start_cpu := 0.0


func _init(p_n: int, p_max_pending: int) -> void:
	n = p_n
	max_pending = p_max_pending


func _ready() -> void:
	var identity := Common.make_identity()
	server = Common.BenchServer.new(identity)
	if not server.listen(0):
		return fail("handshake", "cannot listen")
	if max_pending > 0:
		server.udp.max_pending_connections = max_pending
	var options := TLSOptions.client(identity[1])
	start_sec = Common.now_sec()
	start_cpu = Common.cpu_seconds()
	for i in n:
		var udp := PacketPeerUDP.new()
		var dtls := PacketPeerDTLS.new()
		udp.connect_to_host("127.0.0.1", server.get_port())
		dtls.connect_to_peer(udp, "localhost", options)
		sockets.append(udp)
		pending.append(dtls)


func _process(_delta: float) -> void:
	if is_finished():
		return
	server.poll(false)
	var still: Array[PacketPeerDTLS] = []
	for client in pending:
		client.poll()
		var status := client.get_status()
		if status == PacketPeerDTLS.STATUS_CONNECTED:
			connected += 1
		elif status == PacketPeerDTLS.STATUS_HANDSHAKING:
			still.append(client)
		else:
			failed += 1
	pending = still
	var seconds := Common.now_sec() - start_sec
	if pending.is_empty() or seconds > DEADLINE_SEC:
		finish({
			"name": "handshake", "n": n, "max_pending_connections": server.udp.max_pending_connections,
			"connected": connected, "failed": n - connected, "seconds": seconds,
			"cpu_seconds": Common.cpu_seconds() - start_cpu, "handshakes_per_sec": connected / seconds,
		})
