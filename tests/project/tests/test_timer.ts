// Timer, as Godot's class reference uses it: a node in the tree that emits "timeout" after
// wait_time, repeats unless one_shot, and can be paused, stopped and driven by physics frames.
import { GutTest } from "gut";
import { Timer } from "godot";

export default class TestTimer extends GutTest {
  private timers: Timer[] = [];

  // A Timer in the tree, freed after the test (Nodes are not reference counted).
  private make_timer(): Timer {
    const timer = new Timer();
    this.add_child(timer);
    this.timers.push(timer);
    return timer;
  }

  after_each(): void {
    this.timers.forEach((timer) => timer.queue_free());
    this.timers = [];
  }

  test_defaults_match_godot(): void {
    const timer = this.make_timer();
    this.assert_eq(timer.wait_time, 1);
    this.assert_false(timer.one_shot);
    this.assert_false(timer.autostart);
    this.assert_false(timer.paused);
    this.assert_false(timer.ignore_time_scale);
    this.assert_eq(timer.process_callback, Timer.TimerProcessCallback.TIMER_PROCESS_IDLE);
    this.assert_true(timer.is_stopped());
    this.assert_eq(timer.time_left, 0);
  }

  async test_one_shot_timeout(): Promise<void> {
    const timer = this.make_timer();
    timer.one_shot = true;
    this.watch_signals(timer, "timeout");
    timer.start(0.05);
    this.assert_eq(timer.wait_time, 0.05, "start(time_sec) sets wait_time");
    this.assert_false(timer.is_stopped());
    const fired = await this.wait_for_signal(timer, "timeout", 2);
    this.assert_true(fired, "timeout came");
    this.assert_true(timer.is_stopped(), "a one-shot timer stops after firing");
    await this.wait_seconds(0.15);
    this.assert_eq(this.get_signal_emit_count(timer, "timeout"), 1, "and does not fire again");
  }

  async test_repeating_timer_fires_until_stopped(): Promise<void> {
    const timer = this.make_timer();
    let count = 0;
    timer.connect("timeout", () => count++);
    timer.start(0.03);
    await this.wait_until(() => count >= 3, 2);
    this.assert_gt(count, 2, "it fired again and again");
    this.assert_false(timer.is_stopped());
    timer.stop();
    const stopped_at = count;
    this.assert_true(timer.is_stopped());
    await this.wait_seconds(0.1);
    this.assert_eq(count, stopped_at, "no timeout after stop()");
  }

  async test_paused_timer_keeps_its_time(): Promise<void> {
    const timer = this.make_timer();
    timer.start(0.05);
    timer.paused = true;
    const left = timer.time_left;
    this.watch_signals(timer, "timeout");
    await this.wait_seconds(0.15);
    this.assert_eq(timer.time_left, left, "no countdown while paused");
    this.assert_eq(this.get_signal_emit_count(timer, "timeout"), 0);
    timer.paused = false;
    this.assert_true(await this.wait_for_signal(timer, "timeout", 2), "fires once unpaused");
  }

  async test_physics_callback_and_autostart(): Promise<void> {
    const timer = new Timer();
    this.timers.push(timer);
    timer.process_callback = Timer.TIMER_PROCESS_PHYSICS;
    timer.wait_time = 0.05;
    timer.one_shot = true;
    timer.autostart = true;
    this.add_child(timer);
    this.assert_false(timer.is_stopped(), "autostart starts it on entering the tree");
    this.assert_true(timer.is_physics_processing_internal());
    this.assert_false(timer.is_processing_internal());
    this.assert_true(await this.wait_for_signal(timer, "timeout", 2), "physics frames drive it");
  }

  test_misuse_is_refused(): void {
    const timer = this.make_timer();
    const outside = new Timer();
    outside.start(1);
    this.assert_true(outside.is_stopped(), "a timer outside the tree does not start");
    outside.free();
    timer.wait_time = -1;
    this.assert_eq(timer.wait_time, 1, "a wait time of zero or less is refused");
  }
}
