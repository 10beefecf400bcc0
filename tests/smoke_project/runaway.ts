// A script stuck in an endless loop: the watchdog (--script-timeout) must stop it, report it,
// and let the next frame run.
import { Node, print } from "godot";

export default class Runaway extends Node {
  private frames = 0;

  _process(_delta: number): void {
    this.frames++;
    if (this.frames === 1) {
      for (;;) {
        // Never returns on its own.
      }
    }
    if (this.frames === 3) {
      print("runaway: frame 3 ran after the watchdog");
      this.get_tree().quit(5);
    }
  }
}
