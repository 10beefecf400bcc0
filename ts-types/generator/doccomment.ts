// Doc comments: looking up the hand-written texts of docs.ts and rendering JSDoc blocks.

/** Hand-written texts keyed by "Class", "Class.member", "Class.Enum.VALUE" or "Class.method.argument". */
export class DocIndex {
  private readonly used = new Set<string>();

  constructor(private readonly texts: Readonly<Record<string, string>>) {}

  get(key: string): string | undefined {
    if (!Object.hasOwn(this.texts, key)) return undefined;
    this.used.add(key);
    return this.texts[key];
  }

  /** Keys never asked for: usually a typo, or a member the dump does not have (any more). */
  unusedKeys(): string[] {
    return Object.keys(this.texts)
      .filter((key) => !this.used.has(key))
      .sort();
  }
}

/** The tag every extension beyond Godot carries, so readers (and reviewers) can spot it. */
export const EXTENSION_REMARK = "@remarks Quickdot extension: not in Godot 4.6.";

/**
 * Renders paragraphs (which may span several lines) as a JSDoc block at `indent`. Empty
 * paragraphs are dropped; no block at all when nothing is left.
 */
export function renderDocComment(paragraphs: readonly (string | undefined)[], indent: string): string[] {
  const present = paragraphs.filter((text): text is string => text !== undefined && text.trim() !== "");
  const lines = present
    .flatMap((text, index) => (index === 0 ? text.split("\n") : ["", ...text.split("\n")]))
    .map((line) => line.replaceAll("*/", "*\\/").trimEnd());
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [
    `${indent}/**`,
    ...lines.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)),
    `${indent} */`,
  ];
}
