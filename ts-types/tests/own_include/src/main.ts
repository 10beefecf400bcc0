import { Node, load, print, wait_signal } from "godot";
import { GutTest } from "gut";

export default class Main extends Node {
  async _ready(): Promise<void> {
    console.log("ready", new TextDecoder().decode(new TextEncoder().encode("ø")));
    print(load("res://server.crt")?.get_subject() ?? "no certificate");
    await wait_signal(this.get_tree().create_timer(0.1), "timeout");
  }
}

export class TestMain extends GutTest {
  test_globals(): void {
    this.assert_eq(typeof console.log, "function");
  }
}
