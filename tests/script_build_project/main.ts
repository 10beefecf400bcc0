// tests/script_build_test.sh rewrites VERSION and appends a type error below: what it prints
// shows which compile of this file ran.
import { Node, print } from "godot";
import { greeting } from "./helper";

const VERSION = "v1";

export default class Main extends Node {
  _ready(): void {
    print(`script_build: ${greeting()} ${VERSION}`);
    this.get_tree()?.quit(0);
  }
}
