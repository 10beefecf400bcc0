extends "res://scenario.gd"
# Start-to-quit: quits from _ready, reporting the RSS and the peak RSS so far; run.py times the
# whole process from outside.


func _ready() -> void:
	finish({"name": "startup", "rss": Common.rss_bytes(), "peak_rss": Common.peak_rss_bytes()})
