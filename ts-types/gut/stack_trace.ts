// Stack traces as the framework reports them: positions in the TypeScript sources (mapped by the
// engine through tsc's source maps), without the frames of the gut module itself.

import { map_stack_trace } from "godot";

/** A place in a source file, as shown in reports ("res://tests/test_x.ts:12"). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export function location_text(location: SourceLocation | null): string {
  return location === null ? "" : `${location.file}:${location.line}`;
}

// The engine names the gut module's files "gut/index.js", "gut/test.js"... in stack traces.
function is_gut_frame(file: string): boolean {
  return file.startsWith("gut/");
}

interface StackFrame {
  readonly text: string; // The frame line without "at ".
  readonly function_name: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

// quickjs-ng frames: "    at name (file:line:col)", "    at file:line:col", "    at name (native)".
function parse_stack(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const raw of stack.split("\n")) {
    const text = raw.trim();
    if (!text.startsWith("at ")) continue;
    const body = text.slice(3);
    const paren = /^(.*?) \((.*)\)$/.exec(body);
    const function_name = paren !== null ? (paren[1] ?? "") : "";
    const where = paren !== null ? (paren[2] ?? "") : body;
    const position = /^(.*?):(\d+)(?::(\d+))?$/.exec(where);
    if (position === null) {
      frames.push({ text: body, function_name, file: where, line: 0, column: 0 });
      continue;
    }
    frames.push({
      text: body,
      function_name,
      file: position[1] ?? "",
      line: Number(position[2]),
      column: position[3] === undefined ? 0 : Number(position[3]),
    });
  }
  return frames;
}

// The engine maps what has a source map beside it; the rest keeps its compiled path, shown
// project-relative: "/p/.quickdot/js/tests/a.js" → "res://.quickdot/js/tests/a.js" when /p is the
// project folder (found from the .quickdot/js part of compiled paths).
let project_root: string | null = null;

function localize(path: string): string {
  const marker = path.indexOf("/.quickdot/js/");
  if (marker > 0 && project_root === null) project_root = path.slice(0, marker);
  if (project_root !== null && path.startsWith(project_root + "/"))
    return "res://" + path.slice(project_root.length + 1);
  return path;
}

// The frames of a stack trace, at their TypeScript positions (the engine's source mapping).
function mapped_frames(stack: string): StackFrame[] {
  return parse_stack(map_stack_trace(stack)).map((frame) => ({ ...frame, file: localize(frame.file) }));
}

/**
 * Where a stack trace points to in the tests: the first frame outside the gut module, mapped to
 * the TypeScript source. Every stack the framework reports goes through here or
 * {@link describe_stack}.
 */
export function locate_stack(stack: string | undefined): SourceLocation | null {
  if (stack === undefined) return null;
  for (const frame of mapped_frames(stack)) {
    if (frame.line === 0 || is_gut_frame(frame.file)) continue;
    return { file: frame.file, line: frame.line, column: frame.column };
  }
  return null;
}

/** A stack trace with every frame mapped to TypeScript and the gut module's own frames left out. */
export function describe_stack(stack: string | undefined): string {
  if (stack === undefined) return "";
  const lines: string[] = [];
  for (const frame of mapped_frames(stack)) {
    if (is_gut_frame(frame.file) || frame.file === "native") continue; // The runner's own calls.
    if (frame.line === 0) {
      lines.push(`at ${frame.text}`);
      continue;
    }
    const position = `${frame.file}:${frame.line}:${frame.column}`;
    lines.push(frame.function_name === "" ? `at ${position}` : `at ${frame.function_name} (${position})`);
  }
  return lines.join("\n");
}
