import { Node, OS, printerr } from "godot";
import { Clients } from "./clients";
import { Servers } from "./servers";

// Picks the role from the user arguments after "--" (<dir> holds ca.crt, server.crt, server.key):
//   servers <dir> <sessions> <timeout_s>   DTLS and UDP echo servers for Godot's clients
//   clients <dir> <port> <timeout_s>       DTLS clients of Godot's server
export default class Main extends Node {
  _ready(): void {
    const [role, ...args] = OS.get_cmdline_user_args();
    const scene = role === "servers" ? new Servers() : role === "clients" ? new Clients() : null;
    if (scene === null || !scene.configure(args)) {
      if (scene === null) {
        printerr('godot_interop: the first user argument must be "servers" or "clients"');
      }
      this.get_tree().quit(2);
      return;
    }
    this.add_child(scene);
  }
}
