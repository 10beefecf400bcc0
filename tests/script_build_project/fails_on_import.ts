// Its top-level code throws (line 5) while it is imported: by boom.ts, or as the scene itself.
export const loaded = true;

if (loaded) {
  throw new Error("thrown while importing");
}
