// How values are shown in assert messages (GUT's strutils): GUT's style for Godot objects,
// strings in quotes, containers item by item.

import { Object as GodotObject } from "godot";
import { is_live } from "./engine_access.js";

export function is_record(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function is_plain_object(value: unknown): value is Record<string, unknown> {
  if (!is_record(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function is_typed_array(value: unknown): value is ArrayLike<number | bigint> & ArrayBufferView {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

export function constructor_name(value: object): string {
  const ctor: unknown = Object.getPrototypeOf(value)?.constructor;
  return typeof ctor === "function" && ctor.name !== "" ? ctor.name : "Object";
}

function godot_object_text(value: GodotObject): string {
  if (!is_live(value)) return "<Freed Object>";
  try {
    const native = value.get_class();
    const script = constructor_name(value);
    const base = `<${native}#${value.get_instance_id()}>`;
    return script !== native && script !== "Object" ? `${base}(${script})` : base;
  } catch {
    return "<Freed Object>";
  }
}

/** How a value appears in assert messages: GUT's style, strings in quotes, `<null>` for null. */
export function str(value: unknown, depth = 0): string {
  switch (typeof value) {
    case "string":
      return `"${value}"`;
    case "number":
    case "boolean":
      return String(value);
    case "bigint":
      return value.toString();
    case "undefined":
      return "<undefined>";
    case "symbol":
      return value.toString();
    case "function":
      return `<function ${value.name === "" ? "(anonymous)" : value.name}>`;
  }
  if (value === null) return "<null>";
  if (value instanceof GodotObject) return godot_object_text(value);
  if (depth > 4) return "...";
  const list = (items: readonly unknown[]): string => {
    const shown = items.slice(0, 50).map((item) => str(item, depth + 1));
    if (items.length > 50) shown.push(`... (${items.length} items)`);
    return shown.join(", ");
  };
  if (Array.isArray(value)) return `[${list(value)}]`;
  if (is_typed_array(value)) return `${constructor_name(value)}[${list(Array.from(value))}]`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Map) {
    const entries = Array.from(value.entries()).map(
      ([key, item]) => `${str(key, depth + 1)}: ${str(item, depth + 1)}`,
    );
    return entries.length === 0 ? "Map{}" : `Map{ ${entries.join(", ")} }`;
  }
  if (value instanceof Set) return `Set[${list(Array.from(value))}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => `"${key}": ${str(item, depth + 1)}`);
    const body = entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
    return is_plain_object(value) ? body : `${constructor_name(value)}${body}`;
  }
  return String(value);
}

/** The kind of a value, as assert messages name it ("number", "string", "Array", "Node"...). */
export function type_name(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof GodotObject) return is_live(value) ? value.get_class() : "Object";
  if (Array.isArray(value)) return "Array";
  if (typeof value === "object") return constructor_name(value);
  return typeof value;
}
