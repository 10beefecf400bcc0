// Records the emissions of the signals a test watches (GUT's signal_watcher), for the
// assert_signal_* methods.

import { Object as GodotObject } from "godot";
import { is_live } from "./engine_access.js";

interface WatchedSignal {
  readonly emissions: unknown[][];
  readonly handler: (...args: unknown[]) => void;
}

// Every signal the engine's classes declare. Scripts cannot list an object's signals, so
// watch_signals(object) without names watches those of these the object has; signals added with
// add_user_signal() must be named.
export const ENGINE_SIGNALS: readonly string[] = [
  "script_changed",
  "property_list_changed",
  "changed",
  "setup_local_to_scene_requested",
  "timeout",
  "ready",
  "renamed",
  "tree_entered",
  "tree_exiting",
  "tree_exited",
  "child_entered_tree",
  "child_exiting_tree",
  "child_order_changed",
  "replacing_by",
  "editor_description_changed",
  "editor_state_changed",
  "on_request_permissions_result",
  "tree_changed",
  "scene_changed",
  "tree_process_mode_changed",
  "node_added",
  "node_removed",
  "node_renamed",
  "node_configuration_warning_changed",
  "process_frame",
  "physics_frame",
];

export class SignalWatcher {
  private readonly objects = new Map<GodotObject, Map<string, WatchedSignal>>();

  /** False when the object has no such signal. */
  watch(object: GodotObject, signal_name: string): boolean {
    let signals = this.objects.get(object);
    if (signals?.has(signal_name)) return true;
    if (!object.has_signal(signal_name)) return false;
    const emissions: unknown[][] = [];
    const handler = (...args: unknown[]): void => {
      emissions.push(args);
    };
    object.connect(signal_name, handler);
    if (signals === undefined) {
      signals = new Map<string, WatchedSignal>();
      this.objects.set(object, signals);
    }
    signals.set(signal_name, { emissions, handler });
    return true;
  }

  is_watching_object(object: GodotObject): boolean {
    return this.objects.has(object);
  }

  emissions(object: GodotObject, signal_name: string): unknown[][] | null {
    return this.objects.get(object)?.get(signal_name)?.emissions ?? null;
  }

  clear(): void {
    for (const [object, signals] of this.objects) {
      if (!is_live(object)) continue;
      for (const [name, watched] of signals) {
        try {
          object.disconnect(name, watched.handler);
        } catch {
          // Freed meanwhile: nothing left to disconnect.
        }
      }
    }
    this.objects.clear();
  }
}
