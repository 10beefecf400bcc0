// Awaitable waits: 6 tests, 12 passing asserts.
import { GutTest } from "gut";
import { Node, SceneTree, Time, wait_signal } from "godot";

export default class TestAsync extends GutTest {
  private tree(): SceneTree {
    const tree = this.get_tree();
    if (tree === null) throw new Error("a running test is in the tree");
    return tree;
  }

  async test_wait_frames(): Promise<void> {
    let frames = 0;
    const count = (): void => {
      frames++;
    };
    this.tree().connect("process_frame", count);
    await this.wait_frames(3);
    this.tree().disconnect("process_frame", count);
    this.assert_eq(frames, 3);
    await this.wait_process_frames(1, "one more frame");
    await this.wait_physics_frames(2);
  }

  async test_wait_seconds(): Promise<void> {
    const start = Time.get_ticks_msec();
    await this.wait_seconds(0.2);
    this.assert_gte(Time.get_ticks_msec() - start, 150);
  }

  async test_wait_for_signal_emitted(): Promise<void> {
    const timer = this.tree().create_timer(0.1);
    if (timer === null) throw new Error("create_timer returned null");
    const fired = await this.wait_for_signal(timer, "timeout", 2);
    this.assert_true(fired);
    this.assert_false(this.did_wait_timeout());
    this.assert_signal_emitted(timer, "timeout", "wait_for_signal watches the signal");
  }

  async test_wait_for_signal_times_out(): Promise<void> {
    const node = this.add_child_autofree(new Node());
    node.add_user_signal("never");
    const fired = await this.wait_for_signal(node, "never", 0.1);
    this.assert_false(fired);
    this.assert_true(this.did_wait_timeout());
  }

  async test_wait_until(): Promise<void> {
    let frames = 0;
    const count = (): void => {
      frames++;
    };
    this.tree().connect("process_frame", count);
    const reached = await this.wait_until(() => frames >= 5, 2);
    this.tree().disconnect("process_frame", count);
    this.assert_true(reached);
    this.assert_false(this.did_wait_timeout());
    const never = await this.wait_until(() => false, 0.1, 0.02);
    this.assert_false(never);
    this.assert_true(this.did_wait_timeout());
  }

  async test_wait_signal_from_godot(): Promise<void> {
    const timer = this.tree().create_timer(0.05);
    if (timer === null) throw new Error("create_timer returned null");
    this.assert_eq(await wait_signal(timer, "timeout"), []);
  }
}
