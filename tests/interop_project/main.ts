import { Node, OS, printerr } from "godot";
import { EchoServer } from "./echo_server";
import { InteropClient } from "./interop_client";

// Picks the scene from the user arguments after "--":
//   server <cert.pem|-> <key.pem|-> <timeout_s> [name=value trust options, see echo_server.ts]
//   client <port> <hostname> <verify|unsafe|psk> <ca.pem|-> <connected|hostname_mismatch|error> <timeout_s>
//          [payload_bytes] [name=value trust options, see interop_client.ts]
// Each scene prints "interop: ..." lines and quits with 0 when it saw what it expected.
export default class Main extends Node {
  _ready(): void {
    const args = [...OS.get_cmdline_user_args()];
    const scene = args[0] === "server" ? new EchoServer() : args[0] === "client" ? new InteropClient() : null;
    if (scene === null || !scene.configure(args.slice(1))) {
      if (scene === null) {
        printerr('interop: the first user argument must be "server" or "client"');
      }
      this.get_tree().quit(2);
      return;
    }
    this.add_child(scene);
  }
}
