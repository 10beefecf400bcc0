// Records the emissions of the signals a test watches (GUT's signal_watcher), for the
// assert_signal_* methods.

import { Object as GodotObject } from "godot";
import { is_live } from "./engine_access.js";

interface WatchedSignal {
  readonly emissions: unknown[][];
  readonly handler: (...args: unknown[]) => void;
}

/** The names of every signal the object can emit, from its get_signal_list(). */
export function signal_names_of(object: GodotObject): string[] {
  return object.get_signal_list().map((entry) => String((entry as Record<string, unknown>).name));
}

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
