// Godot's Callable (core/variant/callable.h): a method of an Object, or a script function, with
// arguments bound or unbound. Godot nests a bind inside an unbind inside a bind...; here every such
// chain is kept in one flat form, which calls the same way and reports the same counts as Godot's
// get_bound_arguments() and get_unbound_arguments_count():
//   call(args) = target(args without its last `_unbound` items, then the `_bound` items)
// The value converter builds and reads the five fields, in this order.
import { bad_argument, bad_arguments, check_int, describe, print_error } from "./checks.js";
import { StringName } from "./string_name.js";

// What a Callable or Signal needs of a Godot Object wrapper (the "godot" module's Object class,
// which this module cannot import: that module re-exports this one).
export interface GodotObject {
  call(method: string, ...args: unknown[]): unknown;
  get_instance_id(): number | bigint;
  has_method(method: string): boolean;
  get_class(): string;
  // Godot's, which Quickdot's Object may lack.
  call_deferred?(method: string, ...args: unknown[]): void;
  has_connections?(signal: string): boolean;
}

export function is_godot_object(value: unknown): value is GodotObject {
  if (typeof value !== "object" || value === null) return false;
  const object = value as Record<string, unknown>;
  return typeof object.call === "function" && typeof object.get_instance_id === "function";
}

// The object, or null once it was freed (a freed object's wrapper throws a ReferenceError on use).
export function live_object(object: GodotObject | null): GodotObject | null {
  if (object === null) return null;
  try {
    object.get_instance_id();
    return object;
  } catch (error) {
    if (error instanceof ReferenceError) return null;
    throw error;
  }
}

export function object_id(object: GodotObject | null): number | bigint {
  return live_object(object)?.get_instance_id() ?? 0;
}

// A method name given as a StringName or a string.
export function name_text(method: string, index: number, name: string, value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof StringName) return String(value);
  return bad_argument(method, index, name, "StringName", value);
}

// Godot's hashes (core/templates/hashfuncs.h), in unsigned 32-bit arithmetic.
function murmur3_one_32(value: number, seed: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = seed ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) >>> 0;
}

function fmix32(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// String::hash: djb2 over the code points.
function string_hash(text: string): number {
  let hash = 5381;
  for (const character of text) hash = (Math.imul(hash, 33) + character.codePointAt(0)!) >>> 0;
  return hash;
}

function id_halves(id: number | bigint): [number, number] {
  if (typeof id === "bigint") return [Number(id & 0xffffffffn), Number((id >> 32n) & 0xffffffffn)];
  return [id % 4294967296, Math.floor(id / 4294967296)];
}

// Functions have no address to hash; each gets a number the first time it is hashed.
const function_numbers = new WeakMap<object, number>();
let next_function_number = 1;

function function_number(fn: object): number {
  let number = function_numbers.get(fn);
  if (number === undefined) {
    number = next_function_number++;
    function_numbers.set(fn, number);
  }
  return number;
}

const C = "Callable";

export class Callable {
  _object: GodotObject | null;
  _method: string;
  _function: ((...args: unknown[]) => unknown) | null;
  _bound: unknown[];
  _unbound: number;

  constructor();
  constructor(from: Callable);
  constructor(object: GodotObject, method: StringName | string);
  /** A script function as a Callable (a Quickdot extension; a function also converts on its own). */
  constructor(fn: (...args: never[]) => unknown);
  constructor(...args: unknown[]) {
    this._object = null;
    this._method = "";
    this._function = null;
    this._bound = [];
    this._unbound = 0;
    const [a, b] = args;
    if (args.length === 0) return;
    if (args.length === 1 && a instanceof Callable) {
      this._object = a._object;
      this._method = a._method;
      this._function = a._function;
      this._bound = [...a._bound];
      this._unbound = a._unbound;
      return;
    }
    if (args.length === 1 && typeof a === "function") {
      this._function = a as (...args: unknown[]) => unknown;
      return;
    }
    if (args.length === 2 && (a === null || is_godot_object(a))) {
      const method = name_text("Callable()", 1, "method", b);
      if (method === "") {
        print_error("Callable(): the method argument must be a non-empty string.");
        return;
      }
      if (a === null) {
        print_error("Callable(): the object argument must be non-null.");
        return;
      }
      this._object = a;
      this._method = method;
      return;
    }
    bad_arguments("Callable()", "(), (Callable), (Object object, StringName method) or (function)", args);
  }

  /** `method` of `variant`: a standard Callable for an Object (or null), else a custom one calling the value's method. */
  static create(variant: unknown, method: StringName | string): Callable {
    const name = name_text("Callable.create", 1, "method", method);
    const result = new Callable();
    if (name === "") {
      print_error("Callable.create: the method argument must be a non-empty string.");
      return result;
    }
    if (variant === null || is_godot_object(variant)) {
      result._object = variant;
      result._method = name;
      return result;
    }
    result._function = (...args: unknown[]) => {
      const target = (variant as Record<string, unknown>)[name];
      if (typeof target !== "function")
        throw new TypeError(`Callable: ${describe(variant)} has no method '${name}'`);
      return (target as (...args: unknown[]) => unknown).apply(variant, args);
    };
    return result;
  }

  // The arguments the target receives for the ones a call passes.
  private target_arguments(method: string, args: readonly unknown[]): unknown[] {
    if (args.length < this._unbound) {
      throw new TypeError(
        `${C}.${method}: expected at least ${this._unbound} arguments (this Callable unbinds ${this._unbound}), got ${args.length}`,
      );
    }
    return [...args.slice(0, args.length - this._unbound), ...this._bound];
  }

  call(...args: unknown[]): unknown {
    return this.invoke("call", this.target_arguments("call", args));
  }

  private invoke(method: string, target_args: unknown[]): unknown {
    if (this._function) return this._function(...target_args);
    if (this._object === null)
      throw new Error(
        `${C}.${method}: can't call ${this.is_null() ? "a null Callable" : `'${this._method}' on a null object`}`,
      );
    return this._object.call(this._method, ...target_args);
  }

  callv(arguments_: readonly unknown[]): unknown {
    if (!Array.isArray(arguments_)) bad_argument("Callable.callv", 0, "arguments", "Array", arguments_);
    return this.call(...arguments_);
  }

  /**
   * Calls at the end of the frame through the object's call_deferred when it has one. Script
   * functions (and objects without call_deferred, as Quickdot's) are called in a microtask
   * instead: after the current script code, which is sooner than Godot's end of the frame.
   */
  call_deferred(...args: unknown[]): void {
    const target_args = this.target_arguments("call_deferred", args);
    const object = this._function ? null : this._object;
    if (object && typeof object.call_deferred === "function") {
      object.call_deferred(this._method, ...target_args);
      return;
    }
    void Promise.resolve().then(() => this.invoke("call_deferred", target_args));
  }

  rpc(..._args: unknown[]): void {
    throw new Error(`${C}.rpc: Quickdot has no multiplayer API`);
  }

  rpc_id(_peer_id: number, ..._args: unknown[]): void {
    throw new Error(`${C}.rpc_id: Quickdot has no multiplayer API`);
  }

  /** The arguments come after the ones a call passes (see unbind() for the order of chained calls). */
  bind(...args: unknown[]): Callable {
    return this.bindv(args);
  }

  /** Nothing to bind gives an equal Callable (Godot's bind() of nothing makes a custom one all the same). */
  bindv(arguments_: readonly unknown[]): Callable {
    if (!Array.isArray(arguments_)) bad_argument("Callable.bindv", 0, "arguments", "Array", arguments_);
    const result = new Callable(this);
    // The last arguments of the new ones are dropped by this Callable's unbind, as Godot reads a chain from right to left.
    const kept = Math.max(0, arguments_.length - this._unbound);
    result._bound = [...arguments_.slice(0, kept), ...this._bound];
    result._unbound = Math.max(0, this._unbound - arguments_.length);
    return result;
  }

  /** Drops the last `argcount` arguments a call passes: foo.bind(3, 4).unbind(1).call(1, 2) calls foo(1, 3, 4). */
  unbind(argcount: number): Callable {
    const count = check_int("Callable.unbind", 0, "argcount", argcount);
    const result = new Callable(this);
    if (count <= 0) {
      print_error(`${C}.unbind: the amount of unbind() arguments must be 1 or greater.`);
      return result;
    }
    result._unbound += count;
    return result;
  }

  /** The object (null once it was freed). */
  get_object(): GodotObject | null {
    return this._function ? null : live_object(this._object);
  }

  /** 0 without an object, or once it was freed (Godot still returns the freed object's id). */
  get_object_id(): number | bigint {
    return this._function ? 0 : object_id(this._object);
  }

  /** The method name ("" for a script function). */
  get_method(): StringName {
    return new StringName(this._method);
  }

  /** The target's declared parameters (a JS function's length), less the bound ones, plus the unbound ones. */
  get_argument_count(): number {
    const target =
      this._function ??
      (this._object ? (this._object as unknown as Record<string, unknown>)[this._method] : null);
    if (typeof target !== "function") return 0;
    return target.length - this._bound.length + this._unbound;
  }

  get_bound_arguments(): unknown[] {
    return [...this._bound];
  }

  get_bound_arguments_count(): number {
    return this._bound.length;
  }

  get_unbound_arguments_count(): number {
    return this._unbound;
  }

  /** Godot's hash for an object's method; a bound or unbound Callable hashes as its target. */
  hash(): number {
    if (this._function) return fmix32(function_number(this._function));
    const [low, high] = id_halves(this.get_object_id());
    return fmix32(
      murmur3_one_32(high, murmur3_one_32(low, this._method === "" ? 0 : string_hash(this._method))),
    );
  }

  /** A script function, or arguments bound or unbound. */
  is_custom(): boolean {
    return this._function !== null || this._bound.length > 0 || this._unbound > 0;
  }

  is_null(): boolean {
    return !this.is_custom() && this._object === null && this._method === "";
  }

  /** An object's method, nothing bound or unbound. */
  is_standard(): boolean {
    return !this.is_custom() && this._method !== "";
  }

  /** Whether a call would reach something: a script function, or a method the object (not freed) has. */
  is_valid(): boolean {
    if (this._function) return true;
    const object = live_object(this._object);
    return object !== null && object.has_method(this._method);
  }

  /** Same target; bound arguments compare by count and unbound ones by number, as Godot does. A function counts as its Callable. */
  equals(right: unknown): boolean {
    const other = typeof right === "function" ? new Callable(right as (...args: never[]) => unknown) : right;
    if (!(other instanceof Callable)) return false;
    return (
      this._function === other._function &&
      this._object === other._object &&
      this._method === other._method &&
      this._bound.length === other._bound.length &&
      this._unbound === other._unbound
    );
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** As Godot's str(): "Node::_on_timeout", "null::null", or a function's name. */
  toString(): string {
    if (this._function) return this._function.name || "<anonymous function>";
    if (this.is_null()) return "null::null";
    const object = live_object(this._object);
    return `${object ? object.get_class() : "null"}::${this._method}`;
  }
}
