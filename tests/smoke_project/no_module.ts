// This project has no .gdextension file, so the OpenSSL module is not loaded: creating crypto
// or DTLS objects must fail with a clear message, not crash.
import { Node, Crypto, PacketPeerDTLS, print } from "godot";

export default class NoModule extends Node {
  _ready(): void {
    for (const make of [() => new Crypto(), () => new PacketPeerDTLS()]) {
      try {
        make();
        print("no_module: created an object without the module");
      } catch (error) {
        print(`no_module: refused: ${String(error)}`);
      }
    }
    this.get_tree().quit(0);
  }
}
