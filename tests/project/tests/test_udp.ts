// UDP from a script: put_var / get_var dictionaries holding byte arrays, echoed by a
// UDPServer's taken peer, and the error codes scripts see for common mistakes.
import { GutTest } from "gut";
import { PacketPeerUDP, UDPServer, Error as GodotError } from "godot";

export default class TestUdp extends GutTest {
  private server = new UDPServer();

  before_each(): void {
    this.assert_eq(this.server.listen(0, "127.0.0.1"), GodotError.OK);
  }

  after_each(): void {
    this.server.stop();
  }

  async test_put_var_dictionaries_with_bytes_are_echoed(): Promise<void> {
    const client = new PacketPeerUDP();
    this.assert_eq(client.connect_to_host("127.0.0.1", this.server.get_local_port()), GodotError.OK);
    const sent = { kind: "state", seq: 7, payload: new Uint8Array([0, 1, 254, 255]) };
    this.assert_eq(client.put_var(sent), GodotError.OK);

    const arrived = await this.wait_until(() => {
      this.server.poll();
      return this.server.is_connection_available();
    }, 2);
    this.assert_true(arrived, "the server saw the client");
    const peer = this.server.take_connection()!;
    const received = peer.get_var() as typeof sent;
    this.assert_eq(received.kind, "state");
    this.assert_eq(received.seq, 7);
    this.assert_eq(Array.from(received.payload), [0, 1, 254, 255]);
    this.assert_eq(peer.put_var(received), GodotError.OK);

    const echoed = await this.wait_until(() => client.get_available_packet_count() > 0, 2);
    this.assert_true(echoed, "the echo came back");
    const back = client.get_var() as typeof sent;
    this.assert_eq(Array.from(back.payload), [0, 1, 254, 255]);
    this.assert_eq(client.get_packet_ip(), "127.0.0.1");
  }

  test_misuse_returns_godot_error_codes(): void {
    const peer = new PacketPeerUDP();
    this.assert_eq(peer.put_packet(new Uint8Array([1])), GodotError.ERR_UNCONFIGURED, "no destination yet");
    this.assert_eq(peer.bind(0, "127.0.0.1"), GodotError.OK);
    this.assert_eq(peer.bind(0, "127.0.0.1"), GodotError.ERR_ALREADY_IN_USE, "bound twice");
    this.assert_eq(new PacketPeerUDP().bind(70000), GodotError.ERR_INVALID_PARAMETER, "port out of range");
    this.assert_eq(this.server.listen(0), GodotError.ERR_ALREADY_IN_USE, "listening twice");
    const empty = peer.get_packet();
    this.assert_eq(empty.length, 0);
    this.assert_eq(peer.get_packet_error(), GodotError.ERR_UNAVAILABLE, "nothing waiting");
    peer.close();
  }

  async test_sources_beyond_the_limit_wait_their_turn(): Promise<void> {
    this.server.max_pending_connections = 2;
    const clients = [0, 1, 2, 3].map(() => new PacketPeerUDP());
    clients.forEach((client, index) => {
      client.connect_to_host("127.0.0.1", this.server.get_local_port());
      client.put_packet(new Uint8Array([index]));
    });
    await this.wait_until(() => {
      this.server.poll();
      return false;
    }, 0.2);
    const order: number[] = [];
    while (this.server.is_connection_available()) {
      order.push(this.server.take_connection()!.get_packet()[0]);
    }
    this.assert_eq(order.join(","), "0,1,2,3", "every source is taken, oldest first, two pending at a time");
  }

  async test_no_pending_connections_refuses_new_sources(): Promise<void> {
    this.server.max_pending_connections = 0;
    const client = new PacketPeerUDP();
    client.connect_to_host("127.0.0.1", this.server.get_local_port());
    client.put_packet(new Uint8Array([1]));
    await this.wait_until(() => {
      this.server.poll();
      return false;
    }, 0.1);
    this.server.max_pending_connections = 16;
    this.server.poll();
    this.assert_false(this.server.is_connection_available(), "nothing was kept while the limit was 0");
  }
}
