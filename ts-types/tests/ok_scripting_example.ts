import { Node, UDPServer, DTLSServer, PacketPeerDTLS, TLSOptions, Crypto } from "godot";

export default class Main extends Node {
  private udp = new UDPServer();
  private dtls = new DTLSServer();
  private peers: PacketPeerDTLS[] = [];

  _ready(): void {
    const crypto = new Crypto();
    const key = crypto.generate_rsa(2048);
    const cert = crypto.generate_self_signed_certificate(key, "CN=localhost");
    this.dtls.setup(TLSOptions.server(key, cert));
    this.udp.listen(4242);
  }

  _process(_delta: number): void {
    this.udp.poll();
    while (this.udp.is_connection_available()) {
      const peer = this.dtls.take_connection(this.udp.take_connection());
      if (peer && peer.get_status() === PacketPeerDTLS.Status.STATUS_HANDSHAKING) this.peers.push(peer);
    }
    for (const p of this.peers) {
      p.poll();
      while (p.get_available_packet_count() > 0) p.put_packet(p.get_packet());
    }
  }
}
