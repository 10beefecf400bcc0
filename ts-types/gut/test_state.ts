// The runner's bookkeeping for each GutTest instance: the test being run, its watched signals,
// objects to free and parameters, and where its asserts are recorded.

import { SceneTree } from "godot";
import { Logger } from "./logger.js";
import { FailureRecord, ScriptResult, TestResult } from "./results.js";
import { SignalWatcher } from "./signal_watcher.js";
import { SourceLocation, describe_stack, locate_stack, location_text } from "./stack_trace.js";
import { str } from "./strutils.js";
import type { GutTest } from "./test.js";

// What the runner gives each test instance.
export interface GutContext {
  readonly tree: SceneTree;
  readonly logger: Logger;
  readonly script: ScriptResult;
}

export interface ParameterState {
  readonly values: readonly unknown[];
  index: number;
}

// A test instance's bookkeeping, kept out of the instance so it cannot clash with test fields.
export class TestState {
  current: TestResult | null = null;
  readonly watcher = new SignalWatcher();
  readonly autofree_list: unknown[] = [];
  parameters: ParameterState | null = null;
  parameter_call = 0;
  did_timeout = false;

  constructor(readonly context: GutContext) {}

  // Read through methods: TypeScript cannot see that a test's call to use_parameters() set them.
  parameters_in_use(): ParameterState | null {
    return this.parameters;
  }

  has_parameters_left(): boolean {
    return this.parameters !== null && this.parameters.index < this.parameters.values.length;
  }

  record(passed: boolean, message: string, note = "", location?: SourceLocation | null, stack = ""): void {
    const test = this.current;
    const logger = this.context.logger;
    if (passed) {
      if (test === null) this.context.script.hook_pass_count++;
      else test.pass_count++;
      logger.passed(message);
      return;
    }
    const where = location === undefined ? locate_stack(new Error().stack) : location;
    const notes: string[] = [];
    if (note !== "") notes.push(note);
    if (this.parameters !== null && test !== null) {
      notes.push(
        `with parameters[${this.parameter_call}] = ${str(this.parameters.values[this.parameter_call])}`,
      );
    }
    const failure: FailureRecord = { message, location: location_text(where), notes, stack };
    if (test === null) {
      this.context.script.hook_failures.push(failure);
    } else {
      test.fail_count++;
      test.failures.push(failure);
    }
    logger.failed(failure);
  }

  record_error(prefix: string, error: unknown): void {
    const stack = error instanceof Error ? error.stack : undefined;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : str(error);
    this.record(false, `${prefix}${text}`, "", locate_stack(stack), describe_stack(stack));
  }
}

export const test_states = new WeakMap<GutTest, TestState>();

export function state_of(test: GutTest): TestState {
  const state = test_states.get(test);
  if (state === undefined) throw new Error("this GutTest is not being run by GutRunner");
  return state;
}

export function record(test: GutTest, passed: boolean, message: string, note = ""): void {
  state_of(test).record(passed, message, note);
}
