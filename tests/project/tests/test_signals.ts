// Signals as values, as Godot 4 scripts use them: a class's signals are typed properties
// (timer.timeout), a script class declares its own in one line with signal(), and connecting
// a method taken from its object fails at once with a message saying how to bind it.
import { GutTest } from "gut";
import { Callable, Node, Object as GodotObject, Signal, Timer, signal, wait_signal } from "godot";

class Player extends Node {
  readonly hit = signal<[damage: number]>(this, "hit");
  readonly healed = signal(this, "healed");
  hits = 0;

  on_hit(damage: number): void {
    this.hits += damage;
  }
}

export default class TestSignals extends GutTest {
  test_engine_signals_are_properties(): void {
    const timer = new Timer();
    this.autofree(timer);
    const timeout = timer.timeout;
    this.assert_true(timeout instanceof Signal, "timer.timeout is a Signal");
    this.assert_eq(String(timeout.get_name()), "timeout");
    this.assert_same(timeout.get_object(), timer);
    this.assert_true(timeout.equals(new Signal(timer, "timeout")), "the same signal each time it is read");
    let fired = 0;
    const count = (): void => {
      fired++;
    };
    this.assert_eq(timeout.connect(count), 0);
    this.assert_true(timeout.is_connected(count));
    timeout.emit();
    this.assert_eq(fired, 1, "emit() reaches the callback");
    this.assert_eq(timeout.get_connections().length, 1);
    timeout.disconnect(count);
    this.assert_false(timer.is_connected("timeout", count), "the string form sees the same connection");
    this.assert_true(this.get_tree().process_frame instanceof Signal, "SceneTree's signals too");
  }

  async test_await_a_signal_property(): Promise<void> {
    const timer = new Timer();
    timer.wait_time = 0.05;
    timer.one_shot = true;
    this.add_child_autofree(timer);
    timer.start();
    const started = Date.now();
    const args = await timer.timeout.as_promise();
    this.assert_eq(args.length, 0, "timeout passes no arguments");
    this.assert_gt(Date.now() - started, 30, "it resolves when the timer fires, not at once");
  }

  async test_script_signals_in_one_line(): Promise<void> {
    const player = new Player();
    this.add_child_autofree(player);
    this.assert_true(player.has_signal("hit"), "the object has the signal");
    this.assert_true(player.hit instanceof Signal);
    const names = player.get_signal_list().map((entry) => String((entry as Record<string, unknown>).name));
    this.assert_has(names, "hit", "get_signal_list() lists it");
    this.assert_has(names, "ready", "with the class's own");
    let received = 0;
    player.hit.connect((damage) => {
      received = damage;
    });
    player.hit.emit(7);
    this.assert_eq(received, 7, "emit() passes the arguments");
    player.emit_signal("hit", 5);
    this.assert_eq(received, 5, "emit_signal with the string name reaches the same connections");
    player.hit.connect(new Callable(player, "on_hit"));
    const awaited = player.hit.as_promise();
    player.hit.emit(2);
    this.assert_eq(await awaited, [2], "as_promise() resolves with the arguments");
    this.assert_eq(player.hits, 2, "a Callable(object, method) connection works");
    const waited = wait_signal(player, "healed");
    player.healed.emit();
    this.assert_eq(await waited, [], "wait_signal sees it");
  }

  test_gut_watches_script_signals(): void {
    const player = new Player();
    this.autofree(player);
    this.watch_signals(player);
    player.hit.emit(3);
    this.assert_signal_emitted(player, "hit");
    this.assert_signal_emitted_with_parameters(player, "hit", [3]);
    this.assert_signal_not_emitted(player, "healed");
  }

  test_an_unbound_method_fails_at_connect_time(): void {
    const player = new Player();
    this.autofree(player);
    let message = "no error";
    try {
      player.connect("hit", player.on_hit);
    } catch (error) {
      this.assert_true(error instanceof TypeError, "a TypeError");
      message = String(error);
    }
    this.assert_string_contains(message, "on_hit");
    this.assert_string_contains(message, "bind(this)");
    this.assert_eq(player.hit.get_connections().length, 0, "nothing was connected");
    this.assert_eq(player.connect("hit", player.on_hit.bind(player)), 0, "a bound method connects");
    this.assert_eq(
      player.connect("hit", (damage: number) => player.on_hit(damage)),
      0,
      "an arrow function connects",
    );
    player.hit.emit(4);
    this.assert_eq(player.hits, 8, "both ran");
  }

  test_bad_declarations(): void {
    let message = "no error";
    try {
      signal(42 as unknown as GodotObject, "x");
    } catch (error) {
      message = String(error);
    }
    this.assert_string_contains(message, "signal");
  }
}
