// A scene whose import throws at its top level (fails_on_import.ts:5): --script res://boom.ts.
import { Node, print } from "godot";
import { loaded } from "./fails_on_import";

export default class Boom extends Node {
  _ready(): void {
    print(`script_build: boom loaded ${loaded}`);
  }
}
