// ConfigFile from a script, as Godot's class reference uses it: save a game's settings to
// user://, load them back with their types, read a project.godot-style text, and refuse bad
// text or bad arguments clearly.
import { GutTest } from "gut";
import { ConfigFile, FileAccess, PackedStringArray, Vector2i, Error as GodotError } from "godot";

const PATH = "user://test_config_file.cfg";

export default class TestConfigFile extends GutTest {
  test_save_and_load_keep_values_and_types(): void {
    const config = new ConfigFile();
    config.set_value("Player1", "player_name", "Steve");
    config.set_value("Player1", "best_score", 10);
    config.set_value("Player2", "player_name", 'V3geta "the" prince');
    config.set_value("Player2", "spawn", new Vector2i(3, -4));
    config.set_value("Player2", "tags", new PackedStringArray(["fast", "ø"]));
    this.assert_eq(config.save(PATH), GodotError.OK);
    this.assert_eq(
      FileAccess.get_file_as_string(PATH),
      '[Player1]\n\nplayer_name="Steve"\nbest_score=10\n\n[Player2]\n\nplayer_name="V3geta \\"the\\" prince"\n' +
        'spawn=Vector2i(3, -4)\ntags=PackedStringArray("fast", "ø")\n',
      "Godot 4.6's layout",
    );

    const loaded = new ConfigFile();
    this.assert_eq(loaded.load(PATH), GodotError.OK);
    this.assert_eq(Array.from(loaded.get_sections()), ["Player1", "Player2"]);
    this.assert_eq(Array.from(loaded.get_section_keys("Player2")), ["player_name", "spawn", "tags"]);
    this.assert_eq(loaded.get_value("Player1", "best_score"), 10);
    this.assert_eq(loaded.get_value("Player2", "player_name"), 'V3geta "the" prince');
    const spawn = loaded.get_value("Player2", "spawn");
    this.assert_true(spawn instanceof Vector2i, "a Vector2i comes back as a Vector2i");
    this.assert_true(loaded.get_value("Player2", "tags") instanceof PackedStringArray);
    this.assert_eq(
      loaded.get_value("Player3", "player_name", "nobody"),
      "nobody",
      "the default for a missing key",
    );
    this.assert_eq(loaded.load("user://no_such_file.cfg"), GodotError.ERR_FILE_NOT_FOUND);
  }

  test_parse_reads_project_godot_text(): void {
    const config = new ConfigFile();
    const text =
      "; Engine configuration file.\nconfig_version=5\n\n[application]\n\n" +
      'config/name="Line one\\nline \\"two\\""\nconfig/features=PackedStringArray("4.6", "Forward Plus")\n\n' +
      '[input]\n\njump={\n"deadzone": 0.5,\n"events": []\n}\n';
    this.assert_eq(config.parse(text), GodotError.OK);
    this.assert_eq(config.get_value("", "config_version"), 5);
    this.assert_eq(config.get_value("application", "config/name"), 'Line one\nline "two"');
    this.assert_eq(Array.from(config.get_value("application", "config/features") as PackedStringArray), [
      "4.6",
      "Forward Plus",
    ]);
    const jump = config.get_value("input", "jump") as { deadzone: number; events: unknown[] };
    this.assert_eq(jump.deadzone, 0.5, "a dictionary over several lines");
    this.assert_eq(
      config.encode_to_text().split("\n")[0],
      "config_version=5",
      "keys before any section come first, bare",
    );
  }

  test_erase_and_clear(): void {
    const config = new ConfigFile();
    config.set_value("a", "x", 1);
    config.set_value("a", "y", 2);
    config.set_value("a", "x", null);
    this.assert_false(config.has_section_key("a", "x"), "setting null erases the key");
    config.erase_section_key("a", "y");
    this.assert_false(config.has_section("a"), "the emptied section goes too");
    config.set_value("b", "z", 3);
    config.clear();
    this.assert_eq(config.get_sections().size(), 0);
  }

  test_bad_text_and_bad_arguments(): void {
    const config = new ConfigFile();
    this.assert_eq(config.parse("[section\nkey=1\n"), GodotError.ERR_PARSE_ERROR);
    this.assert_eq(config.parse("key=1 2\n"), GodotError.ERR_PARSE_ERROR);
    let message = "no error";
    try {
      config.set_value(1 as unknown as string, "key", 2);
    } catch (error) {
      this.assert_true(error instanceof TypeError, "a TypeError is thrown");
      message = String(error);
    }
    this.assert_string_contains(message, "set_value");
  }
}
