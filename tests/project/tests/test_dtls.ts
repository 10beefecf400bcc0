// DTLS from a script, the way a game calls it: a UDPServer + DTLSServer echo side and
// PacketPeerDTLS clients over loopback. Godot's packet sizes (16 KiB records both ways, larger
// ones refused with the connection kept), the close_notify edge of Godot's usual receive loop,
// and the Quickdot extensions: the idle timeout, the handshake retransmission timer and the
// largest unfragmented packet.
import { GutTest } from "gut";
import {
  CryptoKey,
  DTLSServer,
  Error as GodotError,
  PacketPeerDTLS,
  PacketPeerUDP,
  TLSOptions,
  Time,
  UDPServer,
  X509Certificate,
} from "godot";

// A P-256 key and a self-signed certificate for localhost / 127.0.0.1, valid until 2126 (made
// with `openssl req -x509 -newkey ec`); test data only.
const KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgt1eqvgtGiBZqypLX
Zp0Gj6FUnid9GRdn52NQmUKpAt6hRANCAAQlM9AOdgPY1rGXqWQe3fEW1KIobDHY
Q6Gx3pDCDINiMeynWGCzihcvziiyCoR5gZ8ocSF2YF7WgnPuw9wDx1gm
-----END PRIVATE KEY-----
`;
const CERTIFICATE_PEM = `-----BEGIN CERTIFICATE-----
MIIBmzCCAUGgAwIBAgIUWxmqCx4xOcZ7kOPF40xnCP8wmuQwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwMzEzMTgwMVoYDzIxMjYxMTA5
MTMxODAxWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAQlM9AOdgPY1rGXqWQe3fEW1KIobDHYQ6Gx3pDCDINiMeynWGCzihcv
ziiyCoR5gZ8ocSF2YF7WgnPuw9wDx1gmo28wbTAdBgNVHQ4EFgQUUCtB1mbeTDp0
MI3UtJdZJhSsyXswHwYDVR0jBBgwFoAUUCtB1mbeTDp0MI3UtJdZJhSsyXswDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDSAAwRQIgFcJCI0xYgEU/GRHncg8BO9Np1/ijVGXLxtWZgxxOGuICIQCG
GaMVD1k8rgdthYCyxkSeJWlP8Xh/gjAHaZvzJYLrfg==
-----END CERTIFICATE-----
`;

function pattern(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    bytes[i] = (i * 31 + seed) & 0xff;
  }
  return bytes;
}

interface Client {
  udp: PacketPeerUDP;
  dtls: PacketPeerDTLS;
}

export default class TestDtls extends GutTest {
  private certificate = new X509Certificate();
  private udp_server = new UDPServer();
  private dtls_server = new DTLSServer();
  private peers: PacketPeerDTLS[] = [];

  before_all(): void {
    const key = new CryptoKey();
    this.assert_eq(key.load_from_string(KEY_PEM), GodotError.OK);
    this.assert_eq(this.certificate.load_from_string(CERTIFICATE_PEM), GodotError.OK);
    this.assert_eq(this.dtls_server.setup(TLSOptions.server(key, this.certificate)), GodotError.OK);
  }

  before_each(): void {
    this.assert_eq(this.udp_server.listen(0, "127.0.0.1"), GodotError.OK);
  }

  after_each(): void {
    this.peers = [];
    this.udp_server.stop();
  }

  // What a server script does every frame: take new peers, poll them all.
  private serve(): void {
    this.udp_server.poll();
    while (this.udp_server.is_connection_available()) {
      const peer = this.dtls_server.take_connection(this.udp_server.take_connection());
      if (peer !== null) {
        this.peers.push(peer);
      }
    }
    for (const peer of this.peers) {
      peer.poll();
    }
  }

  private connected_peer(): PacketPeerDTLS | null {
    return this.peers.find((peer) => peer.get_status() === PacketPeerDTLS.STATUS_CONNECTED) ?? null;
  }

  private async connect_client(): Promise<{ client: Client; peer: PacketPeerDTLS }> {
    const client: Client = { udp: new PacketPeerUDP(), dtls: new PacketPeerDTLS() };
    this.assert_eq(client.udp.connect_to_host("127.0.0.1", this.udp_server.get_local_port()), GodotError.OK);
    this.assert_eq(
      client.dtls.connect_to_peer(client.udp, "localhost", TLSOptions.client(this.certificate)),
      GodotError.OK,
    );
    const connected = await this.wait_until(() => {
      this.serve();
      client.dtls.poll();
      return client.dtls.get_status() === PacketPeerDTLS.STATUS_CONNECTED && this.connected_peer() !== null;
    }, 5);
    this.assert_true(connected, "the handshake completed");
    return { client, peer: this.connected_peer()! };
  }

  async test_16000_byte_packets_go_both_ways(): Promise<void> {
    const { client, peer } = await this.connect_client();
    const up = pattern(16000, 1);
    this.assert_eq(client.dtls.put_packet(up), GodotError.OK);
    this.assert_true(
      await this.wait_until(() => {
        this.serve();
        return peer.get_available_packet_count() > 0;
      }, 3),
      "the server received it",
    );
    this.assert_eq(peer.get_packet(), up, "one packet, intact");

    const down = pattern(16384, 2);
    this.assert_eq(peer.put_packet(down), GodotError.OK, "16384 bytes: a full record");
    // put_var too, up to a 16384-byte encoding.
    const state = { kind: "snapshot", payload: pattern(16000, 3) };
    this.assert_eq(peer.put_var(state), GodotError.OK);
    this.assert_true(
      await this.wait_until(() => {
        client.dtls.poll();
        return client.dtls.get_available_packet_count() === 2;
      }, 3),
      "the client received both",
    );
    this.assert_eq(client.dtls.get_packet(), down);
    const received = client.dtls.get_var() as typeof state;
    this.assert_eq(received.kind, "snapshot");
    this.assert_eq(received.payload, state.payload);
  }

  async test_16385_bytes_are_refused_and_the_connection_stays_up(): Promise<void> {
    const { client, peer } = await this.connect_client();
    this.assert_eq(client.dtls.put_packet(new Uint8Array(16385)), GodotError.ERR_INVALID_PARAMETER);
    this.assert_eq(
      client.dtls.put_var({ payload: new Uint8Array(16384) }),
      GodotError.ERR_INVALID_PARAMETER,
      "an encoding over 16384 bytes",
    );
    this.assert_eq(client.dtls.get_status(), PacketPeerDTLS.STATUS_CONNECTED);

    // The largest packet that needs no IP fragmentation (1200-byte datagrams), a Quickdot extension.
    const unfragmented = client.dtls.get_max_unfragmented_packet_size();
    this.assert_between(unfragmented, 1100, 1199);
    this.assert_eq(client.dtls.put_packet(pattern(unfragmented, 4)), GodotError.OK);
    this.assert_true(
      await this.wait_until(() => {
        this.serve();
        return peer.get_available_packet_count() > 0;
      }, 3),
      "the connection still carries packets",
    );
    this.assert_eq(peer.get_packet().length, unfragmented);
    this.assert_eq(peer.get_status(), PacketPeerDTLS.STATUS_CONNECTED);
  }

  async test_a_packet_and_the_close_notify_behind_it_are_read_with_godots_loop(): Promise<void> {
    const { client, peer } = await this.connect_client();
    this.assert_eq(peer.put_packet(pattern(100, 5)), GodotError.OK);
    peer.disconnect_from_peer();
    // Both datagrams wait in the client's socket, so the next poll() reads them together.
    this.assert_true(await this.wait_until(() => client.udp.get_available_packet_count() === 2, 3));

    client.dtls.poll();
    const received: Uint8Array[] = [];
    if (client.dtls.get_status() === PacketPeerDTLS.STATUS_CONNECTED) {
      while (client.dtls.get_available_packet_count() > 0) {
        received.push(client.dtls.get_packet());
      }
    }
    this.assert_eq(received, [pattern(100, 5)], "read while still CONNECTED");
    client.dtls.poll();
    this.assert_eq(client.dtls.get_status(), PacketPeerDTLS.STATUS_DISCONNECTED, "at the next poll");
  }

  async test_the_idle_timeout_detects_a_killed_peer(): Promise<void> {
    const { client, peer } = await this.connect_client();
    this.assert_eq(peer.get_idle_timeout(), 0, "off by default, as in Godot");
    peer.set_idle_timeout(0.3);
    this.assert_almost_eq(peer.get_idle_timeout(), 0.3, 1e-9);
    client.udp.close(); // The client process dies: no close_notify.
    const killed_at = Time.get_ticks_msec();
    this.assert_true(
      await this.wait_until(() => {
        this.serve();
        return peer.get_status() !== PacketPeerDTLS.STATUS_CONNECTED;
      }, 5),
      "the server noticed",
    );
    this.assert_eq(peer.get_status(), PacketPeerDTLS.STATUS_ERROR);
    this.assert_gte(Time.get_ticks_msec() - killed_at, 280);
  }

  async test_the_handshake_retransmission_timer_is_configurable(): Promise<void> {
    this.assert_almost_eq(
      new PacketPeerDTLS().get_handshake_retransmit_timeout(),
      0.25,
      1e-9,
      "default: 250 ms, not 1 s",
    );
    this.assert_almost_eq(this.dtls_server.get_handshake_retransmit_timeout(), 0.25, 1e-9);

    // Nobody answers: every ClientHello arrives at this socket.
    const silent = new PacketPeerUDP();
    this.assert_eq(silent.bind(0, "127.0.0.1"), GodotError.OK);
    const udp = new PacketPeerUDP();
    udp.connect_to_host("127.0.0.1", silent.get_local_port());
    const dtls = new PacketPeerDTLS();
    dtls.set_handshake_retransmit_timeout(0.1);
    this.assert_almost_eq(dtls.get_handshake_retransmit_timeout(), 0.1, 1e-9);
    this.assert_eq(
      dtls.connect_to_peer(udp, "localhost", TLSOptions.client(this.certificate)),
      GodotError.OK,
    );
    const started = Time.get_ticks_usec();
    const arrivals: number[] = [];
    this.assert_true(
      await this.wait_until(() => {
        dtls.poll();
        while (silent.get_available_packet_count() > 0) {
          silent.get_packet();
          arrivals.push((Time.get_ticks_usec() - started) / 1e6);
        }
        return arrivals.length >= 2;
      }, 3),
      "the ClientHello was sent again",
    );
    // OpenSSL fires a timer up to 15 ms early; frames make the arrival late, never early.
    this.assert_between(arrivals[1], 0.085, 0.25, "after about 100 ms, sooner than the 250 ms default");
    dtls.disconnect_from_peer();
  }
}
