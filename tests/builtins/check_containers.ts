// RID, Callable, Signal, the packed arrays of values, Float, TypedArray and TypedDictionary, checked
// against Godot's documented behaviour (its class reference, core/variant/callable_bind.cpp,
// core/templates/vector.h and span.h), with stand-in Objects for Callable and Signal. Prints one
// line per mismatch and a closing "N passed, N failed" line.
// Over 600 lines: a table of cases, one section per class, each short; sections share the
// stand-in Objects and the check() helper at the top.
//   node .build/builtins_check/tests/builtins/check_containers.js [Class]
import * as builtins from "../../bindings/quickjs/builtins/index.js";
import type { GodotObject } from "../../bindings/quickjs/builtins/callable.js";

const {
  RID,
  Callable,
  Signal,
  Float,
  TypedArray,
  TypedDictionary,
  StringName,
  Vector2,
  Vector3,
  Vector4,
  Color,
  Basis,
  Transform2D,
  Transform3D,
} = builtins;
const { PackedStringArray, PackedVector2Array, PackedVector3Array, PackedColorArray, PackedVector4Array } =
  builtins;

const only = process.argv[2];
let passed = 0;
let failed = 0;
let section_name = "";

// Godot's value equality: `equals` where a value has it, element by element for arrays.
function same(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected) || expected instanceof Uint8Array) {
    const list = actual as ArrayLike<unknown>;
    return (
      (Array.isArray(actual) || actual instanceof Uint8Array) &&
      list.length === expected.length &&
      Array.from(expected as ArrayLike<unknown>).every((e, i) => same(list[i], e))
    );
  }
  const equals = (expected as { equals?: unknown } | null)?.equals;
  if (typeof equals === "function" && typeof expected === "object") {
    return (
      Object.getPrototypeOf(actual) === Object.getPrototypeOf(expected) &&
      equals.call(expected, actual) === true
    );
  }
  return Object.is(actual, expected);
}

function show(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Uint8Array) return `Uint8Array[${Array.from(value).join(", ")}]`;
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (typeof value === "object" && value !== null) return `${value.constructor.name}(${String(value)})`;
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function record(label: string, problem: string | null): void {
  if (problem === null) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL ${section_name} ${label}: ${problem}`);
  }
}

function check(label: string, run: () => unknown, expected: unknown): void {
  try {
    const actual = run();
    record(label, same(actual, expected) ? null : `got ${show(actual)}, want ${show(expected)}`);
  } catch (error) {
    record(label, `threw ${(error as Error).message}`);
  }
}

// A TypeError (or another Error class) whose message contains `text`.
function throws(label: string, run: () => unknown, text: string, type: ErrorConstructor = TypeError): void {
  try {
    run();
    record(label, "did not throw");
  } catch (error) {
    const ok = error instanceof type && (error as Error).message.includes(text);
    record(label, ok ? null : `threw ${(error as Error).constructor.name}: ${(error as Error).message}`);
  }
}

// Godot's ERR_FAIL_*: the result, and that an error went to stderr.
function check_error(label: string, run: () => unknown, expected: unknown): void {
  const errors: unknown[][] = [];
  const original = console.error;
  console.error = (...data: unknown[]) => {
    errors.push(data);
  };
  try {
    check(label, run, expected);
  } finally {
    console.error = original;
  }
  record(`${label} prints an error`, errors.length > 0 ? null : "printed nothing");
}

async function section(name: string, run: () => void | Promise<void>): Promise<void> {
  if (only && only !== name) return;
  section_name = name;
  await run();
}

// A stand-in for a Godot Object wrapper: call() reaches its methods; signals keep a list of
// connections as Godot's Object does (CONNECT_ONE_SHOT drops one after its emission).
interface Connection {
  signal: string;
  callable: unknown;
  flags: number;
}

class FakeObject implements GodotObject {
  freed = false;
  deferred: unknown[][] = [];
  private connections: Connection[] = [];
  constructor(
    private id: number | bigint,
    private class_name = "Node",
  ) {}
  private alive(): void {
    if (this.freed) throw new ReferenceError("FakeObject: this Node was already freed");
  }
  get_instance_id(): number | bigint {
    this.alive();
    return this.id;
  }
  get_class(): string {
    this.alive();
    return this.class_name;
  }
  has_method(method: string): boolean {
    this.alive();
    return typeof (this as unknown as Record<string, unknown>)[method] === "function";
  }
  call(method: string, ...args: unknown[]): unknown {
    this.alive();
    return (this as unknown as Record<string, (...a: unknown[]) => unknown>)[method](...args);
  }
  add(a: number, b: number): number {
    return a + b;
  }
  collect(...args: unknown[]): unknown[] {
    return args;
  }
  private matches(c: Connection, signal: string, callable: unknown): boolean {
    return (
      c.signal === signal &&
      (c.callable instanceof Callable ? c.callable.equals(callable) : c.callable === callable)
    );
  }
  connect(signal: string, callable: unknown, flags: number): number {
    this.connections.push({ signal, callable, flags });
    return 0;
  }
  disconnect(signal: string, callable: unknown): void {
    this.connections = this.connections.filter((c) => !this.matches(c, signal, callable));
  }
  is_connected(signal: string, callable: unknown): boolean {
    return this.connections.some((c) => this.matches(c, signal, callable));
  }
  get_signal_connection_list(signal: string): Connection[] {
    return this.connections.filter((c) => c.signal === signal);
  }
  emit_signal(signal: string, ...args: unknown[]): number {
    for (const c of this.get_signal_connection_list(signal)) {
      if (c.flags & 4) this.disconnect(signal, c.callable);
      if (c.callable instanceof Callable) c.callable.call(...args);
      else (c.callable as (...a: unknown[]) => unknown)(...args);
    }
    return 0;
  }
}

class DeferringObject extends FakeObject {
  call_deferred(method: string, ...args: unknown[]): void {
    this.deferred.push([method, ...args]);
  }
}

const node = new FakeObject(24696061952);
const text = (value: unknown) => String(value);

await section("RID", () => {
  // The converter's way: the prototype and an own _id.
  const rid = (id: number | bigint) =>
    Object.assign(Object.create(RID.prototype) as InstanceType<typeof RID>, { _id: id });
  check("RID() has id 0", () => new RID().get_id(), 0);
  check("RID() is not valid", () => new RID().is_valid(), false);
  check("RID(5) is valid", () => rid(5).is_valid(), true);
  check("RID(from) copies the id", () => new RID(rid(7)).get_id(), 7);
  check("own fields", () => Object.keys(new RID()), ["_id"]);
  check("str()", () => text(rid(5)), "RID(5)");
  check("str() of a 64-bit id", () => text(rid(2n ** 63n + 1n)), "RID(9223372036854775809)");
  check("equals", () => rid(5).equals(rid(5)), true);
  check("equals across number and bigint", () => rid(5).equals(rid(5n)), true);
  check("equals another id", () => rid(5).equals(rid(6)), false);
  check("equals a non-RID", () => rid(5).equals(5), false);
  check("not_equals", () => rid(5).not_equals(rid(6)), true);
  check("less", () => rid(5).less(rid(6)), true);
  check("less, equal ids", () => rid(5).less(rid(5)), false);
  check("less_equal", () => rid(5).less_equal(rid(5)), true);
  check("greater, unsigned 64-bit", () => rid(2n ** 63n).greater(rid(1)), true);
  check("greater_equal", () => rid(4).greater_equal(rid(5)), false);
  throws("less with a non-RID", () => rid(1).less(1 as never), "RID.less");
  throws("RID(5)", () => new (RID as unknown as new (a: unknown) => unknown)(5), "RID()");
});

await section("Float", () => {
  check("value", () => new Float(3).value, 3);
  check("arithmetic sees the number", () => (new Float(3) as unknown as number) + 1, 4);
  check("str(3.0)", () => text(new Float(3)), "3.0");
  check("str(-0.0)", () => text(new Float(-0)), "0.0");
  check("str(2.5)", () => text(new Float(2.5)), "2.5");
  check("str(0.1)", () => text(new Float(0.1)), "0.1");
  check("str(1.0 / 3.0): 14 decimals", () => text(new Float(1 / 3)), "0.33333333333333");
  check("str(12345678.9): fewer decimals past 10", () => text(new Float(12345678.9)), "12345678.9");
  check("str(1e20)", () => text(new Float(1e20)), "100000000000000000000.0");
  check("str(inf)", () => text(new Float(Infinity)), "inf");
  check("str(-inf)", () => text(new Float(-Infinity)), "-inf");
  check("str(nan)", () => text(new Float(NaN)), "nan");
  check("Float(Float)", () => new Float(new Float(2)).value, 2);
  check("equals a Float", () => new Float(3).equals(new Float(3)), true);
  check("equals a number", () => new Float(3).equals(3), true);
  check("not_equals", () => new Float(3).not_equals(4), true);
  check("own fields", () => Object.keys(new Float(1)), ["value"]);
  throws("Float(string)", () => new Float("3" as never), "Float()");
});

await section("Callable", async () => {
  const sum3 = (a: number, b: number, c: number) => [a, b, c];
  check("own fields, in order", () => Object.keys(new Callable()), [
    "_object",
    "_method",
    "_function",
    "_bound",
    "_unbound",
  ]);
  const empty = new Callable();
  check("Callable() is_null", () => empty.is_null(), true);
  check("Callable() is_custom", () => empty.is_custom(), false);
  check("Callable() is_standard", () => empty.is_standard(), false);
  check("Callable() is_valid", () => empty.is_valid(), false);
  check("Callable() get_object", () => empty.get_object(), null);
  check("Callable() get_object_id", () => empty.get_object_id(), 0);
  check("Callable() get_argument_count", () => empty.get_argument_count(), 0);
  check("str(Callable())", () => text(empty), "null::null");
  throws("Callable().call()", () => empty.call(), "null Callable", Error);

  const add = new Callable(node, "add");
  check("standard is_standard", () => add.is_standard(), true);
  check("standard is_custom", () => add.is_custom(), false);
  check("standard is_null", () => add.is_null(), false);
  check("standard is_valid", () => add.is_valid(), true);
  check("standard get_object", () => add.get_object() === node, true);
  check("standard get_object_id", () => add.get_object_id(), 24696061952);
  check("standard get_method", () => add.get_method(), new StringName("add"));
  check("standard get_argument_count", () => add.get_argument_count(), 2);
  check("standard call", () => add.call(1, 2), 3);
  check("standard callv", () => add.callv([1, 2]), 3);
  check("str() of a standard Callable", () => text(add), "Node::add");
  check("Callable(object, StringName)", () => new Callable(node, new StringName("add")).call(2, 2), 4);
  check("is_valid of a missing method", () => new Callable(node, "missing").is_valid(), false);
  check_error("Callable(null, method) is null", () => new Callable(null as never, "add").is_null(), true);
  check_error('Callable(object, "") is null', () => new Callable(node, "").is_null(), true);
  throws("Callable(5)", () => new Callable(5 as never), "Callable()");
  throws("Callable(object, 5)", () => new Callable(node, 5 as never), "Callable()");
  throws("callv of a non-array", () => add.callv("x" as never), "Callable.callv");

  const fn = new Callable(sum3);
  check("function is_custom", () => fn.is_custom(), true);
  check("function is_standard", () => fn.is_standard(), false);
  check("function is_valid", () => fn.is_valid(), true);
  check("function get_object", () => fn.get_object(), null);
  check("function get_method", () => fn.get_method(), new StringName(""));
  check("function get_argument_count", () => fn.get_argument_count(), 3);
  check("function call", () => fn.call(1, 2, 3), [1, 2, 3]);
  check("str() of a function", () => text(fn), "sum3");

  // Godot's unbind() examples: foo.unbind(1).call(1, 2) calls foo(1); foo.bind(3, 4).unbind(1).call(1, 2) calls foo(1, 3, 4).
  const collect = new Callable((...args: unknown[]) => args);
  check("unbind(1).call(1, 2)", () => collect.unbind(1).call(1, 2), [1]);
  check("bind(3, 4).unbind(1).call(1, 2)", () => collect.bind(3, 4).unbind(1).call(1, 2), [1, 3, 4]);
  check(
    "unbind(1).bind(3, 4).call(1, 2): the unbind drops the 4",
    () => collect.unbind(1).bind(3, 4).call(1, 2),
    [1, 2, 3],
  );
  check("bind appends", () => fn.bind(2, 3).call(1), [1, 2, 3]);
  check("bind chains right to left", () => fn.bind(3).bind(2).call(1), [1, 2, 3]);
  check("bind is_custom", () => add.bind(1).is_custom(), true);
  check("bind is_standard", () => add.bind(1).is_standard(), false);
  check("bind keeps the object", () => add.bind(1).get_object() === node, true);
  check("bind keeps the method", () => add.bind(1).get_method(), new StringName("add"));
  check("bound call on an object", () => add.bind(5).call(1), 6);
  check("bind get_argument_count", () => fn.bind(2, 3).get_argument_count(), 1);
  check("unbind get_argument_count", () => fn.unbind(2).get_argument_count(), 5);
  check("bindv", () => fn.bindv([2, 3]).call(1), [1, 2, 3]);
  check("bindv([]) is the same Callable", () => add.bindv([]).is_standard(), true);
  check_error("unbind(0) leaves it unchanged", () => add.unbind(0).is_standard(), true);
  throws("unbind with too few arguments", () => collect.unbind(2).call(1), "at least 2", TypeError);
  throws("unbind(string)", () => add.unbind("1" as never), "Callable.unbind");

  // Godot's counts for a chain, from callable_bind.cpp: a bind on top adds what the unbinds below
  // do not drop; an unbind adds to the unbound count. Each chain is checked against a nested
  // reference that calls layer by layer, through Godot's documented get_effective_arguments.
  type Layer = { bind: unknown[] } | { unbind: number };
  const chains: Layer[][] = [
    [{ bind: [1, 2] }, { unbind: 1 }, { bind: [3, 4] }],
    [{ unbind: 3 }, { bind: [1] }, { bind: [2, 3] }],
    [{ bind: [1] }, { unbind: 2 }, { unbind: 1 }, { bind: [2, 3, 4, 5] }],
    [{ unbind: 1 }, { unbind: 1 }],
  ];
  for (const chain of chains) {
    let callable = collect;
    let bound: unknown[] = [];
    let unbound = 0;
    let nested = (args: unknown[]) => args;
    for (const layer of chain) {
      const inner = nested;
      if ("bind" in layer) {
        callable = callable.bindv(layer.bind);
        bound = [...layer.bind.slice(0, Math.max(0, layer.bind.length - unbound)), ...bound];
        unbound = Math.max(0, unbound - layer.bind.length);
        nested = (args) => inner([...args, ...layer.bind]);
      } else {
        callable = callable.unbind(layer.unbind);
        unbound += layer.unbind;
        nested = (args) => inner(args.slice(0, args.length - layer.unbind));
      }
    }
    const label = JSON.stringify(chain);
    const call_args = [10, 20, 30, 40, 50];
    check(`${label} get_bound_arguments`, () => callable.get_bound_arguments(), bound);
    check(`${label} get_bound_arguments_count`, () => callable.get_bound_arguments_count(), bound.length);
    check(`${label} get_unbound_arguments_count`, () => callable.get_unbound_arguments_count(), unbound);
    check(`${label} calls as the nested chain`, () => callable.call(...call_args), nested(call_args));
    check(
      `${label} get_effective_arguments`,
      () => [
        ...call_args.slice(0, call_args.length - callable.get_unbound_arguments_count()),
        ...callable.get_bound_arguments(),
      ],
      nested(call_args),
    );
  }

  check("equals the same method", () => add.equals(new Callable(node, "add")), true);
  check("equals another method", () => add.equals(new Callable(node, "collect")), false);
  check("equals another object", () => add.equals(new Callable(new FakeObject(2), "add")), false);
  check("equals the same function", () => fn.equals(new Callable(sum3)), true);
  check("equals a bare function", () => fn.equals(sum3), true);
  check("bound: equal counts are equal (Godot compares counts)", () => add.bind(1).equals(add.bind(2)), true);
  check("bound: other counts differ", () => add.bind(1).equals(add.bind(1, 2)), false);
  check("custom and standard differ", () => add.bind(1).equals(add), false);
  check("not_equals", () => add.not_equals(fn), true);
  check("Callable(from) copies", () => new Callable(add.bind(1)).equals(add.bind(1)), true);
  check("hash: equal Callables hash alike", () => add.hash() === new Callable(node, "add").hash(), true);
  check("hash: a bound Callable hashes as its target", () => add.bind(1).hash() === add.hash(), true);
  check("hash: another method differs", () => add.hash() === new Callable(node, "collect").hash(), false);
  check(
    "hash: an unsigned 32-bit int",
    () => Number.isInteger(fn.hash()) && fn.hash() >= 0 && fn.hash() < 2 ** 32,
    true,
  );

  check("create(object, method) is standard", () => Callable.create(node, "add").is_standard(), true);
  check("create(null, method) is standard, not null", () => Callable.create(null, "add").is_null(), false);
  throws("create(null, method).call()", () => Callable.create(null, "add").call(), "null object", Error);
  check(
    "create(value, method) calls the value's method",
    () => Callable.create(new Vector2(3, 4), "equals").call(new Vector2(3, 4)),
    true,
  );
  check("create(value, method) is custom", () => Callable.create(new Vector2(), "equals").is_custom(), true);
  throws(
    "create(value, missing method).call()",
    () => Callable.create(new Vector2(), "nope").call(),
    "no method 'nope'",
  );
  check_error('create(object, "") is null', () => Callable.create(node, "").is_null(), true);

  const freed = new FakeObject(9);
  const on_freed = new Callable(freed, "add");
  freed.freed = true;
  check("freed object: get_object", () => on_freed.get_object(), null);
  check("freed object: is_valid", () => on_freed.is_valid(), false);
  check("freed object: str()", () => text(on_freed), "null::add");

  throws("rpc", () => add.rpc(), "multiplayer", Error);
  throws("rpc_id", () => add.rpc_id(1), "multiplayer", Error);

  const calls: unknown[] = [];
  new Callable((...args: unknown[]) => calls.push(args)).bind(2).call_deferred(1);
  check("call_deferred of a function waits", () => calls.length, 0);
  await Promise.resolve();
  check("call_deferred of a function runs in a microtask", () => calls, [[1, 2]]);
  const deferring = new DeferringObject(3);
  new Callable(deferring, "collect").bind(2).call_deferred(1);
  check("call_deferred through the object's call_deferred", () => deferring.deferred, [["collect", 1, 2]]);
});

await section("Signal", async () => {
  const timer = new FakeObject(77, "Timer");
  const timeout = new Signal(timer, "timeout");
  check("own fields, in order", () => Object.keys(new Signal()), ["_object", "_name"]);
  check("Signal() is_null", () => new Signal().is_null(), true);
  check("Signal() get_object", () => new Signal().get_object(), null);
  check("Signal() get_object_id", () => new Signal().get_object_id(), 0);
  check("Signal() emit does nothing", () => new Signal().emit(1), undefined);
  check("Signal() get_connections", () => new Signal().get_connections(), []);
  check_error("Signal() connect: ERR_UNCONFIGURED", () => new Signal().connect(() => 0), 33);
  check_error("Signal() is_connected", () => new Signal().is_connected(() => 0), false);
  check_error("Signal() has_connections", () => new Signal().has_connections(), false);
  check_error("Signal(null, name) is null", () => new Signal(null as never, "timeout").is_null(), true);
  throws("Signal(5)", () => new Signal(5 as never), "Signal()");
  throws("connect(5)", () => timeout.connect(5 as never), "Signal.connect");

  check("is_null", () => timeout.is_null(), false);
  check("get_name", () => timeout.get_name(), new StringName("timeout"));
  check(
    "Signal(object, StringName)",
    () => new Signal(timer, new StringName("timeout")).equals(timeout),
    true,
  );
  check("get_object", () => timeout.get_object() === timer, true);
  check("get_object_id", () => timeout.get_object_id(), 77);
  check("str()", () => text(timeout), "Timer::[signal]timeout");
  check("str() without an object", () => text(new Signal()), "null::[signal]");
  check("has_connections before", () => timeout.has_connections(), false);
  const heard: unknown[] = [];
  const listener = (...args: unknown[]) => {
    heard.push(args);
  };
  check("connect returns OK", () => timeout.connect(listener), 0);
  check("is_connected", () => timeout.is_connected(listener), true);
  check("has_connections", () => timeout.has_connections(), true);
  check("get_connections", () => timeout.get_connections().length, 1);
  timeout.emit(1, 2);
  check("emit passes the arguments", () => heard, [[1, 2]]);
  timeout.disconnect(listener);
  check("disconnect", () => timeout.is_connected(listener), false);
  const target = new FakeObject(5);
  check("connect a Callable", () => timeout.connect(new Callable(target, "collect")), 0);
  check(
    "is_connected with an equal Callable",
    () => timeout.is_connected(new Callable(target, "collect")),
    true,
  );

  const next = timeout.as_promise();
  timeout.emit("a", 3);
  const args = await next;
  check("as_promise's arguments", () => args, ["a", 3]);
  check("as_promise's connection is one-shot", () => timeout.get_connections().length, 1);
  let rejected = false;
  await new Signal().as_promise().catch(() => {
    rejected = true;
  });
  check("as_promise without an object rejects", () => rejected, true);

  check("equals", () => timeout.equals(new Signal(timer, "timeout")), true);
  check("Signal(from) copies", () => new Signal(timeout).equals(timeout), true);
  check("equals another name", () => timeout.equals(new Signal(timer, "started")), false);
  check("not_equals", () => timeout.not_equals(new Signal()), true);
  const bare = {
    call: () => 0,
    get_instance_id: () => 1,
    has_method: () => false,
    get_class: () => "Object",
  };
  throws(
    "get_connections without get_signal_connection_list",
    () => new Signal(bare, "x").get_connections(),
    "get_signal_connection_list",
    Error,
  );
});

// The same checks for each packed array class, with three distinct elements a < b < c.
// Godot's methods, indexing and JavaScript's array methods, untyped.
type Packed = Record<string, (...args: unknown[]) => unknown> & {
  readonly [index: number]: unknown;
  readonly length: number;
  [Symbol.iterator](): Iterator<unknown>;
};
interface PackedCase {
  name: string;
  make: (values?: unknown) => Packed;
  a: unknown;
  b: unknown;
  c: unknown;
  other: unknown;
  zero: unknown;
}
const packed_cases: PackedCase[] = [
  {
    name: "PackedStringArray",
    make: (v) => new PackedStringArray(v as never) as unknown as Packed,
    a: "a",
    b: "b",
    c: "c",
    other: 5,
    zero: "",
  },
  {
    name: "PackedVector2Array",
    make: (v) => new PackedVector2Array(v as never) as unknown as Packed,
    a: new Vector2(0, 5),
    b: new Vector2(1, 1),
    c: new Vector2(1, 2),
    other: new Vector3(),
    zero: new Vector2(),
  },
  {
    name: "PackedVector3Array",
    make: (v) => new PackedVector3Array(v as never) as unknown as Packed,
    a: new Vector3(0, 9, 9),
    b: new Vector3(1, 0, 3),
    c: new Vector3(1, 1, 0),
    other: new Vector2(),
    zero: new Vector3(),
  },
  {
    name: "PackedColorArray",
    make: (v) => new PackedColorArray(v as never) as unknown as Packed,
    a: new Color(0, 1, 1, 1),
    b: new Color(0.5, 0, 0, 1),
    c: new Color(0.5, 0, 0.5, 0),
    other: "red",
    zero: new Color(0, 0, 0, 1),
  },
  {
    name: "PackedVector4Array",
    make: (v) => new PackedVector4Array(v as never) as unknown as Packed,
    a: new Vector4(0, 0, 0, 1),
    b: new Vector4(0, 0, 1, 0),
    c: new Vector4(2, 0, 0, 0),
    other: new Vector3(),
    zero: new Vector4(),
  },
];

for (const { name, make, a, b, c, other, zero } of packed_cases) {
  await section(name, () => {
    const of = (...values: unknown[]) => make(values);
    const copy = (value: unknown) => make([value])[0];
    check("() is empty", () => of().size(), 0);
    check("(Array)", () => of(a, b), [a, b]);
    check(
      "(same class) copies",
      () => {
        const x = of(a);
        const y = make(x);
        y.set(0, b);
        return x;
      },
      [a],
    );
    throws("(number) is not a length", () => make(3), `${name}()`);
    throws("(Array of another type)", () => make([a, other]), `${name}()`);
    check(
      "the converter's way: a plain array with the prototype",
      () => Object.setPrototypeOf([a, b], make().constructor.prototype as object).find(b),
      1,
    );
    check("no own properties besides elements", () => Object.keys(of(a, b)), ["0", "1"]);
    check(
      "map returns a plain Array",
      () => Object.getPrototypeOf(of(a).map((x: unknown) => x)) === Array.prototype,
      true,
    );
    check(
      "filter returns a plain Array",
      () => Object.getPrototypeOf(of(a).filter(() => true)) === Array.prototype,
      true,
    );
    check("push_back returns false", () => of().push_back(a), false);
    check("append returns false", () => of().append(a), false);
    check(
      "append adds",
      () => {
        const x = of(a);
        x.append(b);
        return x;
      },
      [a, b],
    );
    throws("append of another type", () => of().append(other), `${name}.append`);
    throws("push_back of another type", () => of().push_back(other), `${name}.push_back`);
    throws("push of another type", () => of().push(other), `${name}.push`);
    check(
      "append_array",
      () => {
        const x = of(a);
        x.append_array(of(b, c));
        return x;
      },
      [a, b, c],
    );
    throws("append_array with another type", () => of().append_array([other]), `${name}.append_array`);
    check("get", () => of(a, b).get(1), b);
    check_error("get out of range gives the default", () => of(a).get(1), zero);
    check_error("get with a negative index", () => of(a).get(-1), zero);
    check(
      "set",
      () => {
        const x = of(a, b);
        x.set(0, c);
        return x;
      },
      [c, b],
    );
    check_error(
      "set out of range does nothing",
      () => {
        const x = of(a);
        x.set(3, c);
        return x;
      },
      [a],
    );
    check("size", () => of(a, b).size(), 2);
    check("is_empty", () => of().is_empty(), true);
    check(
      "clear",
      () => {
        const x = of(a, b);
        x.clear();
        return x;
      },
      [],
    );
    check(
      "insert at 0",
      () => {
        const x = of(b);
        x.insert(0, a);
        return x;
      },
      [a, b],
    );
    check("insert at the end returns OK", () => of(a).insert(1, b), 0);
    check_error("insert past the end: ERR_INVALID_PARAMETER", () => of(a).insert(2, b), 31);
    check_error("insert at a negative position", () => of(a).insert(-1, b), 31);
    check(
      "remove_at",
      () => {
        const x = of(a, b, c);
        x.remove_at(1);
        return x;
      },
      [a, c],
    );
    check_error(
      "remove_at out of range",
      () => {
        const x = of(a);
        x.remove_at(1);
        return x;
      },
      [a],
    );
    check(
      "fill",
      () => {
        const x = of(a, b);
        x.fill(c);
        return x;
      },
      [c, c],
    );
    check(
      "fill stores copies",
      () => {
        const x = of(a, b);
        x.fill(c);
        return x[0] !== x[1] || typeof c === "string";
      },
      true,
    );
    check(
      "resize grows with defaults",
      () => {
        const x = of(a);
        x.resize(3);
        return x;
      },
      [a, zero, zero],
    );
    check(
      "resize shrinks",
      () => {
        const x = of(a, b, c);
        return [x.resize(1), x];
      },
      [0, [a]],
    );
    check_error("resize to a negative size", () => of(a).resize(-1), 31);
    check("has an equal element", () => of(a, b).has(copy(b)), true);
    check("has not", () => of(a, b).has(c), false);
    check("find", () => of(a, b, a).find(copy(a)), 0);
    check("find from", () => of(a, b, a).find(a, 1), 2);
    check("find from a negative position", () => of(a, b, a).find(a, -1), 2);
    check("find from past the end", () => of(a, b, a).find(a, 3), -1);
    check("find a missing element", () => of(a, b).find(c), -1);
    check("rfind", () => of(a, b, a).rfind(a), 2);
    check("rfind from", () => of(a, b, a).rfind(a, 1), 0);
    check("rfind from a negative position", () => of(a, b, a, b).rfind(a, -3), 0);
    check("rfind from before the start", () => of(a, b).rfind(a, -3), -1);
    check("count", () => of(a, b, a).count(copy(a)), 2);
    check(
      "erase the first equal element",
      () => {
        const x = of(b, a, b);
        return [x.erase(copy(b)), x];
      },
      [true, [a, b]],
    );
    check("erase a missing element", () => of(a).erase(c), false);
    check(
      "reverse",
      () => {
        const x = of(a, b, c);
        x.reverse();
        return x;
      },
      [c, b, a],
    );
    check("slice(1)", () => of(a, b, c).slice(1), of(b, c));
    check("slice returns the packed class", () => of(a).slice(0) instanceof make().constructor, true);
    check("slice(0, -2)", () => of(a, b, c).slice(0, -2), of(a));
    check("slice(-2)", () => of(a, b, c).slice(-2), of(b, c));
    check("slice clamps", () => of(a, b, c).slice(-10, 10), of(a, b, c));
    check_error("slice(2, 1) is empty", () => of(a, b, c).slice(2, 1), of());
    check(
      "sort",
      () => {
        const x = of(c, a, b);
        x.sort();
        return x;
      },
      [a, b, c],
    );
    check("bsearch before", () => of(a, b, b, c).bsearch(b), 1);
    check("bsearch after", () => of(a, b, b, c).bsearch(b, false), 3);
    check("bsearch past the end", () => of(a, b).bsearch(c), 2);
    check("bsearch of the smallest", () => of(b, c).bsearch(a), 0);
    check(
      "duplicate",
      () => {
        const x = of(a);
        const y = x.duplicate() as Packed;
        y.append(b);
        return [x.size(), y.size(), y instanceof make().constructor];
      },
      [1, 2, true],
    );
    check("equals", () => of(a, b).equals(of(copy(a), copy(b))), true);
    check("equals, other elements", () => of(a, b).equals(of(a, c)), false);
    check("equals, other sizes", () => of(a).equals(of(a, a)), false);
    check("equals a plain Array", () => of(a).equals([a]), false);
    check("not_equals", () => of(a).not_equals(of(b)), true);
    check("add", () => of(a).add(of(b, c)), of(a, b, c));
    check("add returns the packed class", () => of(a).add(of(b)) instanceof make().constructor, true);
    throws("add of another class", () => of(a).add([b]), `${name}.add`);
  });
}

await section("PackedStringArray", () => {
  check(
    "sort by code point (U+FFFF before U+1F600)",
    () => {
      const x = new PackedStringArray(["\u{1F600}", "\uffff", "b", "ab", "a"]);
      x.sort();
      return [...x];
    },
    ["a", "ab", "b", "\uffff", "\u{1F600}"],
  );
  check(
    "to_byte_array: UTF-8, each NUL-terminated",
    () => new PackedStringArray(["a", "é", "\u{1F600}", ""]).to_byte_array(),
    new Uint8Array([0x61, 0, 0xc3, 0xa9, 0, 0xf0, 0x9f, 0x98, 0x80, 0, 0]),
  );
  check("to_byte_array of nothing", () => new PackedStringArray().to_byte_array(), new Uint8Array([]));
  check("str()", () => text(new PackedStringArray(["a", 'b"\n'])), '["a", "b\\"\\n"]');
});

await section("PackedVector2Array", () => {
  check(
    "to_byte_array: float32 components",
    () => new PackedVector2Array([new Vector2(1, 2), new Vector2(0.1, 0)]).to_byte_array(),
    new Uint8Array([0, 0, 0x80, 0x3f, 0, 0, 0, 0x40, 0xcd, 0xcc, 0xcc, 0x3d, 0, 0, 0, 0]),
  );
  check(
    "multiply: the inverse transform",
    () =>
      new PackedVector2Array([new Vector2(3, 4)]).multiply(
        new Transform2D(new Vector2(1, 0), new Vector2(0, 1), new Vector2(1, 2)),
      ),
    new PackedVector2Array([new Vector2(2, 2)]),
  );
  check(
    "multiply by a rotation",
    () =>
      new PackedVector2Array([new Vector2(1, 0)]).multiply(
        new Transform2D(new Vector2(0, 1), new Vector2(-1, 0), new Vector2(0, 0)),
      ),
    new PackedVector2Array([new Vector2(0, -1)]),
  );
  throws(
    "multiply by a non-transform",
    () => new PackedVector2Array().multiply(2 as never),
    "PackedVector2Array.multiply",
  );
});

await section("PackedVector3Array", () => {
  const turn = new Transform3D(
    new Basis(new Vector3(0, 1, 0), new Vector3(-1, 0, 0), new Vector3(0, 0, 1)),
    new Vector3(1, 0, 0),
  );
  check(
    "multiply: the inverse transform",
    () => new PackedVector3Array([new Vector3(1, 1, 5)]).multiply(turn),
    new PackedVector3Array([new Vector3(1, 0, 5)]),
  );
  check(
    "to_byte_array size",
    () => new PackedVector3Array([new Vector3(1, 2, 3)]).to_byte_array().length,
    12,
  );
});

await section("PackedColorArray", () => {
  check(
    "to_byte_array: r, g, b, a as float32",
    () => new PackedColorArray([new Color(1, 0, 0, 1)]).to_byte_array(),
    new Uint8Array([0, 0, 0x80, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0x3f]),
  );
});

await section("TypedArray", () => {
  const ints = () => new TypedArray<unknown>(2, "");
  check("is_typed", () => ints().is_typed(), true);
  check("get_typed_builtin", () => ints().get_typed_builtin(), 2);
  check("get_typed_class_name", () => ints().get_typed_class_name(), new StringName(""));
  check("get_typed_script", () => ints().get_typed_script(), null);
  check("hidden fields", () => Object.keys(new TypedArray(2, "", [1])), ["0"]);
  check("elements", () => [...new TypedArray(2, "", [1, 2n])], [1, 2n]);
  check(
    "push_back an int",
    () => {
      const x = ints();
      x.push_back(1);
      return x.length;
    },
    1,
  );
  throws("push_back a float into int", () => ints().push_back(1.5), "TypedArray.push_back");
  throws("append a string into int", () => ints().append("1"), "TypedArray.append");
  throws("push a string into int", () => ints().push(1, "2"), "TypedArray.push");
  throws("elements of another type", () => new TypedArray(2, "", [1, "2"]), "TypedArray()");
  const floats = new TypedArray<unknown>(3, "");
  check(
    "float takes a number, a Float",
    () => {
      floats.push(1, 1.5, new Float(2));
      return floats.length;
    },
    3,
  );
  throws("float refuses a string", () => floats.push_back("1"), "float");
  throws("String refuses a StringName", () => new TypedArray(4, "").push_back(new StringName("x")), "String");
  check("Vector2 takes a Vector2", () => new TypedArray(5, "", [new Vector2()]).length, 1);
  throws("Vector2 refuses a Vector3", () => new TypedArray(5, "").push_back(new Vector3()), "Vector2");
  const nodes = new TypedArray<unknown>(24, "Node");
  check(
    "Object takes an object and null",
    () => {
      nodes.push(node, null);
      return nodes.length;
    },
    2,
  );
  throws("Object refuses a number, naming the class", () => nodes.push_back(5), "must be Node");
  check(
    "Callable takes a function and a Callable",
    () => new TypedArray(25, "", [() => 0, new Callable()]).length,
    2,
  );
  check("Dictionary takes a Map and a plain object", () => new TypedArray(27, "", [new Map(), {}]).length, 2);
  throws("Dictionary refuses an Array", () => new TypedArray(27, "").push_back([]), "Dictionary");
  check("Array takes arrays and typed arrays", () => new TypedArray(28, "", [[], ints()]).length, 2);
  throws(
    "Array refuses a packed array",
    () => new TypedArray(28, "").push_back(new PackedStringArray()),
    "Array",
  );
  check("PackedByteArray takes a Uint8Array", () => new TypedArray(29, "", [new Uint8Array(2)]).length, 1);
  check("PackedStringArray takes one", () => new TypedArray(34, "", [new PackedStringArray()]).length, 1);
  check(
    "NIL: untyped, takes anything",
    () => {
      const x = new TypedArray(0, "");
      x.push(1, "a", null);
      return [x.is_typed(), x.length];
    },
    [false, 3],
  );
  throws("a type past PACKED_VECTOR4_ARRAY", () => new TypedArray(39, ""), "TypedArray()");
  throws("a class name for a builtin type", () => new TypedArray(2, "Node"), "OBJECT elements only");
  check(
    "map returns a plain Array",
    () => Object.getPrototypeOf(new TypedArray(2, "", [1]).map((x) => x)) === Array.prototype,
    true,
  );
  check("is_same_typed", () => ints().is_same_typed(new TypedArray(2, "")), true);
  check("is_same_typed, another type", () => ints().is_same_typed(new TypedArray(3, "")), false);
  check("is_same_typed, another class", () => nodes.is_same_typed(new TypedArray(24, "Timer")), false);
  check("is_same_typed with a plain Array", () => ints().is_same_typed([]), false);
  check("untyped is_same_typed with a plain Array", () => new TypedArray(0, "").is_same_typed([]), true);
  // The converter's way: a plain array with the prototype and two hidden fields.
  const converted = Object.setPrototypeOf([1], TypedArray.prototype) as InstanceType<typeof TypedArray>;
  Object.defineProperty(converted, "_type", { value: 2, writable: true, configurable: true });
  Object.defineProperty(converted, "_class_name", { value: "", writable: true, configurable: true });
  throws("the converter's array checks too", () => converted.push_back("x"), "TypedArray.push_back");
});

await section("TypedDictionary", () => {
  const scores = () => new TypedDictionary<unknown, unknown>(4, "", 2, "");
  check("is_typed", () => scores().is_typed(), true);
  check("is_typed_key", () => scores().is_typed_key(), true);
  check("is_typed_value", () => new TypedDictionary(4, "", 0, "").is_typed_value(), false);
  check("is_typed with only a typed key", () => new TypedDictionary(4, "", 0, "").is_typed(), true);
  check("untyped", () => new TypedDictionary(0, "", 0, "").is_typed(), false);
  check("get_typed_key_builtin", () => scores().get_typed_key_builtin(), 4);
  check("get_typed_value_builtin", () => scores().get_typed_value_builtin(), 2);
  check(
    "get_typed_key_class_name",
    () => new TypedDictionary(24, "Node", 2, "").get_typed_key_class_name(),
    new StringName("Node"),
  );
  check("get_typed_value_class_name", () => scores().get_typed_value_class_name(), new StringName(""));
  check("get_typed_key_script", () => scores().get_typed_key_script(), null);
  check("get_typed_value_script", () => scores().get_typed_value_script(), null);
  check("hidden fields", () => Object.keys(scores()), []);
  check("set", () => scores().set("a", 1).get("a"), 1);
  check(
    "entries",
    () =>
      new TypedDictionary(4, "", 2, "", [
        ["a", 1],
        ["b", 2],
      ]).size,
    2,
  );
  throws("set a key of another type", () => scores().set(1, 1), "'key'");
  throws("set a value of another type", () => scores().set("a", "1"), "'value'");
  throws(
    "entries of another type",
    () => new TypedDictionary(4, "", 2, "", [["a", "x"]]),
    "TypedDictionary.set",
  );
  throws("a bad key type", () => new TypedDictionary(-1, "", 2, ""), "TypedDictionary()");
  check("is_same_typed", () => scores().is_same_typed(scores()), true);
  check("is_same_typed_key", () => scores().is_same_typed_key(new TypedDictionary(4, "", 3, "")), true);
  check("is_same_typed_value", () => scores().is_same_typed_value(new TypedDictionary(4, "", 3, "")), false);
  check("is_same_typed with a Map", () => new TypedDictionary(0, "", 0, "").is_same_typed(new Map()), true);
});

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
