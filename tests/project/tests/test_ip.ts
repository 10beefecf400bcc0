// IP: resolving "localhost" (the only name this machine is sure to have) blocking and through
// the non-blocking queue polled from frames, the cache, and the local interface list.
import { GutTest } from "gut";
import { IP } from "godot";

export default class TestIp extends GutTest {
  after_each(): void {
    IP.clear_cache();
  }

  test_resolve_hostname_localhost(): void {
    this.assert_eq(IP.resolve_hostname("localhost", IP.TYPE_IPV4), "127.0.0.1");
    const any = IP.resolve_hostname("localhost");
    this.assert_true(
      any === "127.0.0.1" || any === "::1",
      `TYPE_ANY gives a loopback address (got "${any}")`,
    );
    this.assert_has(IP.resolve_hostname_addresses("localhost", IP.TYPE_IPV4), "127.0.0.1");
    this.assert_eq(IP.resolve_hostname("10.1.2.3"), "10.1.2.3", "an address resolves to itself");
    this.assert_eq(IP.resolve_hostname("no-such-host.invalid"), "", "an unknown name gives an empty string");
  }

  async test_queued_lookup_is_polled_from_frames(): Promise<void> {
    const id = IP.resolve_hostname_queue_item("localhost", IP.TYPE_IPV4);
    this.assert_ne(id, IP.RESOLVER_INVALID_ID);
    // As a Godot game does it: check the status every frame until the worker is done.
    const done = await this.wait_until(
      () => IP.get_resolve_item_status(id) !== IP.RESOLVER_STATUS_WAITING,
      5,
    );
    this.assert_true(done, "the lookup finished");
    this.assert_eq(IP.get_resolve_item_status(id), IP.ResolverStatus.RESOLVER_STATUS_DONE);
    this.assert_eq(IP.get_resolve_item_address(id), "127.0.0.1");
    this.assert_eq(IP.get_resolve_item_addresses(id), ["127.0.0.1"]);
    IP.erase_resolve_item(id);
    this.assert_eq(IP.get_resolve_item_status(id), IP.RESOLVER_STATUS_NONE, "erased");

    const cached = IP.resolve_hostname_queue_item("localhost", IP.TYPE_IPV4);
    this.assert_eq(
      IP.get_resolve_item_status(cached),
      IP.RESOLVER_STATUS_DONE,
      "a cached name is done at once",
    );
    IP.erase_resolve_item(cached);
  }

  async test_unknown_name_ends_in_error_status(): Promise<void> {
    const id = IP.resolve_hostname_queue_item("no-such-host.invalid");
    await this.wait_until(() => IP.get_resolve_item_status(id) !== IP.RESOLVER_STATUS_WAITING, 10);
    this.assert_eq(IP.get_resolve_item_status(id), IP.RESOLVER_STATUS_ERROR);
    this.assert_eq(IP.get_resolve_item_address(id), "", "no address for a failed lookup");
    IP.erase_resolve_item(id);
  }

  test_bad_ids_are_refused(): void {
    this.assert_eq(IP.get_resolve_item_status(IP.RESOLVER_MAX_QUERIES), IP.RESOLVER_STATUS_NONE);
    this.assert_eq(IP.get_resolve_item_address(-1), "");
    this.assert_eq(IP.get_resolve_item_addresses(7).length, 0, "an id never queued");
  }

  test_local_interfaces_include_loopback(): void {
    this.assert_has(IP.get_local_addresses(), "127.0.0.1");
    const interfaces = IP.get_local_interfaces();
    // Untyped Dictionaries, as in Godot: a string-keyed one arrives as a plain object.
    const loopback = interfaces.find(
      (entry) =>
        !(entry instanceof Map) && Array.isArray(entry.addresses) && entry.addresses.includes("127.0.0.1"),
    );
    this.assert_not_null(loopback, "an interface holds 127.0.0.1");
    if (loopback && !(loopback instanceof Map)) {
      this.assert_eq(typeof loopback.name, "string");
      this.assert_eq(loopback.friendly, loopback.name);
      this.assert_eq(typeof loopback.index, "string", "the index is a String, as in Godot");
    }
  }
}
