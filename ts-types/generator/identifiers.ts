// How dump names become TypeScript names, and the indentation of godot.d.ts; shared by the
// writers of engine classes (typings.ts) and of built-in value types (builtins.ts), and by the
// checks that read godot.d.ts back.

export const MODULE_INDENT = "  ";
export const MEMBER_INDENT = "    ";
export const NESTED_INDENT = "      ";

/** Words that cannot name a parameter in strict-mode ES modules; such names get a trailing "_". */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "arguments",
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "eval",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "implements",
  "import",
  "in",
  "instanceof",
  "interface",
  "let",
  "new",
  "null",
  "package",
  "private",
  "protected",
  "public",
  "return",
  "static",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
]);

export function parameterName(name: string): string {
  return RESERVED_WORDS.has(name) ? `${name}_` : name;
}

/** Member names that are not identifiers (Godot has "group/name" properties) are quoted. */
export function memberName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}
