// A script that allocates without bound: the memory limit (--script-memory-limit) must turn
// that into a reported error, and the engine goes on.
import { Node, print } from "godot";

export default class Hungry extends Node {
  private frames = 0;

  _process(_delta: number): void {
    this.frames++;
    if (this.frames === 1) {
      const hoard: number[][] = [];
      for (;;) {
        hoard.push(new Array<number>(100000).fill(this.frames));
      }
    }
    if (this.frames === 3) {
      print("hungry: frame 3 ran after running out of script memory");
      this.get_tree().quit(6);
    }
  }
}
