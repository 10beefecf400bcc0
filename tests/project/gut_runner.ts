// The test entry scene: GUT's runner, configured by the -g options on the command line.
export { GutRunner as default } from "gut";
