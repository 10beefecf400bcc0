import { Node, OS, print } from "godot";

export default class Main extends Node {
  private frames = 0;

  _ready(): void {
    print("smoke: ready, user args ", OS.get_cmdline_user_args().join(","));
  }

  _process(_delta: number): void {
    this.frames++;
    if (this.frames === 2) {
      throw new Error("deliberate failure in _process");
    }
    if (this.frames === 4) {
      print("smoke: frame 4 ran after the exception");
      this.get_tree().quit(7);
    }
  }
}
