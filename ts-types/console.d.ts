// The console object Quickdot's script runtime provides (log → stdout, warn/error → stderr).
declare global {
  interface Console {
    log(...values: unknown[]): void;
    info(...values: unknown[]): void;
    debug(...values: unknown[]): void;
    warn(...values: unknown[]): void;
    error(...values: unknown[]): void;
  }
  var console: Console;
}
export {};
