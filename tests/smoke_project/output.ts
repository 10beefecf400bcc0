// What a developer reads: an Error printed with its name, message and mapped stack; objects and
// Godot values as Godot's str() writes them; an exception thrown every frame reported once, then
// counted. tests/run_smoke.sh checks the lines.
import { Color, Node, Vector2, print } from "godot";

export default class Output extends Node {
  private frames = 0;

  _ready(): void {
    print(new TypeError("output: bad input"));
    console.log({ hp: 100, pos: new Vector2(3, 4), tags: ["a", "b"] });
    console.log("output: values", new Color(1, 0.5, 0, 1), `${new Vector2(1.5, 2)}`, 2.5);
    console.error(new RangeError("output: out of range"));
  }

  _process(_delta: number): void {
    this.frames++;
    if (this.frames > 50) {
      this.get_tree().quit(0);
      return;
    }
    if (this.frames === 25) {
      throw new Error("output: once");
    }
    throw new Error("output: every frame");
  }
}
