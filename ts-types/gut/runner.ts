// Runs test classes (the running part of GUT's gut.gd): hooks around each test, each call
// guarded against exceptions and the per-test timeout, objects freed after each test.

import { Node, SceneTree, wait_signal } from "godot";
import { TestClassEntry, test_classes, test_names } from "./collector.js";
import { create_timer, is_live, ticks_sec } from "./engine_access.js";
import { Logger } from "./logger.js";
import { GutOptions } from "./options.js";
import { ScriptResult, TestResult } from "./results.js";
import { GutTest } from "./test.js";
import { TestState, test_states } from "./test_state.js";

type Outcome =
  | { readonly kind: "done" }
  | { readonly kind: "error"; readonly error: unknown }
  | { readonly kind: "timeout" };

/**
 * Runs a test body or hook as its own job, so that even a script the engine's watchdog interrupts
 * only rejects this call, and races it against the per-test timeout.
 */
async function run_guarded(tree: SceneTree, call: () => unknown, timeout_sec: number): Promise<Outcome> {
  const body: Promise<Outcome> = Promise.resolve()
    .then(call)
    .then(
      (): Outcome => ({ kind: "done" }),
      (error: unknown): Outcome => ({ kind: "error", error }),
    );
  if (timeout_sec <= 0) return body;
  const timeout = wait_signal(create_timer(tree, timeout_sec), "timeout").then((): Outcome => ({
    kind: "timeout",
  }));
  return Promise.race([body, timeout]);
}

interface RunContext {
  readonly host: Node;
  readonly tree: SceneTree;
  readonly logger: Logger;
  readonly options: GutOptions;
}

export class Runner {
  constructor(private readonly run: RunContext) {}

  private report_outcome(state: TestState, outcome: Outcome, what: string): void {
    if (outcome.kind === "error") {
      state.record_error(what === "" ? "Uncaught " : `${what} threw: `, outcome.error);
    } else if (outcome.kind === "timeout") {
      const seconds = this.run.options.test_timeout;
      state.record(
        false,
        `${what === "" ? "The test" : what} did not finish within ${seconds} s (an await that never resolves?); ` +
          `raise the limit with -gtest_timeout=<s> or "test_timeout" in .gutconfig.json`,
        "",
        null,
      );
    }
  }

  private async hook(
    instance: GutTest,
    state: TestState,
    name: "before_all" | "before_each" | "after_each" | "after_all",
  ): Promise<boolean> {
    const whole_class = name === "before_all" || name === "after_all";
    if (whole_class) this.run.logger.hook_started(name);
    const outcome = await run_guarded(this.run.tree, () => instance[name](), this.run.options.test_timeout);
    this.report_outcome(state, outcome, name);
    if (whole_class) this.run.logger.hook_finished();
    return outcome.kind === "done";
  }

  private async free_objects(state: TestState): Promise<void> {
    let queued = false;
    for (const object of state.autofree_list) {
      if (object instanceof Node && is_live(object)) {
        object.queue_free();
        queued = true;
      }
    }
    state.autofree_list.length = 0;
    // Let the queued frees happen before the next test starts.
    if (queued) await wait_signal(this.run.tree, "process_frame");
  }

  private async run_test(instance: GutTest, state: TestState, test: TestResult): Promise<void> {
    const started = ticks_sec();
    state.current = test;
    state.parameters = null;
    state.parameter_call = 0;
    state.did_timeout = false;
    this.run.logger.test_started(test);
    const method: unknown = Reflect.get(instance, test.name);
    do {
      if (await this.hook(instance, state, "before_each")) {
        const outcome = await run_guarded(
          this.run.tree,
          () => Reflect.apply(method as (...args: never[]) => unknown, instance, []),
          this.run.options.test_timeout,
        );
        this.report_outcome(state, outcome, "");
        if (outcome.kind === "timeout") break; // The test is still running: do not start it again.
      }
      await this.hook(instance, state, "after_each");
      const parameters = state.parameters_in_use();
      if (parameters !== null && parameters.values.length === 0) {
        state.record(false, "use_parameters() was given no parameters", "", null);
      }
    } while (state.has_parameters_left());
    state.watcher.clear();
    await this.free_objects(state);
    state.current = null;
    state.parameters = null;
    test.time_sec = ticks_sec() - started;
    this.run.logger.test_finished(test);
  }

  async run_class(entry: TestClassEntry, script: ScriptResult): Promise<void> {
    const started = ticks_sec();
    const logger = this.run.logger;
    const names = test_names(entry.cls, this.run.options.unit_test_name);
    logger.script_started(script);
    const state = new TestState({ tree: this.run.tree, logger, script });
    let instance: GutTest;
    try {
      instance = new entry.cls();
    } catch (error) {
      state.record_error(`Could not create the test class: `, error);
      logger.script_finished(script);
      return;
    }
    test_states.set(instance, state);
    this.run.host.add_child(instance);
    try {
      const skip = instance.should_skip_script();
      if (skip === true || (typeof skip === "string" && skip !== "")) {
        script.skip_reason = skip === true ? "should_skip_script() returned true" : skip;
        logger.skipped(script.skip_reason);
        return;
      }
      await this.hook(instance, state, "before_all");
      for (const name of names) {
        const test = new TestResult(name);
        script.tests.push(test);
        await this.run_test(instance, state, test);
      }
      await this.hook(instance, state, "after_all");
    } catch (error) {
      state.current = null;
      state.record_error("The runner failed in this script: ", error);
    } finally {
      state.watcher.clear();
      await this.free_objects(state);
      if (is_live(instance)) {
        this.run.host.remove_child(instance);
        instance.queue_free();
      }
      script.time_sec = ticks_sec() - started;
      logger.script_finished(script);
    }
  }

  // A script that cannot be imported, or exports nothing to run, is one failing test.
  load_failure(path: string, message: string, error: unknown): ScriptResult {
    const script = new ScriptResult(path);
    const test = new TestResult("(import)");
    script.tests.push(test);
    this.run.logger.script_started(script);
    this.run.logger.test_started(test);
    const state = new TestState({ tree: this.run.tree, logger: this.run.logger, script });
    state.current = test;
    if (error === undefined) state.record(false, message, "", { file: path, line: 1, column: 1 });
    else state.record_error(message, error);
    this.run.logger.test_finished(test);
    this.run.logger.script_finished(script);
    return script;
  }

  async run_script(path: string): Promise<ScriptResult[]> {
    let module: unknown;
    try {
      module = await import(path);
    } catch (error) {
      return [this.load_failure(path, "Could not import the script: ", error)];
    }
    const classes = test_classes(path, module, this.run.options);
    if (typeof classes === "string")
      return [this.load_failure(path, `Nothing to run in the script: ${classes}`, undefined)];
    const results: ScriptResult[] = [];
    for (const entry of classes) {
      if (test_names(entry.cls, this.run.options.unit_test_name).length === 0) continue;
      const script = new ScriptResult(entry.name);
      results.push(script);
      await this.run_class(entry, script);
    }
    return results;
  }
}
