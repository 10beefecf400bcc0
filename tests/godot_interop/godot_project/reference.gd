# The values of tests/reference/godot-4.6-all-types.json and godot-4.6-var-to-bytes.json (made by
# Godot 4.6.3), decoded from their hex with bytes_to_var, as [name, value] pairs.


static func values(dir: String) -> Array:
	var values := []
	for file in ["godot-4.6-all-types.json", "godot-4.6-var-to-bytes.json"]:
		var reference: Dictionary = JSON.parse_string(FileAccess.get_file_as_string(dir.path_join(file)))
		for vector: Dictionary in reference["vectors"]:
			values.append([file.get_basename() + ":" + vector["name"], bytes_to_var(vector["hex"].hex_decode())])
	return values
