// JSON, ported from Godot's class reference examples: stringify with Godot's number format and
// key order, parse() with its error line and message, parse_string, and every number a float.
import { GutTest } from "gut";
import { JSON, Float, Vector2, Error as GodotError } from "godot";

export default class TestJson extends GutTest {
  test_stringify_class_reference_examples(): void {
    const data = {
      name: "my_dictionary",
      version: "1.0.0",
      entities: [
        { name: "entity_0", value: "value_0" },
        { name: "entity_1", value: "value_1" },
      ],
    };
    this.assert_eq(
      JSON.stringify(data),
      '{"entities":[{"name":"entity_0","value":"value_0"},{"name":"entity_1","value":"value_1"}],"name":"my_dictionary","version":"1.0.0"}',
      "keys sorted, no whitespace",
    );
    this.assert_eq(
      JSON.stringify({ b: 1, a: [true, null] }, "\t"),
      '{\n\t"a": [\n\t\ttrue,\n\t\tnull\n\t],\n\t"b": 1\n}',
      "indented with a tab",
    );
    this.assert_eq(
      JSON.stringify({ b: 1, a: 2 }, "", false),
      '{"b":1,"a":2}',
      "insertion order without sort_keys",
    );
  }

  test_stringify_numbers_as_godot(): void {
    this.assert_eq(JSON.stringify(1), "1");
    this.assert_eq(JSON.stringify(new Float(1)), "1.0", "a whole float keeps its '.0', as in Godot 4.6");
    this.assert_eq(JSON.stringify(new Float(0)), "0.0");
    this.assert_eq(JSON.stringify(0.1), "0.1");
    this.assert_eq(JSON.stringify(1 / 3), "0.333333333333333", "14 digits less the magnitude's order");
    this.assert_eq(
      JSON.stringify(1 / 3, "", true, true),
      "0.3333333333333333",
      "full precision: the shortest exact text",
    );
    this.assert_eq(
      JSON.stringify(new Float(2.5e15), "", true, true),
      "2.5e+15",
      "with an exponent from 1e15",
    );
    this.assert_eq(JSON.stringify(123456.5), "123456.5");
    this.assert_eq(JSON.stringify(new Vector2(1, 2)), '"(1.0, 2.0)"', "other types as their text");
    this.assert_eq(JSON.stringify('say "hi"\n'), '"say \\"hi\\"\\n"');
  }

  test_parse_reports_data_or_error(): void {
    const json = new JSON();
    const text = '{"hp": 97, "items": ["sword", 2.5], "alive": true}';
    this.assert_eq(json.parse(text), GodotError.OK);
    const data = json.get_data() as { hp: Float; items: [string, number]; alive: boolean };
    this.assert_eq(Number(data.hp), 97);
    this.assert_true(data.hp instanceof Float, "every JSON number is a float, as in Godot");
    this.assert_eq(data.items[0], "sword");
    this.assert_eq(data.items[1], 2.5);
    this.assert_true(data.alive);
    this.assert_eq(json.get_error_line(), 0);
    this.assert_eq(json.get_parsed_text(), "", "the text is kept only when asked");
    this.assert_eq(json.parse(text, true), GodotError.OK);
    this.assert_eq(json.get_parsed_text(), text);

    this.assert_eq(json.parse('{\n  "a": 1,\n  "b" 2\n}'), GodotError.ERR_PARSE_ERROR);
    this.assert_eq(json.get_error_line(), 2, "0-based, as Godot counts");
    this.assert_eq(json.get_error_message(), "Expected ':'");
    this.assert_eq(json.parse("[1, 2] 3"), GodotError.ERR_PARSE_ERROR);
    this.assert_eq(json.get_error_message(), "Expected 'EOF'");
    this.assert_eq(json.parse('"\\ud800"'), GodotError.ERR_PARSE_ERROR);
    this.assert_eq(json.parse('"\\ud83d\\ude00"'), GodotError.OK);
    this.assert_eq(json.get_data(), "😀", "a surrogate pair is one character");
  }

  test_parse_string_and_data_property(): void {
    const value = JSON.parse_string('[1, "two", {"three": 3}]') as [number, string, { three: number }];
    this.assert_eq(Number(value[0]), 1);
    this.assert_eq(Number(value[2].three), 3);
    this.assert_null(JSON.parse_string("{oops}"), "null (and an error printed) for bad text");
    const json = new JSON();
    json.data = { ok: true };
    this.assert_eq(JSON.stringify(json.get_data()), '{"ok":true}');
  }
}
