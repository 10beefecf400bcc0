extends Node
# Base of every scene: prints the one result line and quits.

const Common = preload("res://common.gd")

var _finished := false


func finish(result: Dictionary) -> void:
	if _finished:
		return
	_finished = true
	var line := {"impl": "godot"}
	line.merge(result)
	print("BENCH " + JSON.stringify(line))
	get_tree().quit(0)


func fail(bench_name: String, why: String) -> void:
	printerr("bench %s: %s" % [bench_name, why])
	finish({"name": bench_name, "error": why})


func is_finished() -> bool:
	return _finished
