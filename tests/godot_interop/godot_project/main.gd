extends SceneTree
# Picks the role from the user arguments after "--" (<dir> holds ca.crt, server.crt, server.key
# and the reference vectors):
#   client <dir> <dtls port> <udp echo port> <udp text port>   against Quickdot's servers
#   server <dir> <sessions> <timeout_s>                          DTLS server for Quickdot's clients


func _initialize() -> void:
	var args := OS.get_cmdline_user_args()
	var role: Node = null
	if args.size() > 0 and args[0] == "client":
		role = preload("res://client_suite.gd").new(args.slice(1))
	elif args.size() > 0 and args[0] == "server":
		role = preload("res://server_suite.gd").new(args.slice(1))
	if role == null:
		printerr('godot: the first user argument must be "client" or "server"')
		quit(2)
		return
	root.add_child(role)
