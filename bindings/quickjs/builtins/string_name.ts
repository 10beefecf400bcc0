// Godot's StringName (core/string/string_name.h): an interned name, here simply its text. Its
// methods are String's (they return strings, not StringNames) and delegate to godot_string.ts;
// `${name}` and `name + "x"` give the text. Operators are methods (`equals`, `add`, `modulo`...).
import { bad_argument, bad_arguments, check_bool, check_int } from "./checks.js";
import * as G from "./godot_string.js";
import { NodePath } from "./node_path.js";
import { PackedStringArray } from "./packed_arrays.js";

/** A String argument: a string, or a StringName or NodePath, which Godot converts to one. */
export function check_text(method: string, index: number, name: string, value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof StringName || value instanceof NodePath) return value.toString();
  bad_argument(method, index, name, "String", value);
}

/** A PackedStringArray argument: one, or any array of strings, which Godot converts. */
function check_strings(method: string, index: number, name: string, value: unknown): string[] {
  if (!Array.isArray(value)) bad_argument(method, index, name, "PackedStringArray", value);
  return value.map((part: unknown) => check_text(method, index, name, part));
}

type Text = string | StringName;

const text = (method: string, index: number, name: string, value: unknown): string =>
  check_text(`StringName.${method}`, index, name, value);
const int = (method: string, index: number, name: string, value: unknown): number =>
  check_int(`StringName.${method}`, index, name, value);
const bool = (method: string, index: number, name: string, value: unknown): boolean =>
  check_bool(`StringName.${method}`, index, name, value);

export class StringName {
  private readonly _text: string;

  constructor();
  constructor(from: StringName);
  constructor(from: string);
  constructor(...args: unknown[]) {
    const [from] = args;
    if (args.length === 0) this._text = "";
    else if (args.length === 1 && typeof from === "string") this._text = from;
    else if (args.length === 1 && from instanceof StringName) this._text = from._text;
    else bad_arguments("StringName()", "(), (StringName from) or (String from)", args);
  }

  /** The text, as Godot's String(StringName). */
  toString(): string {
    return this._text;
  }

  valueOf(): string {
    return this._text;
  }

  // Comparison

  casecmp_to(to: Text): number {
    return G.casecmp_to(this._text, text("casecmp_to", 0, "to", to));
  }
  nocasecmp_to(to: Text): number {
    return G.nocasecmp_to(this._text, text("nocasecmp_to", 0, "to", to));
  }
  naturalcasecmp_to(to: Text): number {
    return G.naturalcasecmp_to(this._text, text("naturalcasecmp_to", 0, "to", to));
  }
  naturalnocasecmp_to(to: Text): number {
    return G.naturalnocasecmp_to(this._text, text("naturalnocasecmp_to", 0, "to", to));
  }
  filecasecmp_to(to: Text): number {
    return G.filecasecmp_to(this._text, text("filecasecmp_to", 0, "to", to));
  }
  filenocasecmp_to(to: Text): number {
    return G.filenocasecmp_to(this._text, text("filenocasecmp_to", 0, "to", to));
  }
  match(expr: Text): boolean {
    return G.match(this._text, text("match", 0, "expr", expr));
  }
  matchn(expr: Text): boolean {
    return G.matchn(this._text, text("matchn", 0, "expr", expr));
  }
  begins_with(prefix: Text): boolean {
    return G.begins_with(this._text, text("begins_with", 0, "text", prefix));
  }
  ends_with(suffix: Text): boolean {
    return G.ends_with(this._text, text("ends_with", 0, "text", suffix));
  }
  is_subsequence_of(of: Text): boolean {
    return G.is_subsequence_of(this._text, text("is_subsequence_of", 0, "text", of));
  }
  is_subsequence_ofn(of: Text): boolean {
    return G.is_subsequence_ofn(this._text, text("is_subsequence_ofn", 0, "text", of));
  }
  similarity(other: Text): number {
    return G.similarity(this._text, text("similarity", 0, "text", other));
  }
  contains(what: Text): boolean {
    return G.contains(this._text, text("contains", 0, "what", what));
  }
  containsn(what: Text): boolean {
    return G.containsn(this._text, text("containsn", 0, "what", what));
  }
  hash(): number {
    return G.hash(this._text);
  }

  // Length, searching, slicing

  length(): number {
    return G.length(this._text);
  }
  is_empty(): boolean {
    return G.is_empty(this._text);
  }
  unicode_at(at: number): number {
    return G.unicode_at(this._text, int("unicode_at", 0, "at", at));
  }

  substr(from: number, len = -1): string {
    return G.substr(this._text, int("substr", 0, "from", from), int("substr", 1, "len", len));
  }

  left(length: number): string {
    return G.left(this._text, int("left", 0, "length", length));
  }
  right(length: number): string {
    return G.right(this._text, int("right", 0, "length", length));
  }

  find(what: Text, from = 0): number {
    return G.find(this._text, text("find", 0, "what", what), int("find", 1, "from", from));
  }

  findn(what: Text, from = 0): number {
    return G.findn(this._text, text("findn", 0, "what", what), int("findn", 1, "from", from));
  }

  rfind(what: Text, from = -1): number {
    return G.rfind(this._text, text("rfind", 0, "what", what), int("rfind", 1, "from", from));
  }

  rfindn(what: Text, from = -1): number {
    return G.rfindn(this._text, text("rfindn", 0, "what", what), int("rfindn", 1, "from", from));
  }

  count(what: Text, from = 0, to = 0): number {
    return G.count(
      this._text,
      text("count", 0, "what", what),
      int("count", 1, "from", from),
      int("count", 2, "to", to),
    );
  }

  countn(what: Text, from = 0, to = 0): number {
    return G.countn(
      this._text,
      text("countn", 0, "what", what),
      int("countn", 1, "from", from),
      int("countn", 2, "to", to),
    );
  }

  get_slice(delimiter: Text, slice: number): string {
    return G.get_slice(
      this._text,
      text("get_slice", 0, "delimiter", delimiter),
      int("get_slice", 1, "slice", slice),
    );
  }

  get_slicec(delimiter: number, slice: number): string {
    return G.get_slicec(
      this._text,
      int("get_slicec", 0, "delimiter", delimiter),
      int("get_slicec", 1, "slice", slice),
    );
  }

  get_slice_count(delimiter: Text): number {
    return G.get_slice_count(this._text, text("get_slice_count", 0, "delimiter", delimiter));
  }

  bigrams(): PackedStringArray {
    return G.bigrams(this._text);
  }

  // Building new text

  format(values: unknown, placeholder: Text = "{_}"): string {
    return G.format(this._text, values, text("format", 1, "placeholder", placeholder));
  }

  replace(what: Text, forwhat: Text): string {
    return G.replace(this._text, text("replace", 0, "what", what), text("replace", 1, "forwhat", forwhat));
  }

  replacen(what: Text, forwhat: Text): string {
    return G.replacen(this._text, text("replacen", 0, "what", what), text("replacen", 1, "forwhat", forwhat));
  }

  replace_char(key: number, replacement: number): string {
    return G.replace_char(
      this._text,
      int("replace_char", 0, "key", key),
      int("replace_char", 1, "with", replacement),
    );
  }

  replace_chars(keys: Text, replacement: number): string {
    return G.replace_chars(
      this._text,
      text("replace_chars", 0, "keys", keys),
      int("replace_chars", 1, "with", replacement),
    );
  }

  remove_char(what: number): string {
    return G.remove_char(this._text, int("remove_char", 0, "what", what));
  }
  remove_chars(chars: Text): string {
    return G.remove_chars(this._text, text("remove_chars", 0, "chars", chars));
  }
  repeat(count: number): string {
    return G.repeat(this._text, int("repeat", 0, "count", count));
  }
  reverse(): string {
    return G.reverse(this._text);
  }

  insert(position: number, what: Text): string {
    return G.insert(this._text, int("insert", 0, "position", position), text("insert", 1, "what", what));
  }

  erase(position: number, chars = 1): string {
    return G.erase(this._text, int("erase", 0, "position", position), int("erase", 1, "chars", chars));
  }

  capitalize(): string {
    return G.capitalize(this._text);
  }
  to_camel_case(): string {
    return G.to_camel_case(this._text);
  }
  to_pascal_case(): string {
    return G.to_pascal_case(this._text);
  }
  to_snake_case(): string {
    return G.to_snake_case(this._text);
  }
  to_kebab_case(): string {
    return G.to_kebab_case(this._text);
  }
  to_upper(): string {
    return G.to_upper(this._text);
  }
  to_lower(): string {
    return G.to_lower(this._text);
  }

  split(delimiter: Text = "", allow_empty = true, maxsplit = 0): PackedStringArray {
    return G.split(
      this._text,
      text("split", 0, "delimiter", delimiter),
      bool("split", 1, "allow_empty", allow_empty),
      int("split", 2, "maxsplit", maxsplit),
    );
  }

  rsplit(delimiter: Text = "", allow_empty = true, maxsplit = 0): PackedStringArray {
    return G.rsplit(
      this._text,
      text("rsplit", 0, "delimiter", delimiter),
      bool("rsplit", 1, "allow_empty", allow_empty),
      int("rsplit", 2, "maxsplit", maxsplit),
    );
  }

  split_floats(delimiter: Text, allow_empty = true): Float64Array {
    return G.split_floats(
      this._text,
      text("split_floats", 0, "delimiter", delimiter),
      bool("split_floats", 1, "allow_empty", allow_empty),
    );
  }

  join(parts: PackedStringArray | readonly string[]): string {
    return G.join(this._text, check_strings("StringName.join", 0, "parts", parts));
  }

  strip_edges(left = true, right = true): string {
    return G.strip_edges(
      this._text,
      bool("strip_edges", 0, "left", left),
      bool("strip_edges", 1, "right", right),
    );
  }

  strip_escapes(): string {
    return G.strip_escapes(this._text);
  }
  lstrip(chars: Text): string {
    return G.lstrip(this._text, text("lstrip", 0, "chars", chars));
  }
  rstrip(chars: Text): string {
    return G.rstrip(this._text, text("rstrip", 0, "chars", chars));
  }
  trim_prefix(prefix: Text): string {
    return G.trim_prefix(this._text, text("trim_prefix", 0, "prefix", prefix));
  }
  trim_suffix(suffix: Text): string {
    return G.trim_suffix(this._text, text("trim_suffix", 0, "suffix", suffix));
  }

  lpad(min_length: number, character: Text = " "): string {
    return G.lpad(
      this._text,
      int("lpad", 0, "min_length", min_length),
      text("lpad", 1, "character", character),
    );
  }

  rpad(min_length: number, character: Text = " "): string {
    return G.rpad(
      this._text,
      int("rpad", 0, "min_length", min_length),
      text("rpad", 1, "character", character),
    );
  }

  pad_decimals(digits: number): string {
    return G.pad_decimals(this._text, int("pad_decimals", 0, "digits", digits));
  }
  pad_zeros(digits: number): string {
    return G.pad_zeros(this._text, int("pad_zeros", 0, "digits", digits));
  }
  indent(prefix: Text): string {
    return G.indent(this._text, text("indent", 0, "prefix", prefix));
  }
  dedent(): string {
    return G.dedent(this._text);
  }

  // Paths and names

  get_extension(): string {
    return G.get_extension(this._text);
  }
  get_basename(): string {
    return G.get_basename(this._text);
  }
  get_base_dir(): string {
    return G.get_base_dir(this._text);
  }
  get_file(): string {
    return G.get_file(this._text);
  }
  path_join(path: Text): string {
    return G.path_join(this._text, text("path_join", 0, "path", path));
  }
  is_absolute_path(): boolean {
    return G.is_absolute_path(this._text);
  }
  is_relative_path(): boolean {
    return G.is_relative_path(this._text);
  }
  simplify_path(): string {
    return G.simplify_path(this._text);
  }
  validate_node_name(): string {
    return G.validate_node_name(this._text);
  }
  validate_filename(): string {
    return G.validate_filename(this._text);
  }
  is_valid_filename(): boolean {
    return G.is_valid_filename(this._text);
  }

  // Escapes

  xml_escape(escape_quotes = false): string {
    return G.xml_escape(this._text, bool("xml_escape", 0, "escape_quotes", escape_quotes));
  }
  xml_unescape(): string {
    return G.xml_unescape(this._text);
  }
  uri_encode(): string {
    return G.uri_encode(this._text);
  }
  uri_decode(): string {
    return G.uri_decode(this._text);
  }
  uri_file_decode(): string {
    return G.uri_file_decode(this._text);
  }
  c_escape(): string {
    return G.c_escape(this._text);
  }
  c_unescape(): string {
    return G.c_unescape(this._text);
  }
  json_escape(): string {
    return G.json_escape(this._text);
  }

  // Validation and numbers

  is_valid_ascii_identifier(): boolean {
    return G.is_valid_ascii_identifier(this._text);
  }
  is_valid_unicode_identifier(): boolean {
    return G.is_valid_unicode_identifier(this._text);
  }
  is_valid_identifier(): boolean {
    return G.is_valid_identifier(this._text);
  }
  is_valid_int(): boolean {
    return G.is_valid_int(this._text);
  }
  is_valid_float(): boolean {
    return G.is_valid_float(this._text);
  }

  is_valid_hex_number(with_prefix = false): boolean {
    return G.is_valid_hex_number(this._text, bool("is_valid_hex_number", 0, "with_prefix", with_prefix));
  }

  is_valid_html_color(): boolean {
    return G.is_valid_html_color(this._text);
  }
  is_valid_ip_address(): boolean {
    return G.is_valid_ip_address(this._text);
  }
  to_int(): number {
    return G.to_int(this._text);
  }
  to_float(): number {
    return G.to_float(this._text);
  }
  hex_to_int(): number {
    return G.hex_to_int(this._text);
  }
  bin_to_int(): number {
    return G.bin_to_int(this._text);
  }

  // Bytes and digests

  md5_text(): string {
    return G.md5_text(this._text);
  }
  sha1_text(): string {
    return G.sha1_text(this._text);
  }
  sha256_text(): string {
    return G.sha256_text(this._text);
  }
  md5_buffer(): Uint8Array {
    return G.md5_buffer(this._text);
  }
  sha1_buffer(): Uint8Array {
    return G.sha1_buffer(this._text);
  }
  sha256_buffer(): Uint8Array {
    return G.sha256_buffer(this._text);
  }
  to_ascii_buffer(): Uint8Array {
    return G.to_ascii_buffer(this._text);
  }
  to_utf8_buffer(): Uint8Array {
    return G.to_utf8_buffer(this._text);
  }
  to_utf16_buffer(): Uint8Array {
    return G.to_utf16_buffer(this._text);
  }
  to_utf32_buffer(): Uint8Array {
    return G.to_utf32_buffer(this._text);
  }
  to_wchar_buffer(): Uint8Array {
    return G.to_wchar_buffer(this._text);
  }

  to_multibyte_char_buffer(encoding: Text = ""): Uint8Array {
    return G.to_multibyte_char_buffer(this._text, text("to_multibyte_char_buffer", 0, "encoding", encoding));
  }

  hex_decode(): Uint8Array {
    return G.hex_decode(this._text);
  }

  // Operators

  /** `name == value`: true for a StringName or a String of the same text, as in Godot. */
  equals(right: unknown): boolean {
    if (right instanceof StringName) return right._text === this._text;
    return typeof right === "string" && right === this._text;
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  // Godot orders StringNames by their interned address, which no script can see; these order by
  // the texts' code points instead, a stable order with the same equalities.
  less(right: StringName): boolean {
    return this.compare("less", right) < 0;
  }
  less_equal(right: StringName): boolean {
    return this.compare("less_equal", right) <= 0;
  }
  greater(right: StringName): boolean {
    return this.compare("greater", right) > 0;
  }
  greater_equal(right: StringName): boolean {
    return this.compare("greater_equal", right) >= 0;
  }

  private compare(operator: string, right: unknown): number {
    if (!(right instanceof StringName))
      bad_argument(`StringName.${operator}`, 0, "right", "StringName", right);
    return G.casecmp_to(this._text, right._text);
  }

  /** `name + text`: the concatenated String. */
  add(right: Text): string {
    return this._text + text("add", 0, "right", right);
  }

  /** `name % values`: Godot's format operator (see godot_string_format.ts sprintf). */
  modulo(values: unknown): string {
    return G.sprintf(this._text, G.format_arguments(values));
  }
}
