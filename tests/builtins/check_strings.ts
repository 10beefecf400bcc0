// StringName and NodePath (and godot_string.ts behind them) checked against Godot's behaviour:
// the expected values are those of Godot's own tests (tests/core/string/test_string.h and
// test_node_path.h), its class reference and its source. Also checks that every StringName and
// NodePath method of the API dump exists. Prints one line per mismatch and "N passed, N failed".
// Over 600 lines: a table of Godot's own string test cases, one short section per method group,
// sharing the check helpers at the top.
//   node .build/builtins_check/tests/builtins/check_strings.js ts-types/reference/godot-4.6-builtin-classes.json [Class]
import { readFileSync } from "node:fs";
import { NodePath } from "../../bindings/quickjs/builtins/node_path.js";
import { StringName } from "../../bindings/quickjs/builtins/string_name.js";
import { Vector2 } from "../../bindings/quickjs/builtins/vector2.js";
import { Vector3 } from "../../bindings/quickjs/builtins/vector3.js";
import { Vector3i } from "../../bindings/quickjs/builtins/vector3i.js";
import { Vector4 } from "../../bindings/quickjs/builtins/vector4.js";

interface Dump {
  builtin_classes: { name: string; methods?: { name: string }[] }[];
}

const [dump_path, only] = process.argv.slice(2);
let passed = 0;
let failed = 0;
// Godot reports some failures (out-of-range indices, bad hex...) as errors; keep them off the output.
const reported: string[] = [];
console.error = (...data: unknown[]) => void reported.push(data.join(" "));

function same(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number")
    return typeof actual === "number" && (Object.is(actual, expected) || actual === expected);
  if (expected instanceof StringName || expected instanceof NodePath) return expected.equals(actual);
  if (Array.isArray(expected) || ArrayBuffer.isView(expected)) {
    const want = Array.from(expected as ArrayLike<unknown>);
    const got =
      ArrayBuffer.isView(actual) || Array.isArray(actual) ? Array.from(actual as ArrayLike<unknown>) : null;
    return got !== null && got.length === want.length && want.every((value, i) => same(got[i], value));
  }
  return actual === expected;
}

function show(value: unknown): string {
  if (ArrayBuffer.isView(value))
    return `${value.constructor.name}[${Array.from(value as unknown as ArrayLike<number>).join(", ")}]`;
  if (value instanceof StringName || value instanceof NodePath)
    return `${value.constructor.name}(${JSON.stringify(value.toString())})`;
  return typeof value === "bigint" ? `${value}n` : (JSON.stringify(value) ?? String(value));
}

let section = "";
function check(label: string, run: () => unknown, expected: unknown): void {
  if (only && section !== only) return;
  let actual: unknown;
  try {
    actual = run();
  } catch (error) {
    failed++;
    console.log(`FAIL ${section}: ${label}: threw ${(error as Error).message}`);
    return;
  }
  if (same(actual, expected)) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL ${section}: ${label}: got ${show(actual)}, expected ${show(expected)}`);
  }
}

function check_throws(
  label: string,
  run: () => unknown,
  error_type: new (...args: never[]) => Error,
  message: string,
): void {
  check(
    label,
    () => {
      try {
        run();
      } catch (error) {
        return error instanceof error_type && (error as Error).message.includes(message)
          ? "threw"
          : `threw ${(error as Error).message}`;
      }
      return "returned";
    },
    "threw",
  );
}

const name = (text: string): StringName => new StringName(text);
type Method = (...args: unknown[]) => unknown;
// Calls a StringName method by name: `call("abc", "find", "b")`.
function call(text: string, method: string, ...args: unknown[]): unknown {
  return (name(text) as unknown as Record<string, Method>)[method](...args);
}
const code = (character: string): number => character.codePointAt(0)!;

// Dump coverage

const dump = JSON.parse(readFileSync(dump_path, "utf8")) as Dump;
for (const [class_name, prototype] of [
  ["StringName", StringName.prototype],
  ["NodePath", NodePath.prototype],
] as const) {
  section = class_name;
  const methods = dump.builtin_classes.find((entry) => entry.name === class_name)?.methods ?? [];
  check(
    `${methods.length} dump methods exist`,
    () =>
      methods
        .filter((m) => typeof (prototype as unknown as Record<string, unknown>)[m.name] !== "function")
        .map((m) => m.name),
    [],
  );
}

section = "StringName";

// Construction, conversion, operators
check("StringName()", () => new StringName().toString(), "");
check("StringName(StringName)", () => new StringName(name("abc")).toString(), "abc");
check("template literal", () => `${name("Player")}!`, "Player!");
check("+ string", () => name("Player") + "_2", "Player_2");
check_throws(
  "StringName(5)",
  () => new (StringName as unknown as new (value: unknown) => StringName)(5),
  TypeError,
  "StringName()",
);
check("== StringName", () => name("a").equals(name("a")), true);
check("== String", () => name("a").equals("a"), true);
check("== other text", () => name("a").equals("b"), false);
check("== int", () => name("1").equals(1), false);
check("!=", () => name("a").not_equals(name("b")), true);
check("<", () => name("Bees").less(name("Elephant")), true);
check("< Amber", () => name("Bees").less(name("Amber")), false);
check("<=", () => name("a").less_equal(name("a")), true);
check(">", () => name("b").greater(name("a")), true);
check(">=", () => name("a").greater_equal(name("b")), false);
check_throws("< String", () => name("a").less("b" as unknown as StringName), TypeError, "StringName.less");
check("+", () => name("Have a").add(" Nice Day"), "Have a Nice Day");
check("+ StringName", () => name("ab").add(name("cd")), "abcd");
check_throws("+ int", () => name("a").add(1 as unknown as string), TypeError, "StringName.add");
check_throws(
  "find(1)",
  () => call("abc", "find", 1),
  TypeError,
  "StringName.find: argument 1 ('what') must be String",
);
check("% single", () => name("fish %s frog").modulo("cheese"), "fish cheese frog");
check("% array", () => name("%s %d").modulo(["a", 2]), "a 2");
check('hash of ""', () => name("").hash(), 5381);
check("hash of a", () => name("a").hash(), 5381 * 33 + 97);
check("hash same text", () => name("Test").hash() === name("Test").hash(), true);
check("hash other text", () => name("Test").hash() === name("West").hash(), false);

// Comparison
check("casecmp_to", () => call("MoMoNgA", "casecmp_to", "momonga"), -1);
check("nocasecmp_to", () => call("MoMoNgA", "nocasecmp_to", "momonga"), 0);
check("nocasecmp_to img10", () => call("img2.png", "nocasecmp_to", "img10.png"), 1);
check("naturalnocasecmp_to", () => call("img2.png", "naturalnocasecmp_to", "img10.png"), -1);
check("naturalcasecmp_to", () => call("img2.png", "naturalcasecmp_to", "img10.png"), -1);
check("filenocasecmp_to letters", () => call("_img2.png", "filenocasecmp_to", "img10.png"), -1);
check("filenocasecmp_to period", () => call("_img2.png", "filenocasecmp_to", ".img10.png"), 1);
check("filenocasecmp_to numbers", () => call("img2.png", "filenocasecmp_to", "img3.png"), -1);
check("filecasecmp_to", () => call("_img2.png", "filecasecmp_to", "img10.png"), -1);
check("match", () => call("img1.png", "match", "*.png"), true);
check("match jpeg", () => call("img1.jpeg", "match", "*.png"), false);
check("match case", () => call("img1.Png", "match", "*.png"), false);
check("matchn", () => call("img1.Png", "matchn", "*.png"), true);
check("begins_with", () => call("res://foobar", "begins_with", "res://"), true);
check("begins_with empty", () => call("abc", "begins_with", ""), true);
check("begins_with longer", () => call("res", "begins_with", "res://"), false);
check("ends_with", () => call("res://foobar", "ends_with", "foobar"), true);
check("ends_with ax", () => call("abc", "ends_with", "ax"), false);
check("is_subsequence_of", () => call("sub", "is_subsequence_of", "is subsequence of"), true);
check("is_subsequence_of case", () => call("Sub", "is_subsequence_of", "is subsequence of"), false);
check("is_subsequence_ofn", () => call("Sub", "is_subsequence_ofn", "is subsequence of"), true);
check(
  "similarity",
  () => (call("Test", "similarity", "West") as number) > (call("Test", "similarity", "Toad") as number),
  true,
);
check("similarity value", () => call("Test", "similarity", "West"), Math.fround(2 / 3));
check("similarity equal", () => call("abc", "similarity", "abc"), 1);
check("contains", () => call("C:\\Godot\\project\\string_test.tscn", "contains", "Godot"), true);
check("contains absent", () => call("C:\\Godot\\project\\string_test.tscn", "contains", "://"), false);
check("containsn", () => call("C:\\Godot\\project\\string_test.tscn", "containsn", "godot"), true);
check("containsn absent", () => call("C:\\Godot\\project\\string_test.tscn", "containsn", "godoh"), false);

// Length, search, slices
check("length", () => call("Mellon1", "length"), 7);
check("length counts code points", () => call("🎤a", "length"), 2);
check("is_empty", () => call("", "is_empty"), true);
check("is_empty not", () => call("Mellon", "is_empty"), false);
check("unicode_at", () => call("Sugar Cane", "unicode_at", 1), code("u"));
check("unicode_at beyond U+FFFF", () => call("a🎤", "unicode_at", 1), 0x1f3a4);
check("unicode_at out of range", () => call("abc", "unicode_at", 3), 0);
check("substr", () => call("Killer Baby", "substr", 3, 4), "ler ");
check("substr to end", () => call("Killer Baby", "substr", 3), "ler Baby");
check("right", () => call("aaaTestbbb", "right", 6), "estbbb");
check("right negative", () => call("aaaTestbbb", "right", -6), "tbbb");
check("left", () => call("aaaTestbbb", "left", 6), "aaaTes");
check("left negative", () => call("aaaTestbbb", "left", -6), "aaaT");
const woman = "Pretty Woman Woman";
check("find", () => call(woman, "find", "tty"), 3);
check("find from", () => call(woman, "find", "Wo", 9), 13);
check("find absent", () => call(woman, "find", "Revenge of the Monster Truck"), -1);
check("find empty", () => call(woman, "find", ""), -1);
check("find whole", () => call(woman, "find", woman), 0);
check("find case", () => call(woman, "find", "WOMAN"), -1);
check("find beyond U+FFFF", () => call("🎤ab", "find", "b"), 2);
check("rfind", () => call(woman, "rfind", "man"), 15);
check("rfind whole", () => call(woman, "rfind", woman), 0);
check("rfind empty from", () => call(woman, "rfind", "", 15), -1);
const whale = "Pretty Whale Whale";
check("findn", () => call(whale, "findn", "WHA"), 7);
check("findn from", () => call(whale, "findn", "WHA", 9), 13);
check("findn lower", () => call(whale, "findn", "wha"), 7);
check("findn empty", () => call(whale, "findn", ""), -1);
check("rfindn", () => call(whale, "rfindn", "WHA"), 13);
check("rfindn empty", () => call(whale, "rfindn", "", 13), -1);
check("count", () => call("TestTestTest", "count", "Test"), 3);
check("count overlapping", () => call("TestTestTest", "count", "TestTest"), 1);
check("count empty", () => call("Test", "count", ""), 0);
check("count case", () => call("Test", "count", "test"), 0);
check("count range", () => call("TestTestTestTest", "count", "Test", 4, 8), 1);
check("count range 12", () => call("TestTestTestTest", "count", "Test", 4, 12), 2);
check("count from", () => call("TestTestTestTest", "count", "Test", 4), 3);
check("countn", () => call("testTest-Testatest", "countn", "tEst"), 4);
check("countn range", () => call("testTest-TeStatest", "countn", "tEsT", 4, 16), 2);
const planets = "Mars,Jupiter,Saturn,Uranus";
check(
  "get_slice",
  () =>
    ["Mars", "Jupiter", "Saturn", "Uranus"].every(
      (planet, i) => call(planets, "get_slice", ",", i) === planet,
    ),
  true,
);
check("get_slice beyond", () => call(planets, "get_slice", ",", 4), "");
check("get_slice no delimiter", () => call("abc", "get_slice", ",", 2), "abc");
check("get_slice_count", () => call(planets, "get_slice_count", ","), 4);
check("get_slicec", () => call(planets, "get_slicec", code(","), 2), "Saturn");
check("get_slicec beyond", () => call(planets, "get_slicec", code(","), 4), "");
check("bigrams", () => call("abcd", "bigrams"), ["ab", "bc", "cd"]);
check("bigrams short", () => call("a", "bigrams"), []);

// Building text
check(
  "replace",
  () => call("Happy Birthday, Anna!", "replace", "Birthday", "Halloween"),
  "Happy Halloween, Anna!",
);
check("replace with $", () => call("a-b", "replace", "-", "$&"), "a$&b");
check("replacen", () => call("Happy Birthday, Anna!", "replacen", "Y", "Y"), "HappY BirthdaY, Anna!");
check("replace_char", () => call("Banana", "replace_char", code("n"), code("x")), "Baxaxa");
check("replace_char NUL key", () => call("Banana", "replace_char", 0, code("x")), "Banana");
check("replace_char NUL with", () => call("Banana", "replace_char", code("n"), 0), "Banana");
check("replace_chars", () => call("Banana", "replace_chars", "Bn", code("x")), "xaxaxa");
check("replace_chars none", () => call("Banana", "replace_chars", "", code("x")), "Banana");
check("remove_char", () => call("Banana", "remove_char", code("a")), "Bnn");
check("remove_char NUL", () => call("Banana", "remove_char", 0), "Banana");
check("remove_chars", () => call("Banana", "remove_chars", "Ba"), "nn");
check("remove_chars absent", () => call("Banana", "remove_chars", "xy"), "Banana");
check("repeat", () => call("ab", "repeat", 4), "abababab");
check("repeat negative", () => call("ab", "repeat", -1), "");
check("reverse", () => call("Abcd", "reverse"), "dcbA");
check("reverse beyond U+FFFF", () => call("a🎤b", "reverse"), "b🎤a");
check("insert", () => call("Who is Frederic?", "insert", 15, " Chopin"), "Who is Frederic Chopin?");
check("insert at 0", () => call("foobar", "insert", 0, "X"), "Xfoobar");
check("insert negative", () => call("foobar", "insert", -100, "X"), "foobar");
check("insert past end", () => call("foobar", "insert", 100, "X"), "foobarX");
check("insert into empty", () => call("", "insert", 100, "abc"), "abc");
check("erase", () => call("Josephine is such a cute girl!", "erase", 20, 5), "Josephine is such a girl!");
check("erase one", () => call("abc", "erase", 1), "ac");
const capitalized: [string, string][] = [
  ["2D", "2d"],
  ["2db", "2 Db"],
  ["HTML5 Html5 html5 html_5", "Html 5 Html 5 Html 5 Html 5"],
  ["Node2D Node2d NODE2D NODE_2D node_2d", "Node 2d Node 2d Node 2d Node 2d Node 2d"],
  ["Node2DPosition", "Node 2d Position"],
  ["Number2Digits", "Number 2 Digits"],
  ["bytes2var", "Bytes 2 Var"],
  ["linear2db", "Linear 2 Db"],
  ["sha256sum", "Sha 256 Sum"],
  ["PascalPascalCase", "Pascal Pascal Case"],
  ["snake_snake_case", "Snake Snake Case"],
  ["kebab-kebab-case", "Kebab Kebab Case"],
  ["function(name)", "Function(name)"],
  ["snake_case_function( snake_case_arg )", "Snake Case Function( Snake Case Arg )"],
  ["словоСлово_слово слово", "Слово Слово Слово Слово"],
  ["λέξηΛέξη_λέξη λέξη", "Λέξη Λέξη Λέξη Λέξη"],
];
for (const [input, output] of capitalized)
  check(`capitalize ${input}`, () => call(input, "capitalize"), output);
const cases: [string, string, string, string, string][] = [
  ["2D", "2d", "2d", "2d", "2d"],
  ["2db", "2Db", "2Db", "2_db", "2-db"],
  ["Vector3", "vector3", "Vector3", "vector_3", "vector-3"],
  ["sha256", "sha256", "Sha256", "sha_256", "sha-256"],
  ["Node2D", "node2d", "Node2d", "node_2d", "node-2d"],
  ["RichTextLabel", "richTextLabel", "RichTextLabel", "rich_text_label", "rich-text-label"],
  ["HTML5", "html5", "Html5", "html_5", "html-5"],
  ["Node2DPosition", "node2dPosition", "Node2dPosition", "node_2d_position", "node-2d-position"],
  ["get_camera_2d", "getCamera2d", "GetCamera2d", "get_camera_2d", "get-camera-2d"],
  ["_physics_process", "physicsProcess", "PhysicsProcess", "_physics_process", "-physics-process"],
  ["camelCase", "camelCase", "CamelCase", "camel_case", "camel-case"],
  ["kebab-case", "kebabCase", "KebabCase", "kebab_case", "kebab-case"],
  ["Test TEST test", "testTestTest", "TestTestTest", "test_test_test", "test-test-test"],
  ["բառԲառ_բառ բառ", "բառԲառԲառԲառ", "ԲառԲառԲառԲառ", "բառ_բառ_բառ_բառ", "բառ-բառ-բառ-բառ"],
];
for (const [input, camel, pascal, snake, kebab] of cases) {
  check(`to_camel_case ${input}`, () => call(input, "to_camel_case"), camel);
  check(`to_pascal_case ${input}`, () => call(input, "to_pascal_case"), pascal);
  check(`to_snake_case ${input}`, () => call(input, "to_snake_case"), snake);
  check(`to_kebab_case ${input}`, () => call(input, "to_kebab_case"), kebab);
}
check("to_upper", () => call("MoMoNgA", "to_upper"), "MOMONGA");
check("to_lower", () => call("MoMoNgA", "to_lower"), "momonga");
check(
  "to_lower Cyrillic",
  () => call("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", "to_lower"),
  "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
);
check("to_upper keeps ß", () => call("ß", "to_upper"), "ß");

// Splitting and joining
check("split maxsplit", () => call(planets, "split", ",", true, 2), ["Mars", "Jupiter", "Saturn,Uranus"]);
check("split", () => call(planets, "split", ","), ["Mars", "Jupiter", "Saturn", "Uranus"]);
check(
  "split result type",
  () => (call(planets, "split", ",") as object).constructor.name,
  "PackedStringArray",
);
check("rsplit maxsplit", () => call(planets, "rsplit", ",", true, 2), ["Mars,Jupiter", "Saturn", "Uranus"]);
check("split characters", () => call("test", "split"), ["t", "e", "s", "t"]);
check("split empty", () => call("", "split"), [""]);
check("split empty, no empties", () => call("", "split", "", false), []);
check("split no empties", () => call(",a,,b,", "split", ",", false), ["a", "b"]);
check("split empties", () => call(",a,,b,", "split", ","), ["", "a", "", "b", ""]);
check("rsplit characters", () => call("test", "rsplit"), ["t", "e", "s", "t"]);
check("rsplit no empties", () => call(",a,,b,", "rsplit", ",", false), ["a", "b"]);
check("split_floats", () => call("1.2;2.3 4.5", "split_floats", ";"), [1.2, 2.3]);
check(
  "split_floats spaces",
  () => call(" -2.0        5", "split_floats", " "),
  [0, -2, 0, 0, 0, 0, 0, 0, 0, 5],
);
check("split_floats type", () => call("1,2", "split_floats", ",") instanceof Float64Array, true);
check("join", () => name(", ").join(["One", "B", "C"]), "One, B, C");
check("join none", () => name(", ").join([]), "");
check("join one", () => name(", ").join(["One"]), "One");
check("join empty part", () => name(", ").join(["One", "B", "C", ""]), "One, B, C, ");
check("join with empty", () => name("").join(["One", "B", "C"]), "OneBC");

// Stripping, padding, lines
check("strip_edges left", () => call("\t Test Test   ", "strip_edges", true, false), "Test Test   ");
check("strip_edges right", () => call("\t Test Test   ", "strip_edges", false, true), "\t Test Test");
check("strip_edges", () => call("\t Test Test   ", "strip_edges"), "Test Test");
check("strip_escapes", () => call("\t\tTest Test\r\n Test", "strip_escapes"), "Test Test Test");
check("lstrip", () => call("bababbababccc", "lstrip", "ab"), "ccc");
check("rstrip", () => call("aaabcbcbcbbcbbc", "rstrip", "cb"), "aaa");
check("lstrip all", () => call("abcabcabc", "lstrip", "bca"), "");
check("lstrip wrong end", () => call("abca", "lstrip", "a"), "bca");
check("rstrip wrong end", () => call("abca", "rstrip", "a"), "abc");
check("lstrip shared UTF-8 bytes", () => call("µ¿ÿ", "lstrip", "µÿ"), "¿ÿ");
check("rstrip shared UTF-8 bytes", () => call("µ¿ÿ", "rstrip", "µÿ"), "µ¿");
check("trim_prefix", () => call("aaaTestbbb", "trim_prefix", "aaa"), "Testbbb");
check("trim_prefix all", () => call("aaaTestbbb", "trim_prefix", "aaaTestbbb"), "");
check("trim_prefix absent", () => call("aaaTestbbb", "trim_prefix", "AAA"), "aaaTestbbb");
check("trim_suffix", () => call("aaaTestbbb", "trim_suffix", "bbb"), "aaaTest");
check("trim_suffix absent", () => call("aaaTestbbb", "trim_suffix", "Test"), "aaaTestbbb");
check("lpad", () => call("test", "lpad", 10, "x"), "xxxxxxtest");
check("rpad", () => call("test", "rpad", 10, "x"), "testxxxxxx");
check("lpad space", () => call("7", "lpad", 3), "  7");
check("pad_decimals", () => call("10.10", "pad_decimals", 4), "10.1000");
check("pad_decimals fewer", () => call("10.10", "pad_decimals", 1), "10.1");
check("pad_decimals none", () => call("10", "pad_decimals", 2), "10.00");
check("pad_zeros", () => call("10.10", "pad_zeros", 4), "0010.10");
check("pad_zeros fewer", () => call("10.10", "pad_zeros", 1), "10.10");
check("indent", () => call("aaa\nbbb", "indent", "\t"), "\taaa\n\tbbb");
check("indent keeps empty lines", () => call("empty\n\nline", "indent", "\t"), "\tempty\n\n\tline");
check("indent indented", () => call("\tcontains\n\tindent", "indent", "\t"), "\t\tcontains\n\t\tindent");
check("dedent", () => call("      aaa\n    bbb", "dedent"), "aaa\nbbb");

// Paths
const paths = [
  "C:\\Godot\\project\\test.tscn",
  "/Godot/project/test.xscn",
  "../Godot/project/test.scn",
  "Godot\\test.doc",
  "C:\\test.",
  "res://test",
  "user://test",
  "/.test",
];
const base_dirs = [
  "C:\\Godot\\project",
  "/Godot/project",
  "../Godot/project",
  "Godot",
  "C:\\",
  "res://",
  "user://",
  "/",
];
const base_names = [
  "C:\\Godot\\project\\test",
  "/Godot/project/test",
  "../Godot/project/test",
  "Godot\\test",
  "C:\\test",
  "res://test",
  "user://test",
  "/",
];
const extensions = ["tscn", "xscn", "scn", "doc", "", "", "", "test"];
const files = ["test.tscn", "test.xscn", "test.scn", "test.doc", "test.", "test", "test", ".test"];
const simplified = [
  "C:/Godot/project/test.tscn",
  "/Godot/project/test.xscn",
  "../Godot/project/test.scn",
  "Godot/test.doc",
  "C:/test.",
  "res://test",
  "user://test",
  "/.test",
];
const absolute = [true, true, false, false, true, true, true, true];
paths.forEach((path, i) => {
  check(`get_base_dir ${path}`, () => call(path, "get_base_dir"), base_dirs[i]);
  check(`get_basename ${path}`, () => call(path, "get_basename"), base_names[i]);
  check(`get_extension ${path}`, () => call(path, "get_extension"), extensions[i]);
  check(`get_file ${path}`, () => call(path, "get_file"), files[i]);
  check(`is_absolute_path ${path}`, () => call(path, "is_absolute_path"), absolute[i]);
  check(`is_relative_path ${path}`, () => call(path, "is_relative_path"), !absolute[i]);
  check(`simplify_path ${path}`, () => call(path, "simplify_path"), simplified[i]);
  check(
    `path_join ${path}`,
    () => name(call(simplified[i], "get_base_dir") as string).path_join(files[i]),
    simplified[i],
  );
});
check(
  "simplify_path ..",
  () => call("res://folder/../folder/../texture.png", "simplify_path"),
  "res://texture.png",
);
check(
  "simplify_path ../..",
  () => call("res://folder/sub/../../texture.png", "simplify_path"),
  "res://texture.png",
);
check(
  "simplify_path leading ..",
  () => call("res://../../texture.png", "simplify_path"),
  "res://../../texture.png",
);
check("is_valid_filename", () => call("test.tscn", "is_valid_filename"), true);
check("is_valid_filename ://", () => call("test://.xscn", "is_valid_filename"), false);
check("is_valid_filename ?*", () => call("?tes*t.scn", "is_valid_filename"), false);
check("is_valid_filename blank edges", () => call(" a.txt", "is_valid_filename"), false);
check("validate_filename", () => call(" a:b?c|d.txt ", "validate_filename"), "a_b_c_d.txt");
check("validate_node_name digits", () => call("12345", "validate_node_name"), "12345");
check(
  "validate_node_name kana",
  () => call("Name with kana ゴドツ", "validate_node_name"),
  "Name with kana ゴドツ",
);
check(
  "validate_node_name",
  () => call("Name with invalid characters :.@%removed!", "validate_node_name"),
  "Name with invalid characters ____removed!",
);

// Escapes
const escapable = "\\1\x072\b\f3\n45\r6\t7\v8'9?0\"";
check("c_escape round trip", () => name(call(escapable, "c_escape") as string).c_unescape(), escapable);
check("c_escape", () => call('a"b\n\\', "c_escape"), 'a\\"b\\n\\\\');
check("c_unescape", () => call("\\t\\'x\\'", "c_unescape"), "\t'x'");
check("json_escape", () => call("a\"b\n'", "json_escape"), "a\\\"b\\n'");
const markup = "\"Test\" <test@test&'test'>";
check("xml_escape", () => call(markup, "xml_escape"), "\"Test\" &lt;test@test&amp;'test'&gt;");
check(
  "xml_escape quotes",
  () => call(markup, "xml_escape", true),
  "&quot;Test&quot; &lt;test@test&amp;&apos;test&apos;&gt;",
);
check("xml round trip", () => name(call(markup, "xml_escape", true) as string).xml_unescape(), markup);
check("xml_unescape named", () => call("&quot;&amp;&apos;&lt;&gt;", "xml_unescape"), "\"&'<>");
check("xml_unescape numeric", () => call("&#x41;&#66;", "xml_unescape"), "AB");
for (const kept of [
  "&#0;&x#0;More text",
  "&#xFFFFFFFFF;",
  "&#4294967296;",
  "&#66",
  "&#x41",
  "&#x41SomeIrrelevantText;",
  "&#66SomeIrrelevantText;",
]) {
  check(`xml_unescape keeps ${kept}`, () => call(kept, "xml_unescape"), kept);
}
check("xml_unescape 32 bits", () => call("&#xFFFFFFFF;", "xml_unescape"), "\uFFFD");
check("uri_encode", () => call("Godot Engine:'docs'", "uri_encode"), "Godot%20Engine%3A%27docs%27");
check("uri_encode UTF-8", () => call("Tēšt", "uri_encode"), "T%C4%93%C5%A1t");
check("uri_decode", () => call("Godot%20Engine%3A%27docs%27", "uri_decode"), "Godot Engine:'docs'");
check("uri_decode UTF-8", () => call("T%C4%93%C5%A1t", "uri_decode"), "Tēšt");
check("uri_decode mixed", () => call("T%C4%93%C5%A1tTēšt", "uri_decode"), "TēštTēšt");
check("uri_decode plus", () => call("file+name", "uri_decode"), "file name");
check("uri_file_decode plus", () => call("file+name", "uri_file_decode"), "file+name");

// Validation and numbers
const data = [
  "-30",
  "100",
  "10.1",
  "10,1",
  "1e2",
  "1e-2",
  "1e2e3",
  "0xAB",
  "AB",
  "Test1",
  "1Test",
  "Test*1",
  "文字",
  "1E2",
  "1E-2",
];
const is_int = [
  true,
  true,
  false,
  false,
  false,
  false,
  false,
  false,
  false,
  false,
  false,
  false,
  false,
  false,
  false,
];
const is_hex = [
  true,
  true,
  false,
  false,
  true,
  false,
  true,
  false,
  true,
  false,
  false,
  false,
  false,
  true,
  false,
];
const is_hex_prefixed = [
  false,
  false,
  false,
  false,
  false,
  false,
  false,
  true,
  false,
  false,
  false,
  false,
  false,
  false,
  false,
];
const is_float = [
  true,
  true,
  true,
  false,
  true,
  true,
  false,
  false,
  false,
  false,
  false,
  false,
  false,
  true,
  true,
];
const is_ascii_id = [
  false,
  false,
  false,
  false,
  false,
  false,
  false,
  false,
  true,
  true,
  false,
  false,
  false,
  false,
  false,
];
const is_unicode_id = [
  false,
  false,
  false,
  false,
  false,
  false,
  false,
  false,
  true,
  true,
  false,
  false,
  true,
  false,
  false,
];
data.forEach((text, i) => {
  check(`is_valid_int ${text}`, () => call(text, "is_valid_int"), is_int[i]);
  check(`is_valid_hex_number ${text}`, () => call(text, "is_valid_hex_number"), is_hex[i]);
  check(
    `is_valid_hex_number(true) ${text}`,
    () => call(text, "is_valid_hex_number", true),
    is_hex_prefixed[i],
  );
  check(`is_valid_float ${text}`, () => call(text, "is_valid_float"), is_float[i]);
  check(`is_valid_ascii_identifier ${text}`, () => call(text, "is_valid_ascii_identifier"), is_ascii_id[i]);
  check(`is_valid_identifier ${text}`, () => call(text, "is_valid_identifier"), is_ascii_id[i]);
  check(
    `is_valid_unicode_identifier ${text}`,
    () => call(text, "is_valid_unicode_identifier"),
    is_unicode_id[i],
  );
});
const ips: [string, boolean][] = [
  ["192.168.0.1", true],
  ["192.368.0.1", false],
  ["2001:0db8:85a3:0000:0000:8a2e:0370:7334", true],
  ["2001:0db8:85j3:0000:0000:8a2e:0370:7334", false],
  ["2001:0db8:85f345:0000:0000:8a2e:0370:7334", false],
  ["2001:0db8::0:8a2e:370:7334", true],
  ["::ffff:192.168.0.1", true],
];
for (const [ip, valid] of ips)
  check(`is_valid_ip_address ${ip}`, () => call(ip, "is_valid_ip_address"), valid);
const colors: [string, boolean][] = [
  ["#55AAFF", true],
  ["#55aaFF", true],
  ["#55AAFF20", true],
  ["55AAFF", true],
  ["#F2C", true],
  ["#AABBC", false],
  ["#55aaFF5", false],
];
for (const [color, valid] of colors)
  check(`is_valid_html_color ${color}`, () => call(color, "is_valid_html_color"), valid);
const ints: [string, number | bigint][] = [
  ["1237461283", 1237461283],
  ["- 22", -22],
  ["0", 0],
  [" - 1123412", -1123412],
  ["", 0],
  ["10_000_000", 10000000],
  ["-1_2_3_4", -1234],
  ["10__000", 10000],
  ["  1  2  34 ", 1234],
  ["-0", 0],
  ["007", 7],
  ["--45", 45],
  ["---46", -46],
  ["-7-2", -72],
  ["0b1011", 1011],
  ["0x1012", 1012],
  ["12.9", 12],
  ["999999999999999999999999999999", (1n << 63n) - 1n],
  ["-999999999999999999999999999999", -(1n << 63n)],
];
for (const [text, value] of ints) check(`to_int ${text}`, () => call(text, "to_int"), value);
const hexes: [string, number | bigint][] = [
  ["0xFFAE", 0xffae],
  ["22", 0x22],
  ["0", 0],
  ["AADDAD", 0xaaddad],
  ["0x7FFFFFFFFFFFFFFF", (1n << 63n) - 1n],
  ["-0xf", -0xf],
  ["", 0],
  ["000f", 0xf],
  ["0xaA", 0xaa],
  ["-ff", -0xff],
  ["-", 0],
  ["0XFFAE", 0xffae],
  ["0xFFFFFFFFFFFFFFFFFFFFFFF", (1n << 63n) - 1n],
  ["-0xFFFFFFFFFFFFFFFFFFFFFFF", -(1n << 63n)],
];
for (const [text, value] of hexes) check(`hex_to_int ${text}`, () => call(text, "hex_to_int"), value);
for (const text of ["qwerty", "0xqwerty", "0x", "0x__", "x12", "+", " ff", "ff ", "f f", "+ff", "--0x78"]) {
  check(`hex_to_int invalid ${text}`, () => call(text, "hex_to_int"), 0);
}
const bins: [string, number | bigint][] = [
  ["", 0],
  ["0", 0],
  ["0b0", 0],
  ["0b1", 1],
  ["0b", 0],
  ["1", 1],
  ["0b1010", 10],
  ["-0b11", -3],
  ["-1010", -10],
  ["0B1010", 10],
  ["0b0111111111111111111111111111111111111111111111111111111111111111", (1n << 63n) - 1n],
];
for (const [text, value] of bins) check(`bin_to_int ${text}`, () => call(text, "bin_to_int"), value);
for (const text of ["qwerty", "0b00qwerty", "b12", "+", "-", "0x12ab", " 11", "11 ", "1 1", "--0b11"]) {
  check(`bin_to_int invalid ${text}`, () => call(text, "bin_to_int"), 0);
}
const floats: [string, number][] = [
  ["-12348298412.2", -12348298412.2],
  ["0.05", 0.05],
  ["2.0002", 2.0002],
  [" -0.0001", -0.0001],
  ["000.007", 0.007],
  ["234__", 234],
  ["3..14", 3],
  ["qwerty", 0],
  ["0xffff", 0],
  ["--3.13", 0],
  ["__345", 0],
  ["1e308", 1e308],
  ["1e309", Infinity],
  ["-1e511", -Infinity],
  ["1e512", Infinity],
  ["1.5e3", 1500],
  ["2.5e-1", 0.25],
];
for (const [text, value] of floats) check(`to_float ${text}`, () => call(text, "to_float"), value);

// Bytes and digests
const sample = String.fromCodePoint(0x45, 0x20, 0x304a, 0x360f, 0x3088, 0x3046, 0x1f3a4);
check(
  "to_utf8_buffer",
  () => call(sample, "to_utf8_buffer"),
  [
    0x45, 0x20, 0xe3, 0x81, 0x8a, 0xe3, 0x98, 0x8f, 0xe3, 0x82, 0x88, 0xe3, 0x81, 0x86, 0xf0, 0x9f, 0x8e,
    0xa4,
  ],
);
check("to_utf8_buffer type", () => call("a", "to_utf8_buffer") instanceof Uint8Array, true);
check(
  "to_utf16_buffer",
  () => call(sample, "to_utf16_buffer"),
  [0x45, 0, 0x20, 0, 0x4a, 0x30, 0x0f, 0x36, 0x88, 0x30, 0x46, 0x30, 0x3c, 0xd8, 0xa4, 0xdf],
);
check("to_utf32_buffer", () => call("E\u{1f3a4}", "to_utf32_buffer"), [0x45, 0, 0, 0, 0xa4, 0xf3, 0x01, 0]);
check("to_wchar_buffer", () => call("E", "to_wchar_buffer"), [0x45, 0, 0, 0]);
check(
  "to_ascii_buffer",
  () => call("Primero Leche", "to_ascii_buffer"),
  Array.from("Primero Leche", (c) => c.charCodeAt(0)),
);
check("to_ascii_buffer non-ASCII", () => call("aé", "to_ascii_buffer"), [0x61, 0x20]);
check("to_multibyte_char_buffer", () => call("abc", "to_multibyte_char_buffer"), []);
check("hex_decode", () => call("45e3818a8fe3", "hex_decode"), [0x45, 0xe3, 0x81, 0x8a, 0x8f, 0xe3]);
check("hex_decode odd", () => call("abc", "hex_decode"), []);
check("hex_decode invalid", () => call("zz", "hex_decode"), []);
check("md5_text", () => call("Godot", "md5_text"), "4a336d087aeb0390da10ee2ea7cb87f8");
check(
  "md5_buffer",
  () => call("Godot", "md5_buffer"),
  [0x4a, 0x33, 0x6d, 0x08, 0x7a, 0xeb, 0x03, 0x90, 0xda, 0x10, 0xee, 0x2e, 0xa7, 0xcb, 0x87, 0xf8],
);
check("sha1_text", () => call("Godot", "sha1_text"), "a1e91f39b9fce6a9998b14bdbe2aa2b39dc2d201");
check("sha1_buffer", () => (call("Godot", "sha1_buffer") as Uint8Array).length, 20);
check(
  "sha256_text",
  () => call("Godot", "sha256_text"),
  "2a02b2443f7985d89d09001086ae3dcfa6eb0f55c6ef170715d42328e16e6cb8",
);
check("sha256_buffer", () => (call("Godot", "sha256_buffer") as Uint8Array)[0], 0x2a);
check(
  "sha256 of two blocks",
  () => call("a".repeat(64), "sha256_text"),
  "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
);
check("md5 of empty", () => call("", "md5_text"), "d41d8cd98f00b204e9800998ecf8427e");
check(
  "sha1 of two blocks",
  () => call("a".repeat(100), "sha1_text"),
  "7f9000257a4918d7072655ea468540cdcbd42e0c",
);
check("md5 of UTF-8", () => call("é".repeat(40), "md5_text"), "639258863c18c505cc2183a5e4b63394");

// format
check(
  "format index",
  () =>
    call("Waiting for {0} is a play by {1}, and {0} Engine is named after it.", "format", [
      "Godot",
      "Samuel Beckett",
    ]),
  "Waiting for Godot is a play by Samuel Beckett, and Godot Engine is named after it.",
);
check(
  "format dictionary",
  () => call("User {id} is {name}.", "format", { id: 42, name: "Godot" }),
  "User 42 is Godot.",
);
check(
  "format Map",
  () =>
    call(
      "User {id} is {name}.",
      "format",
      new Map<unknown, unknown>([
        ["id", 42],
        ["name", "Godot"],
      ]),
    ),
  "User 42 is Godot.",
);
check("format positional", () => call("User {} is {}.", "format", [42, "Godot"], "{}"), "User 42 is Godot.");
check(
  "format pairs",
  () =>
    call("User {id} is {name}.", "format", [
      ["id", 42],
      ["name", "Godot"],
    ]),
  "User 42 is Godot.",
);
check(
  "format $_",
  () =>
    call(
      'red="$red" green="$green" blue="$blue" alpha="$alpha"',
      "format",
      { red: 10, green: 20, blue: "bla", alpha: 0.4 },
      "$_",
    ),
  'red="10" green="20" blue="bla" alpha="0.4"',
);
check("format incremental", () => call("{0} {1}", "format", ["{1}", "x"]), "x x");
check("format incremental later", () => call("{0} {1}", "format", ["x", "{0}"]), "x {0}");
check(
  "format dictionary order",
  () => call("{foo} {bar}", "format", { foo: "{bar}", bar: "baz" }),
  "baz baz",
);
check(
  "format dictionary order reversed",
  () => call("{foo} {bar}", "format", { bar: "baz", foo: "{bar}" }),
  "{bar} baz",
);
check(
  "format values as str()",
  () => call("{a} {b} {c} {d}", "format", { a: [1, "a", 2.5], b: { k: 2.5 }, c: null, d: true }),
  '[1, "a", 2.5] { "k": 2.5 } <null> true',
);

// The % operator
const sprintf: [string, unknown, string][] = [
  ["fish %% frog", [], "fish % frog"],
  ["fish %d frog", 5, "fish 5 frog"],
  ["fish %05d frog", 5, "fish 00005 frog"],
  ["fish %5d frog", 5, "fish     5 frog"],
  ["fish %-5d frog", 5, "fish 5     frog"],
  ["fish %+d frog", 5, "fish +5 frog"],
  ["fish %d frog", -5, "fish -5 frog"],
  ["fish %5d frog", -5, "fish    -5 frog"],
  ["fish %05d frog", -5, "fish -0005 frog"],
  ["fish %-5d frog", -5, "fish -5    frog"],
  ["fish %-05d frog", -5, "fish -5    frog"],
  ["fish %x frog", 45, "fish 2d frog"],
  ["fish %X frog", 45, "fish 2D frog"],
  ["fish %o frog", 99, "fish 143 frog"],
  ["fish %f frog", 99.99, "fish 99.990000 frog"],
  ["fish %11f frog", 99.99, "fish   99.990000 frog"],
  ["fish %11f frog", Infinity, "fish         inf frog"],
  ["fish %-11f frog", 99.99, "fish 99.990000   frog"],
  ["fish %f frog", 99, "fish 99.000000 frog"],
  ["fish %+f frog", 99.99, "fish +99.990000 frog"],
  ["fish %+f frog", -0, "fish -0.000000 frog"],
  ["fish %+f frog", 0, "fish +0.000000 frog"],
  ["fish %.1f frog", 99.99, "fish 100.0 frog"],
  ["fish %.12f frog", 99.99, "fish 99.990000000000 frog"],
  ["fish %.f frog", 99.99, "fish 100 frog"],
  ["fish %-011f frog", -99.99, "fish -99.990000  frog"],
  ["fish %v frog", new Vector2(19.99, 1), "fish (19.990000, 1.000000) frog"],
  ["fish %v frog", new Vector3(19.99, 1, -2.05), "fish (19.990000, 1.000000, -2.050000) frog"],
  ["fish %v frog", new Vector4(19.99, 1, -2.05, 5.5), "fish (19.990000, 1.000000, -2.050000, 5.500000) frog"],
  ["fish %v frog", new Vector2(-19.99, -1), "fish (-19.990000, -1.000000) frog"],
  ["fish %11v frog", new Vector3(19.99, 1, -2.05), "fish (  19.990000,    1.000000,   -2.050000) frog"],
  ["fish %11v frog", new Vector2(Infinity, NaN), "fish (        inf,         nan) frog"],
  ["fish %-11v frog", new Vector3(19.99, 1, -2.05), "fish (19.990000  , 1.000000   , -2.050000  ) frog"],
  ["fish %011v frog", new Vector3(19.99, 1, -2.05), "fish (0019.990000, 0001.000000, -002.050000) frog"],
  ["fish %v frog", new Vector3i(19, 1, -2), "fish (19.000000, 1.000000, -2.000000) frog"],
  ["fish %.1v frog", new Vector3(19.99, 1, -2.05), "fish (20.0, 1.0, -2.0) frog"],
  ["fish %.12v frog", new Vector3(19, 1, -2), "fish (19.000000000000, 1.000000000000, -2.000000000000) frog"],
  ["fish %.v frog", new Vector3(19.99, 1, -2.05), "fish (20, 1, -2) frog"],
  ["fish %s frog", "cheese", "fish cheese frog"],
  ["fish %10s frog", "cheese", "fish     cheese frog"],
  ["fish %-10s frog", "cheese", "fish cheese     frog"],
  ["fish %c frog", "A", "fish A frog"],
  ["fish %c frog", 65, "fish A frog"],
  ["fish %*s frog", [10, "cheese"], "fish     cheese frog"],
  ["fish %*d frog", [10, 99], "fish         99 frog"],
  ["fish %*.*f frog", [10, 3, 99.99], "fish     99.990 frog"],
  ["%s", [[1, "a"]], '[1, "a"]'],
  ["%s", null, "<null>"],
  ["%s", 2.5, "2.5"],
  ["%s", name("sn"), "sn"],
  ["%x", -1, "-1"],
  ["%ux", -1, "ffffffff"],
];
for (const [format, values, output] of sprintf)
  check(`"${format}" % ${show(values)}`, () => name(format).modulo(values), output);
const sprintf_errors: [string, unknown, string][] = [
  ["fish %s %s frog", ["cheese"], "not enough arguments for format string"],
  ["fish %s frog", ["hello", "cheese"], "not all arguments converted during string formatting"],
  ["fish %10", ["cheese"], "incomplete format"],
  ["fish %&f frog", ["cheese"], "unsupported format character"],
  ["fish %2.2.2f frog", [99.99], "too many decimal points in format"],
  ["fish %*f frog", ["cheese", 99.99], "* wants number or vector"],
  ["fish %c frog", ["sc"], "%c requires number or single-character string"],
  ["fish %c frog", [[]], "%c requires number or single-character string"],
  ["%d", ["1"], "a number is required"],
  ["%v", [1], "%v requires a vector type"],
];
for (const [format, values, message] of sprintf_errors)
  check_throws(`"${format}" % ${show(values)}`, () => name(format).modulo(values), Error, message);

section = "NodePath";

const relative = new NodePath("Path2D/PathFollow2D/Sprite2D:position:x");
check("toString", () => relative.toString(), "Path2D/PathFollow2D/Sprite2D:position:x");
check(
  "get_as_property_path",
  () => relative.get_as_property_path(),
  new NodePath(":Path2D/PathFollow2D/Sprite2D:position:x"),
);
check(
  "get_as_property_path text",
  () => relative.get_as_property_path().toString(),
  ":Path2D/PathFollow2D/Sprite2D:position:x",
);
check("get_concatenated_subnames", () => relative.get_concatenated_subnames(), name("position:x"));
check(
  "get_concatenated_names",
  () => relative.get_concatenated_names(),
  name("Path2D/PathFollow2D/Sprite2D"),
);
check("get_name 0", () => relative.get_name(0), name("Path2D"));
check("get_name 2", () => relative.get_name(2), name("Sprite2D"));
check("get_name 3", () => relative.get_name(3), name(""));
check("get_name -1", () => relative.get_name(-1), name(""));
check("get_name_count", () => relative.get_name_count(), 3);
check("get_subname 0", () => relative.get_subname(0), name("position"));
check("get_subname 1", () => relative.get_subname(1), name("x"));
check("get_subname 2", () => relative.get_subname(2), name(""));
check("get_subname_count", () => relative.get_subname_count(), 2);
check("is_absolute relative", () => relative.is_absolute(), false);
check("is_empty relative", () => relative.is_empty(), false);
const absolute_path = new NodePath("/root/Sprite2D");
check("absolute toString", () => absolute_path.toString(), "/root/Sprite2D");
check(
  "absolute get_as_property_path",
  () => absolute_path.get_as_property_path(),
  new NodePath(":root/Sprite2D"),
);
check("absolute get_concatenated_subnames", () => absolute_path.get_concatenated_subnames(), name(""));
check("absolute get_concatenated_names", () => absolute_path.get_concatenated_names(), name("root/Sprite2D"));
check("absolute get_name 1", () => absolute_path.get_name(1), name("Sprite2D"));
check("absolute get_name_count", () => absolute_path.get_name_count(), 2);
check("absolute get_subname_count", () => absolute_path.get_subname_count(), 0);
check("absolute is_absolute", () => absolute_path.is_absolute(), true);
const empty_path = new NodePath();
check("empty get_as_property_path", () => empty_path.get_as_property_path(), new NodePath());
check("empty get_concatenated_subnames", () => empty_path.get_concatenated_subnames(), name(""));
check("empty get_name_count", () => empty_path.get_name_count(), 0);
check("empty is_absolute", () => empty_path.is_absolute(), false);
check("empty is_empty", () => empty_path.is_empty(), true);
check("empty hash", () => empty_path.hash(), 0);
check("from StringName", () => new NodePath(name("/Path2D")).get_name(0), name("Path2D"));
check("from NodePath", () => new NodePath(relative).toString(), relative.toString());
check("normalized", () => new NodePath("a//b/:c:").toString(), "a/b:c");
check("invalid", () => new NodePath("a::b").is_empty(), true);
check("root only", () => new NodePath("/").toString(), "/");
check("slice 0 2", () => new NodePath("Parent/Child:prop:subprop").slice(0, 2), new NodePath("Parent/Child"));
const to_slice = new NodePath("Parent/Child:prop:subprop");
const slices: [number, number | undefined, string][] = [
  [3, undefined, ":subprop"],
  [1, undefined, "Child:prop:subprop"],
  [1, 3, "Child:prop"],
  [-1, undefined, ":subprop"],
  [0, -1, "Parent/Child:prop"],
  [-2, -1, ":prop"],
  [0, 10, "Parent/Child:prop:subprop"],
  [-10, 2, "Parent/Child"],
  [1, 1, ""],
];
for (const [begin, end, expected] of slices)
  check(
    `slice ${begin} ${end}`,
    () => (end === undefined ? to_slice.slice(begin) : to_slice.slice(begin, end)),
    new NodePath(expected),
  );
const absolute_slice = new NodePath("/root/Parent/Child:prop");
check("absolute slice 0 2", () => absolute_slice.slice(0, 2), new NodePath("/root/Parent"));
check("absolute slice 1 4", () => absolute_slice.slice(1, 4), new NodePath("Parent/Child:prop"));
check("absolute slice 3 4", () => absolute_slice.slice(3, 4), new NodePath(":prop"));
check("empty slice", () => new NodePath("").slice(0, 1), new NodePath(""));
check("empty slice -1 2", () => new NodePath("").slice(-1, 2), new NodePath(""));
check("root slice", () => new NodePath("/").slice(-1, 2), new NodePath("/"));
check("==", () => new NodePath("a/b").equals(new NodePath("a//b")), true);
check("== absolute", () => new NodePath("a/b").equals(new NodePath("/a/b")), false);
check("== String", () => new NodePath("a").equals("a"), false);
check("!=", () => new NodePath("a").not_equals(new NodePath("b")), true);
// Godot's NodePath::hash: (absolute ? 1 : 0) ^ each name's and subname's String::hash.
check("hash", () => new NodePath("/a:b").hash(), (1 ^ name("a").hash() ^ name("b").hash()) >>> 0);
check("hash repeated name", () => new NodePath("a/a").hash(), 0);
check_throws(
  'get_name("0")',
  () => relative.get_name("0" as unknown as number),
  TypeError,
  "NodePath.get_name",
);
check_throws(
  "NodePath(1)",
  () => new (NodePath as unknown as new (value: unknown) => NodePath)(1),
  TypeError,
  "NodePath()",
);

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
