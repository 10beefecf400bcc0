// map_stack_trace (a Quickdot extension of the "godot" module): JavaScript stack positions
// rewritten to the TypeScript source through tsc's source maps.
import { GutTest } from "gut";
import { map_stack_trace } from "godot";

function here(): string {
  return new Error().stack ?? "";
}

export default class TestMapStackTrace extends GutTest {
  test_maps_a_stack_to_the_typescript_source(): void {
    const mapped = map_stack_trace(here());
    this.assert_string_contains(mapped, "at here (res://tests/test_map_stack_trace.ts:7:");
    this.assert_string_contains(mapped, "res://tests/test_map_stack_trace.ts:12:");
    this.assert_does_not_have(mapped, ".quickdot/js", "no compiled position is left");
  }

  test_leaves_positions_without_a_source_map(): void {
    const stack = "    at f (/nowhere/x.js:3:4)\n    at /nowhere/y.js:5";
    this.assert_eq(map_stack_trace(stack), stack);
  }

  test_refuses_what_is_not_a_string(): void {
    let message = "no error";
    try {
      map_stack_trace(42 as unknown as string);
    } catch (error) {
      message = String(error);
    }
    this.assert_eq(message, "TypeError: map_stack_trace: argument 1 ('stack') must be a string, got number");
  }
}
