// Godot's NodePath (core/string/node_path.cpp): node names separated by '/', optionally absolute
// ("/root/Main"), then property subnames after ':' ("Player/Gun:rotation:x"). Held as its
// normalized text, Godot's String(NodePath), from which the names are read back.
import { bad_arguments, check_int, print_error } from "./checks.js";
import { hash } from "./godot_string.js";
import { StringName } from "./string_name.js";

interface Parts {
  absolute: boolean;
  names: string[];
  subnames: string[];
}

const INT_MAX = 2147483647;

// Godot's NodePath(String): empty names ("a//b", a trailing '/') are skipped, an empty subname is
// an error but for a trailing ':'. Null is the empty NodePath.
function parse(path: string): Parts | null {
  if (path.length === 0) return null;
  const absolute = path[0] === "/";
  const colon = path.indexOf(":");
  let subnames: string[] = [];
  if (colon >= 0) {
    subnames = path.slice(colon + 1).split(":");
    if (subnames[subnames.length - 1] === "") subnames.pop();
    if (subnames.includes("")) {
      print_error(`Invalid NodePath '${path}'.`);
      return null;
    }
    path = path.slice(0, colon);
  }
  const names = path.split("/").filter((name) => name.length > 0);
  return names.length === 0 && !absolute && subnames.length === 0 ? null : { absolute, names, subnames };
}

function text_of(parts: Parts | null): string {
  if (!parts) return "";
  const subpath = parts.subnames.join(":");
  return (parts.absolute ? "/" : "") + parts.names.join("/") + (subpath.length > 0 ? ":" + subpath : "");
}

function from_parts(absolute: boolean, names: string[], subnames: string[]): NodePath {
  const empty = names.length === 0 && subnames.length === 0 && !absolute;
  return new NodePath(empty ? "" : text_of({ absolute, names, subnames }));
}

export class NodePath {
  private readonly _path: string;

  constructor();
  constructor(from: NodePath);
  constructor(from: string | StringName);
  constructor(...args: unknown[]) {
    const [from] = args;
    if (args.length === 0) this._path = "";
    else if (args.length === 1 && from instanceof NodePath) this._path = from._path;
    else if (args.length === 1 && (typeof from === "string" || from instanceof StringName))
      this._path = text_of(parse(from.toString()));
    else bad_arguments("NodePath()", "(), (NodePath from) or (String from)", args);
  }

  private parts(): Parts | null {
    return parse(this._path);
  }

  /** Godot's String(NodePath): "Player/Gun:rotation", "/root/Main", "" when empty. */
  toString(): string {
    return this._path;
  }

  is_absolute(): boolean {
    return this.parts()?.absolute ?? false;
  }

  is_empty(): boolean {
    return this._path.length === 0;
  }

  get_name_count(): number {
    return this.parts()?.names.length ?? 0;
  }

  get_subname_count(): number {
    return this.parts()?.subnames.length ?? 0;
  }

  get_name(idx: number): StringName {
    return name_at("get_name", this.parts()?.names ?? [], check_int("NodePath.get_name", 0, "idx", idx));
  }

  get_subname(idx: number): StringName {
    return name_at(
      "get_subname",
      this.parts()?.subnames ?? [],
      check_int("NodePath.get_subname", 0, "idx", idx),
    );
  }

  get_concatenated_names(): StringName {
    return new StringName(this.parts()?.names.join("/") ?? "");
  }

  get_concatenated_subnames(): StringName {
    return new StringName(this.parts()?.subnames.join(":") ?? "");
  }

  /** Names then subnames as one sequence, sliced as Array.slice does (negative counts from the end). */
  slice(begin: number, end = INT_MAX): NodePath {
    const parts = this.parts() ?? { absolute: false, names: [], subnames: [] };
    const name_count = parts.names.length;
    const total = name_count + parts.subnames.length;
    const resolve = (index: number): number => {
      const clamped = Math.min(Math.max(index, -total), total);
      return clamped < 0 ? clamped + total : clamped;
    };
    const from = resolve(check_int("NodePath.slice", 0, "begin", begin));
    const to = resolve(check_int("NodePath.slice", 1, "end", end));
    const names = parts.names.slice(from, to);
    const subnames = parts.subnames.slice(Math.max(from - name_count, 0), Math.max(to - name_count, 0));
    return from_parts(parts.absolute && from === 0, names, subnames);
  }

  /** The path as one relative property path: "Player/Gun:rotation" becomes ":Player/Gun:rotation". */
  get_as_property_path(): NodePath {
    const parts = this.parts();
    if (!parts || parts.names.length === 0) return this;
    return from_parts(false, [], [parts.names.join("/"), ...parts.subnames]);
  }

  /** Godot's NodePath::hash: the djb2 hashes of every name and subname XORed, 1 for absolute. */
  hash(): number {
    const parts = this.parts();
    if (!parts) return 0;
    let value = parts.absolute ? 1 : 0;
    for (const name of [...parts.names, ...parts.subnames]) value ^= hash(name);
    return value >>> 0;
  }

  // Operators

  /** `path == value`: the same names, subnames and absoluteness; any other type is unequal. */
  equals(right: unknown): boolean {
    return right instanceof NodePath && right._path === this._path;
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }
}

// Godot's ERR_FAIL_INDEX: an index out of range reports an error and gives the empty StringName.
function name_at(method: string, names: readonly string[], index: number): StringName {
  if (index < 0 || index >= names.length) {
    print_error(`NodePath.${method}: index ${index} is out of bounds (size() = ${names.length}).`);
    return new StringName();
  }
  return new StringName(names[index]);
}
