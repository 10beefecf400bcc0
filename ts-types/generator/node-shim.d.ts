// The few Node.js APIs the generator and the checker use, declared here so that they build with
// the TypeScript compiler alone (the workspace does not install @types/node).

declare module "node:fs" {
  export function readFileSync(path: string, encoding: "utf8"): string;
  export function writeFileSync(path: string, data: string): void;
  export function mkdirSync(path: string, options: { recursive: true }): string | undefined;
}

declare module "node:path" {
  export function join(...segments: string[]): string;
}

interface NodeWritableStream {
  write(text: string): boolean;
}

declare const process: {
  readonly argv: readonly string[];
  exitCode: number | undefined;
  readonly stdout: NodeWritableStream;
  readonly stderr: NodeWritableStream;
};
