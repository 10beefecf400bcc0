// Hand-written doc comments, merged into godot.d.ts by the generator. Written for Quickdot from
// shared/spec/NETWORKING.md (not copied from Godot's class reference); where Quickdot behaves
// differently from Godot 4.6, the text says so.
//
// Keys: "Class", "Class.member" (method, property, constant or signal), "Class.Enum",
// "Class.Enum.VALUE", "Class.method.argument", and the same without "Class." for global enums and
// utility functions. The generator warns about keys that match nothing in the dump.

export const DOCS: Readonly<Record<string, string>> = {
  // ---- Global Error enum ----
  Error:
    "Result codes of engine methods: `OK` (0) on success, otherwise the reason for the failure.\n" +
    "Methods that return an Error report state problems this way and never throw for them; a\n" +
    "failure a script could act on is also printed on stderr in words.",
  "Error.OK": "Success.",
  "Error.FAILED": "Failure without a more specific code.",
  "Error.ERR_UNAVAILABLE":
    "Nothing is there to take, such as no packet waiting, or the resource is not available.",
  "Error.ERR_UNCONFIGURED":
    "The object is not set up for this call yet (not listening, not connected, not started).",
  "Error.ERR_UNAUTHORIZED":
    "Refused by a safety setting, such as decoding an object while objects are not allowed.",
  "Error.ERR_OUT_OF_MEMORY": "Out of memory, or a size limit was exceeded.",
  "Error.ERR_CANT_OPEN": "A file or socket could not be opened.",
  "Error.ERR_CANT_CREATE": "A file or socket could not be created.",
  "Error.ERR_ALREADY_IN_USE":
    "The object is already busy with something that must end first (bound, listening, connecting).",
  "Error.ERR_LOCKED":
    "The object is owned by another one and cannot be changed this way (a UDPServer's peer, for example).",
  "Error.ERR_TIMEOUT": "The operation did not finish in time.",
  "Error.ERR_CANT_CONNECT": "No connection could be made.",
  "Error.ERR_CANT_RESOLVE": "A host name could not be resolved to an address.",
  "Error.ERR_CONNECTION_ERROR": "The connection failed or was lost.",
  "Error.ERR_INVALID_DATA": "Received or loaded data is malformed.",
  "Error.ERR_INVALID_PARAMETER": "An argument is invalid for this call.",
  "Error.ERR_BUSY": "The resource is busy; try again later.",

  // ---- PacketPeer ----
  PacketPeer:
    "Abstract base of the objects that exchange whole packets (datagrams) instead of a byte stream:\n" +
    "PacketPeerUDP and PacketPeerDTLS. Methods report problems through their `Error` result and never\n" +
    "throw for them; calling one on a freed object throws.",
  "PacketPeer.get_var":
    "Takes the next packet and decodes it as a value in Godot 4's binary Variant encoding (the format of\n" +
    "`var_to_bytes`). Returns `null` when no packet is waiting or the packet cannot be decoded: malformed\n" +
    "or truncated data (ERR_INVALID_DATA), or an encoded object while `allow_objects` is false\n" +
    "(ERR_UNAUTHORIZED). Decoding never reads past the end of the packet. The reason is printed.",
  "PacketPeer.get_var.allow_objects":
    "Also decode objects sent with all their properties. Leave it off for data from untrusted peers.",
  "PacketPeer.put_var":
    "Encodes `var` in Godot 4's binary Variant encoding (byte for byte what Godot produces, so a Godot\n" +
    "game can decode it) and sends it as one packet. Returns ERR_OUT_OF_MEMORY when the encoding is\n" +
    "larger than `encode_buffer_max_size`, otherwise the result of sending the packet.",
  "PacketPeer.put_var.full_objects":
    "Encode objects with their properties rather than as an instance id; the receiver must allow objects.",
  "PacketPeer.get_packet":
    "Removes the next received packet and returns its bytes. When nothing is waiting it returns an empty\n" +
    "array, and `get_packet_error()` says why.",
  "PacketPeer.put_packet":
    "Sends `buffer` as one packet (one datagram). Returns OK, or the reason it was not sent.",
  "PacketPeer.get_packet_error":
    "The result of the latest `get_packet()` call: OK when it returned a packet. `get_var()` leaves it unchanged.",
  "PacketPeer.get_available_packet_count": "How many received packets are waiting to be read.",
  "PacketPeer.get_encode_buffer_max_size": "See the `encode_buffer_max_size` property.",
  "PacketPeer.set_encode_buffer_max_size": "See the `encode_buffer_max_size` property.",
  "PacketPeer.encode_buffer_max_size":
    "The largest encoding `put_var` may produce, in bytes; 8 MiB by default. A new value is rounded up\n" +
    "to a power of two; values below 1024 or above 256 MiB are refused and the old size stays.",

  // ---- PacketPeerUDP ----
  PacketPeerUDP:
    "A UDP socket that sends and receives datagrams over IPv4 or IPv6. Use it as a client with\n" +
    "`connect_to_host`, as a receiver with `bind`, or get one per remote address from\n" +
    "`UDPServer.take_connection()`. Behaves as Godot 4.6's, error codes included.",
  "PacketPeerUDP.bind":
    "Opens the socket and binds it to `port` on `bind_address`, to receive datagrams. Returns\n" +
    "ERR_ALREADY_IN_USE if the socket is already open, ERR_INVALID_PARAMETER for a bad address or a\n" +
    "port outside 0-65535, ERR_CANT_CREATE when no socket can be opened, or the system's bind error.",
  "PacketPeerUDP.bind.port": "Local port; 0 lets the system pick a free one (see `get_local_port()`).",
  "PacketPeerUDP.bind.bind_address":
    '`"*"` for every local address (IPv4 and IPv6), or an IPv4 or IPv6 literal. Host names are not resolved.',
  "PacketPeerUDP.bind.recv_buf_size": "Bytes reserved for received datagrams waiting to be read.",
  "PacketPeerUDP.close":
    "Closes the socket and discards queued datagrams. A peer taken from a UDPServer only detaches from it.",
  "PacketPeerUDP.wait":
    "Blocks until a datagram is ready to read, without reading it. Returns ERR_UNAVAILABLE when the\n" +
    "socket is not open. It stops the whole engine while it waits, so avoid it in a game loop.",
  "PacketPeerUDP.is_bound": "Whether the socket is open: after `bind`, `connect_to_host`, or a first send.",
  "PacketPeerUDP.connect_to_host":
    "Ties the socket to one remote address: packets go there and only its datagrams are received. Opens\n" +
    "the socket on a free port first if needed. `host` must be an IPv4 or IPv6 literal (no name\n" +
    "resolution). Returns ERR_LOCKED for a peer owned by a UDPServer, ERR_INVALID_PARAMETER for a bad\n" +
    "address or a port outside 1-65535, ERR_CANT_OPEN when no socket can be opened, FAILED when the\n" +
    "system refuses. Required before `PacketPeerDTLS.connect_to_peer`.",
  "PacketPeerUDP.is_socket_connected":
    "Whether the socket is tied to one remote address (`connect_to_host`, or a peer from a UDPServer).",
  "PacketPeerUDP.get_packet_ip": "The sender's address of the packet last returned by `get_packet()`.",
  "PacketPeerUDP.get_packet_port": "The sender's port of the packet last returned by `get_packet()`.",
  "PacketPeerUDP.get_local_port": "The local port the socket is bound to.",
  "PacketPeerUDP.set_dest_address":
    "Chooses where `put_packet` sends, without tying the socket to that address. Unlike\n" +
    "`connect_to_host`, this resolves host names (ERR_CANT_RESOLVE when that fails). Refused on a\n" +
    "connected socket.",
  "PacketPeerUDP.set_broadcast_enabled":
    "Allows sending to broadcast addresses (off by default). Ignored for peers owned by a UDPServer.",
  "PacketPeerUDP.join_multicast_group":
    "Starts receiving datagrams sent to the group `multicast_address` on the network interface\n" +
    "`interface_name`, opening the socket if needed. Returns ERR_LOCKED for a peer owned by a UDPServer\n" +
    "and ERR_INVALID_PARAMETER for an address that is not a multicast group.",
  "PacketPeerUDP.leave_multicast_group":
    "Stops receiving a group joined with `join_multicast_group`. Returns ERR_UNCONFIGURED when the\n" +
    "socket is not open and ERR_LOCKED for a peer owned by a UDPServer.",

  // ---- UDPServer ----
  UDPServer:
    'Accepts UDP "connections": one socket listens on a port, and each new remote address (IP and\n' +
    "port) becomes a PacketPeerUDP that you take with `take_connection()`. Call `poll()` regularly,\n" +
    "typically every frame. Quickdot routes each datagram to its peer in constant time, however many\n" +
    "peers there are (Godot searches a list).",
  "UDPServer.listen":
    "Starts listening on `port` at `bind_address`. Returns ERR_ALREADY_IN_USE when already listening,\n" +
    "ERR_INVALID_PARAMETER for a bad address, ERR_CANT_CREATE when no socket can be opened, or the\n" +
    "system's bind error.",
  "UDPServer.listen.bind_address": '`"*"` for every local address, or an IPv4 or IPv6 literal.',
  "UDPServer.poll":
    "Reads every datagram waiting on the socket and hands each to the peer for its source address. A\n" +
    "datagram from a new source creates a pending connection; when `max_pending_connections` are\n" +
    "already pending it waits (up to 256 KiB of such datagrams, then they are dropped) and becomes a\n" +
    "pending connection as `take_connection()` frees a slot. Godot drops it at once, which stalls a\n" +
    "burst of new clients. Returns ERR_UNCONFIGURED when not listening.",
  "UDPServer.is_connection_available":
    "Whether a pending connection waits for `take_connection()`. It does not read the socket: call `poll()` first.",
  "UDPServer.get_local_port": "The port the server listens on.",
  "UDPServer.is_listening": "Whether `listen` succeeded and `stop` was not called since.",
  "UDPServer.take_connection":
    "Returns the oldest pending connection, its first datagram already queued, or `null` when none is\n" +
    "waiting. The peer keeps receiving its source's datagrams for as long as a script or a\n" +
    "PacketPeerDTLS holds it; once it is dropped, the next datagram from that address is a new pending\n" +
    "connection.",
  "UDPServer.stop": "Closes the socket, detaches the peers already taken and discards the pending ones.",
  "UDPServer.set_max_pending_connections": "See the `max_pending_connections` property.",
  "UDPServer.get_max_pending_connections": "See the `max_pending_connections` property.",
  "UDPServer.max_pending_connections":
    "How many connections may wait to be taken at a time (16 by default); further new sources wait\n" +
    "their turn (see `poll()`), and 0 refuses every new source. Changing it keeps the pending\n" +
    "connections that fit: lowering it drops only those over the new limit.\n" +
    "(Godot 4.6 drops every pending connection when the limit is raised.)",

  // ---- PacketPeerDTLS ----
  PacketPeerDTLS:
    "A DTLS connection (TLS for datagrams) over a PacketPeerUDP. Clients start one with\n" +
    "`connect_to_peer`; servers get one from `DTLSServer.take_connection`. Nothing happens between\n" +
    "calls to `poll()`, so call it regularly (every frame) and then read the waiting packets.\n" +
    "\n" +
    "While connected, one `put_packet` sends one record in one datagram. Quickdot differs from Godot\n" +
    "4.6 here: a payload larger than the largest record the connection can send is refused with\n" +
    "ERR_INVALID_PARAMETER and the connection stays up (Godot closes it), and `get_packet()` with\n" +
    "nothing waiting returns an empty array with ERR_UNAVAILABLE (Godot reports OK). The handshake\n" +
    "never sends datagrams larger than about 1200 bytes, fragmenting large certificate chains, so it\n" +
    "also works over paths that drop IP fragments.",
  "PacketPeerDTLS.poll":
    "Moves the connection forward: reads incoming records, runs the handshake, retransmits lost\n" +
    "handshake messages (with doubling back-off) and handles alerts. While connected it decrypts every\n" +
    "record that has arrived, so `get_available_packet_count()` is then the true number of packets\n" +
    "waiting (Godot makes at most one packet available per poll).",
  "PacketPeerDTLS.connect_to_peer":
    "Starts a client handshake over `packet_peer`: sends the ClientHello at once, moves to\n" +
    "STATUS_HANDSHAKING and returns OK. Returns ERR_INVALID_PARAMETER when `packet_peer` is null or was\n" +
    "not connected with `PacketPeerUDP.connect_to_host`, and ERR_ALREADY_IN_USE while handshaking or\n" +
    "connected. Then call `poll()` until the status is STATUS_CONNECTED or an error.",
  "PacketPeerDTLS.connect_to_peer.packet_peer":
    "A UDP peer already connected to the server with `connect_to_host`.",
  "PacketPeerDTLS.connect_to_peer.hostname":
    "The server's name: sent as SNI, and checked against its certificate unless the options override the name.",
  "PacketPeerDTLS.connect_to_peer.client_options":
    "How to verify the server; `null` means `TLSOptions.client()` (the system's CA store and `hostname`).",
  "PacketPeerDTLS.get_status": "The state of the connection; see `PacketPeerDTLS.Status`.",
  "PacketPeerDTLS.disconnect_from_peer":
    "Closes the connection: sends close_notify when connected, then the status is STATUS_DISCONNECTED\n" +
    "whatever it was, errors included (Godot leaves an errored peer in STATUS_ERROR). The object can\n" +
    "connect again.",
  "PacketPeerDTLS.get_error_reason":
    'Why the connection failed, in the words that were printed ("certificate verify failed:\n' +
    'certificate revoked", "public key pin mismatch", "handshake timed out after 30 s"...): empty\n' +
    "unless the status is STATUS_ERROR or STATUS_ERROR_HOSTNAME_MISMATCH. For a game to show its player.\n" +
    "```ts\n" +
    "if (dtls.get_status() === PacketPeerDTLS.STATUS_ERROR) status_label.text = dtls.get_error_reason();\n" +
    "```",
  "PacketPeerDTLS.get_peer_certificate":
    "The certificate the peer presented (on a server, the client's, with\n" +
    "`TLSOptions.require_client_certificate()`), from the end of the handshake on; `null` before it or\n" +
    "when the peer sent none (PSK).\n" +
    "```ts\n" +
    "const player = peer.get_peer_certificate();\n" +
    "if (player !== null) print(`${player.get_subject()} joined`);\n" +
    "```",
  "PacketPeerDTLS.get_psk_identity":
    "On a server with `TLSOptions.server_psk()`: the identity the client connected with; else empty.\n" +
    "```ts\n" +
    "if (peer.get_status() === PacketPeerDTLS.STATUS_CONNECTED) players.set(peer.get_psk_identity(), peer);\n" +
    "```",
  "PacketPeerDTLS.get_max_unfragmented_packet_size":
    "The largest `put_packet` payload that travels in one datagram of at most 1200 bytes, so IP never\n" +
    "fragments it: exact once connected (it depends on the negotiated cipher, e.g. 1163 with AES-GCM),\n" +
    "a safe lower bound before. Larger packets, up to 16384 bytes, are still sent, as Godot sends them.",
  "PacketPeerDTLS.set_idle_timeout":
    "Ends a connection whose peer has sent nothing for `seconds` in STATUS_ERROR (after a close_notify,\n" +
    "in case it is only quiet). 0, the default as in Godot, waits forever.\n" +
    "```ts\n" +
    "peer.set_idle_timeout(10); // A player gone for 10 s is dropped.\n" +
    "```",
  "PacketPeerDTLS.get_idle_timeout": "The idle timeout in seconds; 0 when none is set.",
  "PacketPeerDTLS.set_handshake_retransmit_timeout":
    "The first handshake retransmission interval, in seconds, for the handshakes started from now on\n" +
    "(default 0.25; OpenSSL and Godot use 1). It doubles after each retransmission up to 8 s.",
  "PacketPeerDTLS.get_handshake_retransmit_timeout":
    "The first handshake retransmission interval, in seconds.",
  "PacketPeerDTLS.Status": "The state of a DTLS connection, as returned by `get_status()`.",
  "PacketPeerDTLS.Status.STATUS_DISCONNECTED":
    "Not connected: not started yet, closed with `disconnect_from_peer()`, or closed by the other side (close_notify).",
  "PacketPeerDTLS.Status.STATUS_HANDSHAKING":
    "The handshake is under way; keep calling `poll()`. On a server this includes the cookie exchange.",
  "PacketPeerDTLS.Status.STATUS_CONNECTED": "The handshake is complete: packets can be sent and received.",
  "PacketPeerDTLS.Status.STATUS_ERROR":
    "The connection failed: the handshake failed or timed out, the certificate chain did not verify, a\n" +
    "fatal alert arrived, or a record failed authentication. The reason is printed, and\n" +
    "`get_error_reason()` returns it. Drop the peer or connect again.",
  "PacketPeerDTLS.Status.STATUS_ERROR_HOSTNAME_MISMATCH":
    "The server's certificate is not valid for the expected name. Quickdot reports this whenever the\n" +
    "name check fails; Godot 4.6 usually reports plain STATUS_ERROR for it.",

  // ---- DTLSServer ----
  DTLSServer:
    "The server side of DTLS: turns the PacketPeerUDP connections of a UDPServer into PacketPeerDTLS\n" +
    "peers. It runs the stateless cookie exchange that protects against spoofed source addresses, so\n" +
    "a source holds only a small, bounded amount of state until it proves its address, and never gets\n" +
    "more bytes back than it sent.",
  "DTLSServer.setup":
    "Sets the key and certificate for new connections, from `TLSOptions.server()` (or the keys of\n" +
    "`TLSOptions.server_psk()`). Returns ERR_INVALID_PARAMETER unless the options are server options\n" +
    "whose key matches the certificate.\n" +
    "May be called again; later connections use the new options (Godot accepts only one call).",
  "DTLSServer.set_handshake_retransmit_timeout":
    "The first handshake retransmission interval, in seconds, for the peers taken from now on\n" +
    "(default 0.25); see `PacketPeerDTLS.set_handshake_retransmit_timeout`.",
  "DTLSServer.get_handshake_retransmit_timeout":
    "The first handshake retransmission interval given to new peers, in seconds.",
  "DTLSServer.take_connection":
    "Wraps a peer from `UDPServer.take_connection()` and starts the server handshake. The returned peer\n" +
    "is in STATUS_HANDSHAKING, also for a client's first ClientHello without a cookie: the cookie\n" +
    "exchange completes inside that same peer (Godot returns an errored peer there, to be dropped).\n" +
    "Keep it and `poll()` it; a handshake that never completes ends in STATUS_ERROR after a timeout.\n" +
    "Returns `null`, and prints why, when `setup` was not called or the UDP peer is null or unusable.",

  // ---- TLSOptions ----
  TLSOptions:
    "How a TLS or DTLS endpoint proves or checks identities. Made only by the static factories\n" +
    "`client()`, `client_unsafe()` and `server()`; `new TLSOptions()` is refused, as in Godot.",
  "TLSOptions.client":
    "Options for a client that verifies the server: its certificate chain against `trusted_chain`\n" +
    "(the system's CA store when null) and its name against `common_name_override` when set, else the\n" +
    "host name given to `connect_to_peer`. The name is also sent as SNI.",
  "TLSOptions.client.trusted_chain": "CA certificates to trust instead of the system's store.",
  "TLSOptions.client.common_name_override":
    "The name the server's certificate must carry, if not the connection's host name.",
  "TLSOptions.client_unsafe":
    "Options for a client that does not check the server's name. Without `trusted_chain` nothing is\n" +
    "verified at all, so anyone on the path can impersonate the server: use it for tests only.",
  "TLSOptions.client_unsafe.trusted_chain":
    "When given, the server's chain must still verify against these certificates.",
  "TLSOptions.server":
    "Options for a server: its private key and its certificate (a chain read from one PEM file works, server certificate first).",
  "TLSOptions.is_server": "Whether these options were made by `server()`.",
  "TLSOptions.is_unsafe_client": "Whether these options were made by `client_unsafe()`.",
  "TLSOptions.get_common_name_override": "The name given to `client()`, or an empty string.",
  "TLSOptions.get_trusted_ca_chain": "The certificates given to `client()` or `client_unsafe()`, or `null`.",
  "TLSOptions.get_private_key": "The key given to `server()`, or `null`.",
  "TLSOptions.get_own_certificate": "The certificate given to `server()`, or `null`.",
  "TLSOptions.pin_public_keys":
    "A copy of these options that also requires the peer's certificate chain to hold a public key\n" +
    "with one of `pins`. On `client_unsafe()` options the pin replaces CA verification (only the\n" +
    "leaf certificate's key counts): a self-signed server known by its key. On `client(ca)` options\n" +
    "it is checked in addition, against every key of the verified chain. On server options it pins\n" +
    "client certificates (with `require_client_certificate()`). A mismatch ends the handshake in\n" +
    'STATUS_ERROR with "public key pin mismatch". Returns `null`, printing why, for a malformed pin.\n' +
    "```ts\n" +
    "// The pin shipped with the game: server_certificate.get_public_key_pin(), or\n" +
    "// openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64\n" +
    'const options = TLSOptions.client_unsafe().pin_public_keys(["sha256/jnslSGgIiMqB+byJpIZGz99rD1j9IqlYJR8BiftfK64="]);\n' +
    'dtls.connect_to_peer(udp, "203.0.113.7", options);\n' +
    "```",
  "TLSOptions.pin_public_keys.pins":
    '`"sha256/<base64>"`: the SHA-256 of a DER SubjectPublicKeyInfo, as curl\'s `--pinnedpubkey` and OkHttp write it.',
  "TLSOptions.check_revocation":
    "A copy of these options that checks every certificate of the peer's verified chain against\n" +
    '`crl_pem`: a revoked one ends the handshake in STATUS_ERROR ("certificate revoked"), and so\n' +
    "does a certificate whose issuer has no CRL among them. An empty string checks nothing. Needs a\n" +
    "verified chain (not `client_unsafe()` without one). Returns `null`, printing why, for text that\n" +
    "is not PEM CRLs.\n" +
    "```ts\n" +
    'const crl = FileAccess.get_file_as_string("res://certs/ca.crl"); // openssl ca -gencrl\n' +
    "const options = TLSOptions.client(ca).check_revocation(crl);\n" +
    "```",
  "TLSOptions.check_revocation.crl_pem":
    "One or more CRLs in PEM, concatenated (`-----BEGIN X509 CRL-----` blocks).",
  "TLSOptions.with_certificate":
    "A copy of these client options that presents `certificate` (with its `key`) to a server that\n" +
    "asks for one: mutual authentication. Returns `null`, printing why, on server or PSK options.\n" +
    "```ts\n" +
    "const options = TLSOptions.client(ca).with_certificate(player_key, player_certificate);\n" +
    "```",
  "TLSOptions.require_client_certificate":
    "A copy of these server options that asks each client for a certificate and verifies it against\n" +
    "`trusted_chain`. With `required` (the default) a client that sends none fails the handshake; with\n" +
    "`required = false` one is verified when sent. `PacketPeerDTLS.get_peer_certificate()` then tells\n" +
    "who connected.\n" +
    "```ts\n" +
    "dtls_server.setup(TLSOptions.server(key, certificate).require_client_certificate(players_ca));\n" +
    "// ...once a peer is connected:\n" +
    "const player = peer.get_peer_certificate(); // Signed by players_ca.\n" +
    "```",
  "TLSOptions.require_client_certificate.trusted_chain":
    "The CA certificates that issue the clients' certificates.",
  "TLSOptions.require_client_certificate.required": "Whether a client without a certificate is refused.",
  "TLSOptions.client_psk":
    "Client options that authenticate both sides with a pre-shared key instead of certificates\n" +
    "((EC)DHE-PSK or PSK suites with AEAD; interoperates with `openssl s_server -psk` and gnutls\n" +
    "`--pskkey`). The `hostname` given to `connect_to_peer` is not checked. Returns `null`, printing\n" +
    "why, for an empty identity or key.\n" +
    "```ts\n" +
    'const options = TLSOptions.client_psk("player1", key_bytes); // key_bytes: 16 or more random bytes\n' +
    'dtls.connect_to_peer(udp, "", options);\n' +
    "```",
  "TLSOptions.client_psk.identity": "The name the server knows the key by (1 to 128 bytes).",
  "TLSOptions.client_psk.key": "The shared secret (1 to 256 bytes; use 16 or more random bytes).",
  "TLSOptions.server_psk":
    "Server options that accept clients by pre-shared key: `keys` maps each identity to its key. An\n" +
    'unknown identity fails the handshake ("unknown PSK identity"); `PacketPeerDTLS.get_psk_identity()`\n' +
    "tells which one connected.\n" +
    "```ts\n" +
    'dtls_server.setup(TLSOptions.server_psk(new Map([["player1", key1], ["player2", key2]])));\n' +
    "```",
  "TLSOptions.server_psk.keys": "Identity (String) to key (PackedByteArray).",

  // ---- Crypto ----
  Crypto:
    "Cryptographic helpers, implemented with OpenSSL: secure random bytes, RSA keys, self-signed\n" +
    "certificates, signatures, RSA encryption, HMAC and constant-time comparison.",
  "Crypto.generate_random_bytes": "`size` bytes from a cryptographically secure random generator.",
  "Crypto.generate_ec":
    'A new elliptic-curve key: `"P-256"` (the default) or `"P-384"`. Its certificates are\n' +
    "smaller and its handshakes faster than RSA-2048's. Returns `null`, printing why, for another\n" +
    "name; Ed25519 is refused because DTLS 1.2 in OpenSSL 3.0 has no cipher suite for it.\n" +
    "```ts\n" +
    "const key = crypto.generate_ec();\n" +
    'const certificate = crypto.generate_self_signed_certificate(key, "CN=game.example.com");\n' +
    "```",
  "Crypto.generate_ec.curve": '`"P-256"` or `"P-384"`.',
  "Crypto.generate_rsa":
    "Generates a new RSA private key of `size` bits (2048 or more for real use; larger keys take longer).\n" +
    "Returns `null` on failure.",
  "Crypto.generate_self_signed_certificate":
    "Creates a certificate for `key`, signed with that same key: `issuer_name` is both subject and\n" +
    "issuer, and it is valid from `not_before` to `not_after`. The defaults are Godot's. Fine for tests\n" +
    "and for clients that pin this certificate with `TLSOptions.client(cert)`.",
  "Crypto.generate_self_signed_certificate.issuer_name":
    "A distinguished name such as `CN=localhost,O=Example,C=US`.",
  "Crypto.generate_self_signed_certificate.not_before": "Start of validity, `YYYYMMDDhhmmss` in UTC.",
  "Crypto.generate_self_signed_certificate.not_after": "End of validity, `YYYYMMDDhhmmss` in UTC.",
  "Crypto.sign":
    "Signs `hash`, a digest already computed with `hash_type`, with the private `key`. Returns the\n" +
    "signature, or an empty array on failure.",
  "Crypto.verify": "Whether `signature` is a valid signature of `hash` by the private part of `key`.",
  "Crypto.encrypt":
    "Encrypts `plaintext` for the holder of `key`'s private part (RSA). The message must be shorter\n" +
    "than the key size allows. Returns an empty array on failure.",
  "Crypto.decrypt":
    "Decrypts data made by `encrypt` with the private `key`. Returns an empty array on failure.",
  "Crypto.hmac_digest": "The HMAC of `msg` under `key`, using `hash_type`.",
  "Crypto.constant_time_compare":
    "Whether two byte arrays are equal, taking the same time wherever they differ; use it to check\n" +
    "secrets such as MACs or tokens. False when the lengths differ.",

  // ---- CryptoKey ----
  CryptoKey:
    "A private key, or only the public part of one, loaded from or saved to PEM text or files\n" +
    "(`res://`, `user://`). RSA and EC keys in PEM both load and both work for DTLS; they are made with\n" +
    "`Crypto.generate_rsa` and (a Quickdot extension) `Crypto.generate_ec`. Private keys save as Godot\n" +
    "saves them (`RSA PRIVATE KEY` / `EC PRIVATE KEY`); PKCS#8 `PRIVATE KEY` files load too.",
  "CryptoKey.save":
    "Writes the key as PEM to `path`. Returns OK, or the error that kept the file from being written.",
  "CryptoKey.save.public_only": "Write only the public part.",
  "CryptoKey.load":
    "Reads a PEM key from `path`. Returns OK, or an error when the file cannot be read or holds no such key.",
  "CryptoKey.load.public_only": "The file holds a public key only.",
  "CryptoKey.is_public_only": "Whether only the public part of the key is held.",
  "CryptoKey.save_to_string": "The key as PEM text.",
  "CryptoKey.save_to_string.public_only": "Write only the public part.",
  "CryptoKey.load_from_string":
    "Reads a PEM key from `string_key`. Returns OK, or an error when the text holds no such key.",
  "CryptoKey.load_from_string.public_only": "The text holds a public key only.",

  // ---- X509Certificate ----
  X509Certificate:
    "An X.509 certificate, or a chain of them: PEM text with several certificates loads as a chain,\n" +
    "first certificate first. Loaded from and saved to PEM text or files (`res://`, `user://`).",
  "X509Certificate.save":
    "Writes the certificate as PEM to `path`. Returns OK, or the error that kept the file from being written.",
  "X509Certificate.load":
    "Reads one or more PEM certificates from `path`. Returns OK, or an error when the file cannot be read\n" +
    "or holds no certificate.",
  "X509Certificate.save_to_string": "The certificate as PEM text.",
  "X509Certificate.load_from_string":
    "Reads one or more PEM certificates from `string`. Returns OK, or an error when it holds no certificate.",
  "X509Certificate.get_subject":
    "The first certificate's subject in RFC 2253 form, most specific part first, as `openssl x509\n" +
    '-subject -nameopt RFC2253` prints it: `"CN=player1,O=Studio"` for `/O=Studio/CN=player1`.\n' +
    "Empty, printing why, when nothing is loaded.\n" +
    "```ts\n" +
    'const player = peer.get_peer_certificate()?.get_subject() ?? "anonymous";\n' +
    "```",
  "X509Certificate.get_issuer":
    "Who signed the first certificate, in the same form as `get_subject()`.\n" +
    "```ts\n" +
    'certificate.get_issuer(); // "O=Studio,CN=Studio Players CA"\n' +
    "```",
  "X509Certificate.get_serial":
    "The first certificate's serial number in hex, exactly as `openssl x509 -serial` prints it after\n" +
    '`serial=`: uppercase, two digits a byte (`"0A1B2C"`, `"00"` for 0).\n' +
    "```ts\n" +
    'if (banned_serials.has(peer.get_peer_certificate()?.get_serial() ?? "")) peer.disconnect_from_peer();\n' +
    "```",
  "X509Certificate.get_not_before":
    "When the first certificate becomes valid, in Unix seconds.\n" +
    "```ts\n" +
    "const valid_now = certificate.get_not_before() <= Time.get_unix_time_from_system();\n" +
    "```",
  "X509Certificate.get_not_after":
    "When the first certificate expires, in Unix seconds.\n" +
    "```ts\n" +
    "const days_left = (certificate.get_not_after() - Time.get_unix_time_from_system()) / 86400;\n" +
    "```",
  "X509Certificate.get_sha256_fingerprint":
    "The SHA-256 of the first certificate's DER encoding, in lowercase hex without colons\n" +
    "(`openssl x509 -fingerprint -sha256` prints the same digits in uppercase, with colons).\n" +
    "```ts\n" +
    'print(certificate.get_sha256_fingerprint()); // "35a047b0..."\n' +
    "```",
  "X509Certificate.get_subject_alt_names":
    'The first certificate\'s subject alternative names: DNS names, IP addresses (`"127.0.0.1"`,\n' +
    '`"::1"`), e-mail addresses and URIs, as plain values.\n' +
    "```ts\n" +
    'const serves_localhost = certificate.get_subject_alt_names().includes("localhost");\n' +
    "```",
  "X509Certificate.get_public_key_pin":
    'The pin of the first certificate\'s public key, `"sha256/<base64>"`, for\n' +
    "`TLSOptions.pin_public_keys()`.\n" +
    "```ts\n" +
    "print(server_certificate.get_public_key_pin()); // Ship this string with the client.\n" +
    "```",

  // ---- HashingContext ----
  HashingContext:
    "Computes a digest over data given in pieces: `start()`, then `update()` any number of times, then `finish()`.",
  "HashingContext.start":
    "Begins a new digest of the given type. Returns ERR_ALREADY_IN_USE while another digest is under way.",
  "HashingContext.update":
    "Adds `chunk` to the digest. Returns ERR_UNCONFIGURED when `start()` was not called.",
  "HashingContext.finish": "Returns the digest and ends it; call `start()` again for the next one.",
  "HashingContext.HashType": "Digest algorithms.",
  "HashingContext.HashType.HASH_MD5": "MD5, 16 bytes. Broken for security; use it only as a checksum.",
  "HashingContext.HashType.HASH_SHA1": "SHA-1, 20 bytes. Too weak for new signatures.",
  "HashingContext.HashType.HASH_SHA256": "SHA-256, 32 bytes.",

  // ---- HMACContext, AESContext ----
  HMACContext:
    "Computes an HMAC (SHA-1 or SHA-256) over a message given in pieces: `start()` with the key, `update()`\n" +
    "any number of times, then `finish()`. The same result as `Crypto.hmac_digest` over the whole message.",
  "HMACContext.start":
    "Begins an HMAC with `key` (at least one byte). Returns ERR_FILE_ALREADY_IN_USE while another is under\n" +
    "way, ERR_INVALID_PARAMETER for an empty key or a hash other than HASH_SHA1 / HASH_SHA256.",
  "HMACContext.update":
    "Adds `data` (at least one byte). Returns ERR_INVALID_DATA when `start()` was not called.",
  "HMACContext.finish":
    "Returns the HMAC and ends it (empty when not started); call `start()` again for the next one.",
  AESContext:
    "Raw AES-128 or AES-256 (16- or 32-byte key) in ECB or CBC mode, without padding: every `update()`\n" +
    "takes a whole number of 16-byte blocks. CBC chains across `update()` calls until `finish()`.",
  "AESContext.start":
    "Begins encrypting or decrypting. CBC modes need a 16-byte `iv`. Returns ERR_ALREADY_IN_USE until\n" +
    "`finish()`, ERR_INVALID_PARAMETER for a bad mode, key or IV size.",
  "AESContext.update":
    "Encrypts or decrypts `src` (a multiple of 16 bytes; pad it yourself). Returns an empty array, with an\n" +
    "error printed, before `start()` or for a partial block.",
  "AESContext.get_iv_state":
    "In CBC modes, the block the next `update()` chains from (the last ciphertext block).",
  "AESContext.finish": "Ends the operation, so `start()` can begin another.",

  // ---- Marshalls, JSON ----
  Marshalls:
    "Base64 for raw bytes, UTF-8 text and values. Values travel in Godot 4's binary encoding (as\n" +
    "`var_to_bytes`), so the text matches a Godot game's. Bad base64 prints an error and gives an empty result.",
  JSON:
    "Writes values as JSON text and reads them back. As in Godot, every number read is a float (a whole one\n" +
    'arrives as a `Float`), a whole float is written without a fraction ("1"), and other types are written\n' +
    "as their text. `parse()` keeps the error's 0-based line and message.",
  "JSON.stringify":
    'The value as JSON: `indent` (such as "\\t") spreads it over lines, `sort_keys` orders Dictionary keys,\n' +
    '`full_precision` writes each float with the fewest digits that read back to the same double ("0.30000000000000004") instead of 14 decimals.',
  "JSON.parse_string": "The value the text holds, or `null` (with the error printed) when it is not JSON.",
  "JSON.parse":
    "Reads `json_text` into `data`. Returns OK or ERR_PARSE_ERROR (see `get_error_line()` and\n" +
    "`get_error_message()`); `data` keeps its old value on error. `keep_text` remembers the text for `get_parsed_text()`.",

  // ---- ConfigFile ----
  ConfigFile:
    "INI-style files in Godot's format (project.godot, a game's settings): `[section]` headers, then\n" +
    "`key=value` lines whose values are Godot's value text (as `var_to_str` writes), so every type keeps its\n" +
    "type, and `;` starts a comment. Sections and keys keep their order. Not in Quickdot yet: the encrypted\n" +
    "`load_encrypted*`/`save_encrypted*` forms.",
  "ConfigFile.set_value":
    "Sets `key` in `section` (both made as needed); `null` erases the key, and the section once empty.",
  "ConfigFile.get_value":
    "The value of `key` in `section`, or `default_` when there is none (with neither, an error is printed and\n" +
    "`null` returned).",
  "ConfigFile.load":
    "Adds the values of the file at `path` (res://, user:// or absolute). Returns OK, the file's open error\n" +
    "(such as ERR_FILE_NOT_FOUND), or ERR_PARSE_ERROR after printing what is wrong and on which line.",
  "ConfigFile.parse": "As `load()`, from text.",
  "ConfigFile.save": "Writes `encode_to_text()` to `path`; returns OK or why the file could not be written.",
  "ConfigFile.encode_to_text": "The file's text, laid out as Godot 4.6 writes it.",

  // ---- ResourceLoader, ResourceSaver ----
  ResourceLoader:
    "Loads resources by path (res://, user:// or absolute); the global `load(path)` is `ResourceLoader.load(path)`.\n" +
    "The resource types here are certificates and keys: `.crt` loads an X509Certificate, `.key` a CryptoKey,\n" +
    "`.pub` a public-only CryptoKey. A loaded resource is cached by its path while it is alive. Not in Quickdot:\n" +
    "the threaded `load_threaded_*` forms (these resources load in microseconds).",
  "ResourceLoader.load":
    "The resource at `path`, or `null` (with one line saying why) when the file is missing, no loader reads\n" +
    "its extension, it is not a `type_hint`, or it does not parse. `cache_mode` CACHE_MODE_REUSE (the default)\n" +
    "returns the live resource already loaded from `path`; CACHE_MODE_IGNORE always loads anew.",
  "ResourceLoader.exists": "Whether `path` is a file that loads (as a `type_hint` when one is given).",
  "ResourceLoader.has_cached": "Whether a resource loaded from `path` is alive in the cache.",
  "ResourceLoader.get_cached_ref": "The live resource loaded from `path`, or `null`.",
  "ResourceLoader.get_recognized_extensions_for_type":
    "The extensions (without the dot) that load as `type` or a class that extends it.",
  ResourceSaver:
    "Saves resources to files: certificates as `.crt`, keys as `.key` (private) or `.pub` (public part), in PEM.",
  "ResourceSaver.save":
    "Writes `resource` to `path` (its own path when empty). Returns OK, ERR_FILE_UNRECOGNIZED when it cannot\n" +
    "be saved with that extension, or the file's error. FLAG_CHANGE_PATH makes `path` the resource's path;\n" +
    "the other flags concern Godot's scene formats and change nothing here.",
  "ResourceSaver.get_recognized_extensions": "The extensions `type` (a resource) can be saved with.",

  // ---- Object and Node extras ----
  "Object.call_deferred":
    "Calls `method` with `args` at the end of the frame (before the next one starts), as Godot's idle time does.",
  "Object.set_deferred":
    "Sets `property` (a class property or a field of the script) at the end of the frame.",
  "Object.get_property_list":
    "Godot's property dictionaries: each class's category and properties, base class first, then the\n" +
    "script's own fields (usage includes PROPERTY_USAGE_SCRIPT_VARIABLE, 4096).",
  "SceneTree.call_group":
    "Calls `method` with `args` now on every node of `group` inside the tree, in tree order; nodes without\n" +
    "the method are skipped.",

  // ---- IP ----
  IP:
    "Resolves host names and lists the machine's network interfaces. `resolve_hostname()` blocks;\n" +
    "`resolve_hostname_queue_item()` resolves on a worker thread: poll `get_resolve_item_status()` from\n" +
    "`_process`, read the result, then `erase_resolve_item()`. Results are cached per name and address type.",
  "IP.resolve_hostname": "The first address of `host`, or an empty string when it cannot be resolved.",
  "IP.get_local_interfaces":
    "One Dictionary per interface: `name`, `friendly` (the same on Linux), `index` (a String) and `addresses`.",

  // ---- Timer ----
  Timer:
    "Counts down `wait_time` seconds in process (or physics) frames while in the tree, then emits `timeout`,\n" +
    "and starts over unless `one_shot`. `set_process(false)` does not stop it; `stop()` and `paused` do.",
  "Timer.ignore_time_scale": "Kept for Godot's API; Quickdot has no time scale, so it changes nothing.",
};
