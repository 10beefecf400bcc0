// The console object Quickdot's script runtime provides (log → stdout, warn/error → stderr), and the
// standard TextEncoder / TextDecoder (UTF-8 only).
declare global {
  interface Console {
    log(...values: unknown[]): void;
    info(...values: unknown[]): void;
    debug(...values: unknown[]): void;
    warn(...values: unknown[]): void;
    error(...values: unknown[]): void;
  }
  var console: Console;

  /** Strings to UTF-8 bytes (WHATWG Encoding). A lone surrogate becomes U+FFFD. */
  interface TextEncoder {
    readonly encoding: "utf-8";
    encode(input?: string): Uint8Array;
    /** Writes whole characters only; `read` counts UTF-16 code units of `source`. */
    encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
  }
  var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

  interface TextDecoderOptions {
    /** Throw a TypeError on invalid UTF-8 instead of writing U+FFFD. */
    fatal?: boolean;
    /** Keep a leading byte order mark in the text. */
    ignoreBOM?: boolean;
  }
  /** UTF-8 bytes to strings (WHATWG Encoding). Quickdot: UTF-8 only, and no `{ stream: true }`. */
  interface TextDecoder {
    readonly encoding: "utf-8";
    readonly fatal: boolean;
    readonly ignoreBOM: boolean;
    decode(input?: ArrayBuffer | ArrayBufferView): string;
  }
  /** `label` must name UTF-8 ("utf-8", "utf8"...); any other label throws a RangeError. */
  var TextDecoder: {
    prototype: TextDecoder;
    new (label?: string, options?: TextDecoderOptions): TextDecoder;
  };
}
export {};
