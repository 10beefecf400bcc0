// Which object results may be null. The API dump marks a result "required" (never null) only for a
// few factories; every other object result would be `T | null`, and scripts would write `!` after
// calls that never return null in normal use. The curated list below makes those non-null.
//
// The rule: a result stays `T | null` where a script must expect null while everything is right
// (a lookup that can miss, a queue that can be empty, an optional part of a connection). It is
// non-null where Godot returns null only after printing an error for a bug in the call (a node
// path that does not exist, get_tree() outside the tree, a factory given invalid arguments): the
// script is wrong then, and the TypeError at the next use points at it.
//
// Stays nullable, for example: DTLSServer/UDPServer.take_connection (no new peer), Node.get_node_or_null,
// find_child, get_parent (the root has none), SceneTree.get_first_node_in_group, FileAccess.open (the
// file may be missing), ResourceLoader.load and get_cached_ref, PacketPeerDTLS.get_peer_certificate (a
// client without a certificate), TLSOptions.get_* (parts the options may not have).

const NON_NULL_RESULTS: ReadonlySet<string> = new Set([
  "Crypto.generate_rsa",
  "Crypto.generate_ec",
  "Crypto.generate_self_signed_certificate",
  "Engine.get_main_loop",
  "Node.get_child",
  "Node.get_node",
  "Node.get_tree",
  "SceneTree.get_root",
  "TLSOptions.pin_public_keys",
  "TLSOptions.check_revocation",
  "TLSOptions.with_certificate",
  "TLSOptions.require_client_certificate",
  "TLSOptions.client_psk",
  "TLSOptions.server_psk",
]);

/** The "meta" to map `Class.method`'s object result with (a property's: its getter's): "required" when it is never null. */
export function resultMeta(
  className: string,
  member: string,
  dumpMeta: string | undefined,
): string | undefined {
  return NON_NULL_RESULTS.has(`${className}.${member}`) ? "required" : dumpMeta;
}

/** Entries of the list that name nothing in the dump: a renamed method must not keep its `!` away silently. */
export function unusedNonNullEntries(has: (className: string, member: string) => boolean): string[] {
  return [...NON_NULL_RESULTS].filter((entry) => {
    const [className, member] = entry.split(".");
    return !has(className, member);
  });
}
