// Godot's typed Dictionary (Dictionary[String, int]...): a Map that knows its key and value types,
// as Variant.Type numbers and, for objects, class names. The value converter makes one with this
// constructor and set(), and reads it back as a typed Dictionary; set() checks both types.
import { bad_argument } from "./checks.js";
import { StringName } from "./string_name.js";
import { NIL, check_element, check_variant_type } from "./typed_array.js";

const D = "TypedDictionary";

export class TypedDictionary<K = unknown, V = unknown> extends Map<K, V> {
  declare readonly _key_type: number;
  declare readonly _key_class_name: string;
  declare readonly _value_type: number;
  declare readonly _value_class_name: string;

  /** Quickdot's form of Godot's Dictionary(base, key_type, key_class_name, key_script, value_type, value_class_name, value_script). */
  constructor(
    key_type: number,
    key_class_name: string,
    value_type: number,
    value_class_name: string,
    entries?: Iterable<readonly [K, V]>,
  ) {
    // Map's constructor would call set() before the types are known.
    super();
    const [key, key_class] = check_variant_type("TypedDictionary()", key_type, key_class_name, 0);
    const [value, value_class] = check_variant_type("TypedDictionary()", value_type, value_class_name, 2);
    const hidden = (name: string, field: unknown) =>
      Object.defineProperty(this, name, { value: field, writable: true, configurable: true });
    hidden("_key_type", key);
    hidden("_key_class_name", key_class);
    hidden("_value_type", value);
    hidden("_value_class_name", value_class);
    if (entries === undefined) return;
    for (const entry of entries) {
      if (!Array.isArray(entry)) bad_argument("TypedDictionary()", 4, "entries", "[key, value] pairs", entry);
      this.set(entry[0], entry[1]);
    }
  }

  override set(key: K, value: V): this {
    check_element("TypedDictionary.set", 0, "key", this._key_type, this._key_class_name, key);
    check_element("TypedDictionary.set", 1, "value", this._value_type, this._value_class_name, value);
    return super.set(key, value);
  }

  is_typed(): boolean {
    return this.is_typed_key() || this.is_typed_value();
  }

  is_typed_key(): boolean {
    return this._key_type !== NIL;
  }

  is_typed_value(): boolean {
    return this._value_type !== NIL;
  }

  get_typed_key_builtin(): number {
    return this._key_type;
  }

  get_typed_key_class_name(): StringName {
    return new StringName(this._key_class_name);
  }

  get_typed_value_builtin(): number {
    return this._value_type;
  }

  get_typed_value_class_name(): StringName {
    return new StringName(this._value_class_name);
  }

  /** Always null: Quickdot's typed dictionaries are not typed by script. */
  get_typed_key_script(): null {
    return null;
  }

  /** Always null: Quickdot's typed dictionaries are not typed by script. */
  get_typed_value_script(): null {
    return null;
  }

  /** The same key and value types; a Map or plain object is untyped. */
  is_same_typed(dictionary: object): boolean {
    return this.is_same_typed_key(dictionary) && this.is_same_typed_value(dictionary);
  }

  is_same_typed_key(dictionary: object): boolean {
    const other = typed_of("is_same_typed_key", dictionary);
    return (
      this._key_type === (other?._key_type ?? NIL) && this._key_class_name === (other?._key_class_name ?? "")
    );
  }

  is_same_typed_value(dictionary: object): boolean {
    const other = typed_of("is_same_typed_value", dictionary);
    return (
      this._value_type === (other?._value_type ?? NIL) &&
      this._value_class_name === (other?._value_class_name ?? "")
    );
  }
}

// The dictionary's types, or null for an untyped one.
function typed_of(method: string, dictionary: unknown): TypedDictionary | null {
  if (typeof dictionary !== "object" || dictionary === null)
    bad_argument(`${D}.${method}`, 0, "dictionary", "Dictionary", dictionary);
  return dictionary instanceof TypedDictionary ? dictionary : null;
}
