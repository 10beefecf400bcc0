// Small wrappers over the engine that several parts of the framework need.

import { Object as GodotObject, SceneTree, SceneTreeTimer, Time, is_instance_valid } from "godot";

export function ticks_sec(): number {
  return Time.get_ticks_usec() / 1e6;
}

// is_instance_valid() that also answers false where the binding refuses a freed object.
export function is_live(object: GodotObject): boolean {
  try {
    return is_instance_valid(object);
  } catch {
    return false;
  }
}

export function create_timer(tree: SceneTree, seconds: number): SceneTreeTimer {
  const timer = tree.create_timer(seconds);
  if (timer === null) throw new Error(`SceneTree.create_timer(${seconds}) returned null`);
  return timer;
}
