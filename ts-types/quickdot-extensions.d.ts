// Hand-written additions to the "godot" module for what the runtime exports beyond the ClassDB
// API dump that godot.d.ts is generated from. Declarations here merge with godot.d.ts.

declare module "godot" {
  /**
   * Resolves with the signal's arguments the first time `object` emits `signal_name`.
   * Throws a TypeError at once when the object has no such signal. JavaScript has no `Signal`
   * values, so this stands in for GDScript's `await object.signal_name`.
   *
   * ```ts
   * const timer = this.get_tree().create_timer(0.5);
   * await wait_signal(timer, "timeout");
   * ```
   *
   * @remarks Quickdot extension: not in Godot 4.6.
   */
  export function wait_signal(object: Object, signal_name: string): Promise<unknown[]>;

  /**
   * A Signal whose arguments are known: what the signal properties of the engine's classes
   * (`timer.timeout`, `server.peer_connected`...) and `signal()` fields are. `connect` and
   * `emit` check the arguments; `as_promise()` resolves with them.
   */
  export interface TypedSignal<A extends unknown[]> extends Signal {
    connect(callable: Callable | ((...args: A) => unknown), flags?: number): number;
    disconnect(callable: Callable | ((...args: A) => unknown)): void;
    is_connected(callable: Callable | ((...args: A) => unknown)): boolean;
    emit(...args: A): void;
    as_promise(): Promise<A>;
  }

  /**
   * Declares a signal of a script class, in one line, as a field:
   *
   * ```ts
   * export class Player extends Node {
   *   readonly hit = signal<[damage: number]>(this, "hit");
   * }
   * player.hit.connect((damage) => print(damage)); // typed
   * player.hit.emit(3);
   * await player.hit.as_promise();
   * ```
   *
   * The object gets the signal as Godot's `signal hit(damage)` gives it to a script's objects:
   * `has_signal("hit")`, `emit_signal("hit", 3)`, `connect("hit", ...)`, `get_signal_list()`,
   * `wait_signal(player, "hit")` and GUT's `watch_signals(player)` see it.
   *
   * @remarks Quickdot extension: GDScript's `signal` keyword.
   */
  export function signal<A extends unknown[] = []>(owner: Object, name: string): TypedSignal<A>;

  /**
   * GDScript's global `load()`: `ResourceLoader.load(path)` with its defaults (the resource is
   * cached by its path while alive, so loading a path twice gives the same object). `res://`,
   * `user://` or an absolute path. Null, with one line saying why, when the file is missing or
   * does not load. The resource types here are certificates and keys: `.crt` loads an
   * `X509Certificate`, `.key` a `CryptoKey`, `.pub` a public-only `CryptoKey`.
   *
   * ```ts
   * const certificate = load("res://server.crt"); // X509Certificate | null
   * ```
   */
  export function load(path: `${string}.crt`): X509Certificate | null;
  export function load(path: `${string}.key` | `${string}.pub`): CryptoKey | null;
  export function load(path: string): Resource | null;

  /**
   * Rewrites the compiled-JavaScript positions in a stack trace (`file.js:line:column`) to the
   * TypeScript positions they come from, through the source maps tsc writes beside the `.js`
   * files: the mapping the engine's own error reports use. Mapped files are shown as `res://`
   * paths; positions without a source map are left as they are.
   *
   * ```ts
   * const where = map_stack_trace(new Error().stack ?? ""); // "at f (res://player.ts:12:5)"
   * ```
   *
   * @remarks Quickdot extension: not in Godot 4.6.
   */
  export function map_stack_trace(stack: string): string;
}
