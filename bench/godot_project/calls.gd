extends "res://scenario.gd"
# Binding overhead (bench/project/calls.ts): N calls of a bound method that does almost nothing
# (PacketPeerDTLS.get_status, no arguments, an int back), against N calls of a plain GDScript
# method doing the same; then the built-in value types a game loop uses most: a Vector3 add and a
# Transform3D * Vector3 (operators in GDScript, C++ underneath).


class PlainPeer:
	var status := 0

	func get_status() -> int:
		return status


var n: int


func _init(p_n: int) -> void:
	n = p_n


func _ready() -> void:
	var peer := PacketPeerDTLS.new()
	var plain := PlainPeer.new()
	var sum := 0
	var start := Common.now_sec()
	for i in n:
		sum += plain.get_status()
	var plain_sec := Common.now_sec() - start
	start = Common.now_sec()
	for i in n:
		sum += peer.get_status()
	var bound_sec := Common.now_sec() - start
	var step := Vector3(0.5, -0.25, 1)
	var position := Vector3(0, 0, 0)
	start = Common.now_sec()
	for i in n:
		position = position + step
	var vector3_add_sec := Common.now_sec() - start
	var transform := Transform3D().rotated(Vector3.UP, 0.5).translated(Vector3(1, 2, 3))
	var moved := Vector3(1, 0, 0)
	start = Common.now_sec()
	for i in n:
		moved = transform * moved
	var transform_sec := Common.now_sec() - start
	finish({
		"name": "calls", "n": n, "checksum": sum + position.x + moved.x,
		"plain_ns": plain_sec / n * 1e9, "bound_ns": bound_sec / n * 1e9,
		"overhead_ns": (bound_sec - plain_sec) / n * 1e9,
		"vector3_add_ns": vector3_add_sec / n * 1e9, "transform3d_xform_ns": transform_sec / n * 1e9,
	})
