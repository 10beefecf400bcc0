extends "res://scenario.gd"
# Memory per established peer (bench/project/idle_peers.ts): a server only; the clients live in
# another process (`dtls_baseline clients PORT N`: one client, a pause, then N more). RSS is read
# once the first peer is connected and again once all N + 1 are, each time after the count has
# held for 300 ms; the difference divided by N is the cost of one idle, established peer.

const SETTLE_SEC := 0.3

var port: int
var n: int
var server: Common.BenchServer
var target := 1
var last_count := -1
var stable_since := 0.0
var rss_before := 0
var deadline := 0.0


func _init(p_port: int, p_n: int) -> void:
	port = p_port
	n = p_n


func _ready() -> void:
	server = Common.BenchServer.new(Common.make_identity())
	if not server.listen(port):
		return fail("memory_per_peer", "cannot listen on port %d" % port)
	deadline = Common.now_sec() + 300


func _process(_delta: float) -> void:
	if is_finished():
		return
	server.poll(false)
	var connected := server.count(PacketPeerDTLS.STATUS_CONNECTED)
	if connected != last_count:
		last_count = connected
		stable_since = Common.now_sec()
		return
	if Common.now_sec() > deadline:
		return fail("memory_per_peer", "only %d of %d peers connected" % [connected, n + 1])
	if connected != target or Common.now_sec() - stable_since < SETTLE_SEC:
		return
	if target == 1:
		rss_before = Common.rss_bytes()
		target = 1 + n
		return
	var rss_after := Common.rss_bytes()
	finish({
		"name": "memory_per_peer", "n": n, "peers": n, "rss_before": rss_before, "rss_after": rss_after,
		"bytes_per_peer": float(rss_after - rss_before) / n, "poll_ns_per_peer": time_idle_polls(),
	})


# What one frame's server loop costs per idle, established peer (nothing arrives).
func time_idle_polls() -> float:
	const ROUNDS := 200
	var start := Common.now_sec()
	for round_index in ROUNDS:
		server.poll(false)
	return (Common.now_sec() - start) * 1e9 / (ROUNDS * server.peers.size())
