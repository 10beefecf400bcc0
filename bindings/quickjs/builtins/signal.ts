// Godot's Signal (core/variant/callable.h): a signal of one Object, by name. Every method goes
// through the object's own connect, emit_signal...; the value converter builds and reads the two
// fields, in this order.
import { bad_argument, bad_arguments, check_int, print_error } from "./checks.js";
import {
  Callable,
  type GodotObject,
  is_godot_object,
  live_object,
  name_text,
  object_id,
} from "./callable.js";
import { StringName } from "./string_name.js";

const S = "Signal";
const ERR_UNCONFIGURED = 33;
const CONNECT_ONE_SHOT = 4;

// Calls an Object method that Quickdot's Object may lack (Godot's has them all).
function call_object(object: GodotObject, method: string, name: string, args: unknown[]): unknown {
  const found = (object as unknown as Record<string, unknown>)[name];
  if (typeof found !== "function")
    throw new Error(`${S}.${method}: this ${object.get_class()} has no ${name}() in Quickdot`);
  return (found as (...args: unknown[]) => unknown).apply(object, args);
}

// A listener: a Callable, or a script function (which converts to one).
type Listener = Callable | ((...args: never[]) => unknown);

function check_callable(method: string, value: unknown): Listener {
  if (value instanceof Callable || typeof value === "function") return value as Listener;
  return bad_argument(method, 0, "callable", "Callable", value);
}

export class Signal {
  _object: GodotObject | null;
  _name: string;

  constructor();
  constructor(from: Signal);
  constructor(object: GodotObject, signal: StringName | string);
  constructor(...args: unknown[]) {
    this._object = null;
    this._name = "";
    const [a, b] = args;
    if (args.length === 0) return;
    if (args.length === 1 && a instanceof Signal) {
      this._object = a._object;
      this._name = a._name;
      return;
    }
    if (args.length === 2 && (a === null || is_godot_object(a))) {
      const name = name_text("Signal()", 1, "signal", b);
      if (a === null) {
        print_error("Signal(): the object argument must be non-null.");
        return;
      }
      this._object = a;
      this._name = name;
      return;
    }
    bad_arguments("Signal()", "(), (Signal) or (Object object, StringName signal)", args);
  }

  // The object, or null with Godot's error when it is missing or was freed.
  private target(method: string): GodotObject | null {
    const object = live_object(this._object);
    if (object === null) print_error(`${S}.${method}: the signal '${this._name}' has no object.`);
    return object;
  }

  /** Returns an Error code (0 is OK). */
  connect(callable: Listener, flags = 0): number {
    const listener = check_callable("Signal.connect", callable);
    const mode = check_int("Signal.connect", 1, "flags", flags);
    const object = this.target("connect");
    if (object === null) return ERR_UNCONFIGURED;
    return call_object(object, "connect", "connect", [this._name, listener, mode]) as number;
  }

  disconnect(callable: Listener): void {
    const listener = check_callable("Signal.disconnect", callable);
    const object = this.target("disconnect");
    if (object !== null) call_object(object, "disconnect", "disconnect", [this._name, listener]);
  }

  is_connected(callable: Listener): boolean {
    const listener = check_callable("Signal.is_connected", callable);
    const object = this.target("is_connected");
    return (
      object !== null && call_object(object, "is_connected", "is_connected", [this._name, listener]) === true
    );
  }

  /** Nothing happens without an object, as in Godot. */
  emit(...args: unknown[]): void {
    const object = live_object(this._object);
    if (object !== null) call_object(object, "emit", "emit_signal", [this._name, ...args]);
  }

  /** Dictionaries { signal, callable, flags }, from the object's get_signal_connection_list(). */
  get_connections(): unknown[] {
    const object = live_object(this._object);
    if (object === null) return [];
    return call_object(object, "get_connections", "get_signal_connection_list", [this._name]) as unknown[];
  }

  has_connections(): boolean {
    const object = this.target("has_connections");
    if (object === null) return false;
    if (typeof object.has_connections === "function") return object.has_connections(this._name);
    return (
      (call_object(object, "has_connections", "get_signal_connection_list", [this._name]) as unknown[])
        .length > 0
    );
  }

  get_name(): StringName {
    return new StringName(this._name);
  }

  /** The object (null once it was freed). */
  get_object(): GodotObject | null {
    return live_object(this._object);
  }

  /** 0 without an object, or once it was freed (Godot still returns the freed object's id). */
  get_object_id(): number | bigint {
    return object_id(this._object);
  }

  is_null(): boolean {
    return this._object === null && this._name === "";
  }

  /**
   * The arguments of the next emission (a Quickdot extension): `await timer.timeout.as_promise()`.
   * A one-shot connection, so the engine drops it after that emission.
   */
  as_promise(): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const object = live_object(this._object);
      if (object === null) {
        reject(new Error(`${S}.as_promise: the signal '${this._name}' has no object`));
        return;
      }
      call_object(object, "as_promise", "connect", [
        this._name,
        (...args: unknown[]) => resolve(args),
        CONNECT_ONE_SHOT,
      ]);
    });
  }

  equals(right: unknown): boolean {
    return right instanceof Signal && right._object === this._object && right._name === this._name;
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** As Godot's str(): "Timer::[signal]timeout". */
  toString(): string {
    const object = live_object(this._object);
    return `${object ? object.get_class() : "null"}::[signal]${this._name}`;
  }
}

/**
 * Declares a signal of a script class, as a field: `readonly hit = signal<[damage: number]>(this, "hit");`.
 * The object gets the signal (as Godot's `signal hit(damage)` does for a script), and the field is
 * its Signal: `player.hit.emit(3)`, `player.hit.connect(...)`, `await player.hit.as_promise()`.
 */
export function signal(owner: GodotObject, name: string): Signal {
  if (!is_godot_object(owner)) bad_argument("signal", 0, "owner", "Object", owner);
  if (typeof name !== "string" || name === "") bad_argument("signal", 1, "name", "String", name);
  if (call_object(owner, "signal", "has_signal", [name]) !== true)
    call_object(owner, "signal", "add_user_signal", [name]);
  return new Signal(owner, name);
}
