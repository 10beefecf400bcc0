// The test entry scene: the runner from the built-in "gut" module.
export { GutRunner as default } from "gut";
