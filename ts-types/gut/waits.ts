// The awaitable waits of GutTest: engine timers, frames and polled conditions.

import { SceneTree, wait_signal } from "godot";
import { create_timer } from "./engine_access.js";
import type { GutTest } from "./test.js";
import { state_of } from "./test_state.js";

// GUT names what a test waits for when given a message.
export function announce_wait(test: GutTest, what: string, msg: string): void {
  if (msg !== "") state_of(test).context.logger.waiting(what, msg);
}

export function tree_of(test: GutTest): SceneTree {
  return state_of(test).context.tree;
}

export function timer(test: GutTest, seconds: number): Promise<unknown[]> {
  return wait_signal(create_timer(tree_of(test), seconds), "timeout");
}

export async function poll(
  test: GutTest,
  predicate: () => boolean,
  wanted: boolean,
  max_time: number,
  interval: number,
): Promise<boolean> {
  let expired = false;
  void timer(test, max_time).then(() => {
    expired = true;
  });
  while (true) {
    if ((predicate() === true) === wanted) {
      state_of(test).did_timeout = false;
      return true;
    }
    if (expired) break;
    if (interval > 0) await timer(test, interval);
    else await wait_signal(tree_of(test), "process_frame");
  }
  state_of(test).did_timeout = true;
  return false;
}
