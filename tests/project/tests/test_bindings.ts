// The script bindings as a game developer meets them: classes, enums, identity, lifetime,
// values, errors and async.
import { GutTest } from "gut";
import {
  Node,
  Object as GodotObject,
  RefCounted,
  PacketPeer,
  PacketPeerUDP,
  UDPServer,
  TLSOptions,
  Time,
  OS,
  Engine,
  Performance,
  Error as GodotError,
  GodotError as ErrorAlias,
  var_to_bytes,
  bytes_to_var,
  is_instance_valid,
  wait_signal,
} from "godot";

// Runs fn and returns the text of the TypeError it throws ("no error" when it throws none).
function type_error_of(test: GutTest, fn: () => unknown): string {
  try {
    fn();
    return "no error";
  } catch (error) {
    test.assert_true(error instanceof TypeError, "a TypeError is thrown");
    return String(error);
  }
}

export default class TestBindings extends GutTest {
  test_instanceof_follows_godot_inheritance(): void {
    const udp = new PacketPeerUDP();
    this.assert_true(udp instanceof PacketPeerUDP);
    this.assert_true(udp instanceof PacketPeer);
    this.assert_true(udp instanceof RefCounted);
    this.assert_true(udp instanceof GodotObject);
    this.assert_false(udp instanceof Node);
    this.assert_eq(udp.get_class(), "PacketPeerUDP");
    this.assert_true(udp.is_class("PacketPeer"));
  }

  test_abstract_classes_refuse_new(): void {
    const make = (cls: unknown): string => {
      try {
        new (cls as new () => unknown)();
        return "created";
      } catch (error) {
        return String(error);
      }
    };
    this.assert_string_contains(make(PacketPeer), "PacketPeer is abstract");
    this.assert_string_contains(make(TLSOptions), "TLSOptions.client()");
  }

  test_enums_both_ways_with_godot_values(): void {
    this.assert_eq(GodotError.ERR_ALREADY_IN_USE, 22);
    this.assert_eq(ErrorAlias.ERR_INVALID_PARAMETER, 31);
    this.assert_eq(Node.ProcessMode.PROCESS_MODE_ALWAYS, 3);
    this.assert_eq(Node.PROCESS_MODE_ALWAYS, 3);
    this.assert_eq(Time.Month.MONTH_MARCH, 3);
    this.assert_true(new Error("js error still works") instanceof Error, "JS's own Error is not shadowed");
  }

  test_singletons_are_objects_with_methods(): void {
    this.assert_gt(Time.get_ticks_usec(), 0);
    this.assert_eq(OS.get_name(), "Linux");
    this.assert_eq((Engine.get_version_info() as Record<string, unknown>)["major"], 4);
  }

  test_wrapper_identity_is_stable(): void {
    const server = new UDPServer();
    this.assert_eq(server.listen(0, "127.0.0.1"), GodotError.OK);
    const client = new PacketPeerUDP();
    client.connect_to_host("127.0.0.1", server.get_local_port());
    client.put_packet(new Uint8Array([1]));
    const node = new Node();
    this.add_child_autofree(node);
    this.assert_same(node.get_parent(), node.get_parent(), "the same native object gives the same wrapper");
    this.assert_same(node.get_tree(), this.get_tree());
    server.stop();
  }

  test_type_errors_name_class_method_and_argument(): void {
    const udp = new PacketPeerUDP();
    const call = (fn: () => unknown): string => type_error_of(this, fn);
    this.assert_string_contains(
      call(() => (udp as unknown as { bind(p: string): void }).bind("x")),
      "PacketPeerUDP.bind: argument 1 ('port') must be int, got string",
    );
    this.assert_string_contains(
      call(() => (udp as unknown as { put_packet(p: string): void }).put_packet("bytes")),
      "PacketPeer.put_packet",
    );
    this.assert_string_contains(
      call(() => (udp as unknown as { connect_to_host(): void }).connect_to_host()),
      "missing argument 1 ('host')",
    );
    this.assert_string_contains(
      call(() => (udp as unknown as { close(a: number): void }).close(1)),
      "takes 0 arguments",
    );
  }

  test_packets_cross_the_binding_as_views_and_fresh_arrays(): void {
    // get_packet and put_packet skip the generic conversion; what a script sees must not change.
    const receiver = new PacketPeerUDP();
    this.assert_eq(receiver.bind(0, "127.0.0.1"), GodotError.OK);
    const sender = new PacketPeerUDP();
    sender.connect_to_host("127.0.0.1", receiver.get_local_port());
    const backing = new Uint8Array([9, 1, 2, 3, 9]);
    this.assert_eq(
      sender.put_packet(backing.subarray(1, 4)),
      GodotError.OK,
      "a view sends only its own bytes",
    );
    this.assert_eq(sender.put_packet(new DataView(backing.buffer, 0, 2)), GodotError.OK);
    this.assert_eq(sender.put_packet(new Uint8Array(0)), GodotError.OK, "an empty packet sends nothing");
    receiver.wait();
    this.assert_eq(receiver.get_available_packet_count(), 2);
    const first = receiver.get_packet();
    this.assert_eq(Array.from(first), [1, 2, 3]);
    first[0] = 42; // A fresh array: writing to it changes nothing else.
    this.assert_eq(Array.from(receiver.get_packet()), [9, 1]);
    this.assert_eq(receiver.get_packet_error(), GodotError.OK);
    const empty = receiver.get_packet();
    this.assert_true(empty instanceof Uint8Array && empty.length === 0);
    this.assert_eq(receiver.get_packet_error(), GodotError.ERR_UNAVAILABLE);
    const refused = (fn: () => unknown): string => type_error_of(this, fn);
    const loose = sender as unknown as {
      put_packet(...args: unknown[]): number;
      get_packet(...args: unknown[]): Uint8Array;
    };
    this.assert_string_contains(
      refused(() => loose.put_packet()),
      "PacketPeer.put_packet: missing argument 1 ('buffer')",
    );
    this.assert_string_contains(
      refused(() => loose.put_packet([1, 2])),
      "PacketPeer.put_packet: argument 1 ('buffer')",
    );
    this.assert_string_contains(
      refused(() => loose.get_packet(1)),
      "PacketPeer.get_packet: takes 0 arguments",
    );
    this.assert_string_contains(
      refused(() => PacketPeer.prototype.get_packet.call(new UDPServer())),
      "PacketPeer.get_packet",
    );
    receiver.close();
    sender.close();
  }

  test_freed_node_throws_instead_of_crashing(): void {
    const node = new Node();
    node.free();
    this.assert_false(is_instance_valid(node));
    let message = "";
    try {
      node.get_name();
    } catch (error) {
      message = String(error);
    }
    this.assert_string_contains(message, "freed");
  }

  test_values_round_trip(): void {
    const value = {
      name: "peer",
      bytes: new Uint8Array([1, 2, 3]),
      list: [1, "two", 3.5, null, true],
      big: 2n ** 60n,
    };
    const back = bytes_to_var(var_to_bytes(value)) as typeof value;
    this.assert_eq(back.name, "peer");
    this.assert_eq(Array.from(back.bytes), [1, 2, 3]);
    this.assert_eq(back.list, [1, "two", 3.5, null, true]);
    this.assert_eq(back.big, 2n ** 60n, "integers beyond 2^53 come back as BigInt");
    const keyed = new Map<number, string>([
      [1, "one"],
      [2, "two"],
    ]);
    const keyed_back = bytes_to_var(var_to_bytes(keyed)) as Map<number, string>;
    this.assert_true(keyed_back instanceof Map, "non-string keys survive as a Map");
    this.assert_eq(keyed_back.get(2), "two");
  }

  test_refcounted_lifetime_100k_cycles_leave_memory_flat(): void {
    const cycle = (count: number): void => {
      for (let i = 0; i < count; i++) {
        const peer = new PacketPeerUDP();
        peer.is_bound();
      }
    };
    cycle(1000); // Warm up allocator pools before measuring.
    const objects_before = Performance.get_monitor(Performance.OBJECT_COUNT);
    const heap_before = Performance.get_monitor(Performance.MEMORY_STATIC);
    cycle(100000);
    const objects_after = Performance.get_monitor(Performance.OBJECT_COUNT);
    const heap_growth = Performance.get_monitor(Performance.MEMORY_STATIC) - heap_before;
    this.assert_lt(objects_after - objects_before, 10, "every dropped wrapper released its object");
    this.assert_lt(
      heap_growth,
      1024 * 1024,
      `heap grew by ${heap_growth} bytes over 100k create/drop cycles`,
    );
  }

  test_script_subclass_state_survives_native_holding(): void {
    const holder = new Node();
    this.add_child_autofree(holder);
    class Scored extends Node {
      score = 41;
      bump(): number {
        return ++this.score;
      }
    }
    holder.add_child(new Scored());
    const again = holder.get_child(0) as Scored;
    this.assert_eq(again.bump(), 42, "the script state lives on the node's wrapper");
  }

  async test_await_timer_signal_and_frames(): Promise<void> {
    const tree = this.get_tree();
    const start = tree.get_frame();
    await wait_signal(tree, "process_frame");
    await wait_signal(tree, "process_frame");
    this.assert_gte(tree.get_frame() - start, 1);
    const before = Time.get_ticks_msec();
    await wait_signal(tree.create_timer(0.05), "timeout");
    // Timers count frame deltas, and the first delta may start before the timer did (as in Godot).
    this.assert_between(Time.get_ticks_msec() - before, 30, 1000);
    const emitter = new Node();
    this.add_child_autofree(emitter);
    emitter.add_user_signal("hit");
    const pending = wait_signal(emitter, "hit");
    emitter.emit_signal("hit", 7, "x");
    this.assert_eq(await pending, [7, "x"]);
  }
}
