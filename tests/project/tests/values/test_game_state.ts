// The README's game-state message: players with Vector3 positions and Quaternion rotations, a
// PackedFloat32Array of inputs, sent from a script and decoded unchanged — through the binary
// format and through a real UDP socket pair, as a Godot game would receive it.
import { GutTest } from "gut";
import { PacketPeerUDP, Quaternion, Vector3, bytes_to_var, var_to_bytes, Error as GodotError } from "godot";

interface Player {
  id: number;
  position: Vector3;
  rotation: Quaternion;
}

interface GameState {
  tick: number;
  players: Player[];
  inputs: Float32Array;
}

function make_state(): GameState {
  return {
    tick: 1200,
    players: [
      { id: 7, position: new Vector3(1.5, 0, -3), rotation: new Quaternion(new Vector3(0, 1, 0), 0.75) },
      { id: 9, position: new Vector3(-2, 0.5, 4), rotation: Quaternion.IDENTITY },
    ],
    inputs: new Float32Array([0.25, -1, 0]),
  };
}

export default class TestGameState extends GutTest {
  private check_state(back: GameState, sent: GameState): void {
    this.assert_eq(back.tick, sent.tick);
    this.assert_eq(back.players.length, 2);
    for (let i = 0; i < 2; i++) {
      this.assert_true(back.players[i].position instanceof Vector3, "position is a Vector3");
      this.assert_true(back.players[i].rotation instanceof Quaternion, "rotation is a Quaternion");
      this.assert_true(back.players[i].position.is_equal_approx(sent.players[i].position), "same position");
      this.assert_true(back.players[i].rotation.is_equal_approx(sent.players[i].rotation), "same rotation");
    }
    this.assert_true(back.inputs instanceof Float32Array, "inputs are a PackedFloat32Array");
    this.assert_eq([...back.inputs], [0.25, -1, 0]);
  }

  test_state_survives_the_binary_format(): void {
    const state = make_state();
    const bytes = var_to_bytes(state);
    this.check_state(bytes_to_var(bytes) as GameState, state);
    this.assert_eq([...var_to_bytes(bytes_to_var(bytes))], [...bytes], "re-encodes to the same bytes");
  }

  async test_state_survives_a_udp_round_trip(): Promise<void> {
    const receiver = new PacketPeerUDP();
    this.assert_eq(receiver.bind(0, "127.0.0.1"), GodotError.OK);
    const sender = new PacketPeerUDP();
    sender.set_dest_address("127.0.0.1", receiver.get_local_port());
    const state = make_state();
    this.assert_eq(sender.put_var(state), GodotError.OK);
    await this.wait_until(() => receiver.get_available_packet_count() > 0, 2);
    this.check_state(receiver.get_var() as GameState, state);
    receiver.close();
    sender.close();
  }
}
