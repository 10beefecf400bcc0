extends SceneTree
# The GDScript counterparts of bench/project's scenes. The user arguments after "--" pick one,
# which prints one line `BENCH {json}` and quits (the modes and arguments of bench/project/main.ts):
#   -- echo N M S           ping-pong: N clients x M round trips of S-byte payloads
#   -- handshake N [P]      N clients connect at once, default settings (P: max_pending_connections)
#   -- idle PORT N          server-side RSS per established idle peer (clients: dtls_baseline)
#   -- startup              quits at once (run.py measures the process)
#   -- calls N              N bound calls against N plain GDScript calls (binding overhead)
#   -- udp_echo N M S W     plain UDP echo through UDPServer, W in flight
# Not here: "handshake N P ec" (Godot's Crypto makes RSA keys only) and "flood K" (Godot's
# DTLSServer answers a cookie-less ClientHello with a HelloVerifyRequest and hands back a peer in
# STATUS_ERROR, so a script keeps nothing per source).


func _initialize() -> void:
	var args := OS.get_cmdline_user_args()
	var scene := make_scene(args)
	if scene == null:
		printerr('bench: unknown scene "%s"; use echo N M S | handshake N [P] | idle PORT N | startup | calls N | udp_echo N M S W' % " ".join(args))
		quit(2)
		return
	root.add_child(scene)


func make_scene(args: PackedStringArray) -> Node:
	if args.is_empty():
		return null
	var number := func(index: int, fallback: int) -> int:
		return args[index].to_int() if index < args.size() else fallback
	match args[0]:
		"echo":
			return preload("res://echo.gd").new(number.call(1, 10), number.call(2, 1000), number.call(3, 64))
		"handshake":
			if args.size() > 3:
				return null
			return preload("res://handshake.gd").new(number.call(1, 100), number.call(2, 0))
		"idle":
			return preload("res://idle_peers.gd").new(number.call(1, 0), number.call(2, 1000))
		"startup":
			return preload("res://startup.gd").new()
		"calls":
			return preload("res://calls.gd").new(number.call(1, 1000000))
		"udp_echo":
			return preload("res://udp_echo.gd").new(number.call(1, 10), number.call(2, 10000), number.call(3, 64), number.call(4, 1))
	return null
