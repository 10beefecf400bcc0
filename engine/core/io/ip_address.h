#pragma once
// IPAddress: one IPv4 or IPv6 address in 16 bytes. IPv4 is stored IPv4-mapped (::ffff:a.b.c.d),
// so a datagram from 127.0.0.1 gives the same value on an IPv4 socket and on a dual-stack one,
// and the value can key a hash map directly. "*" is the wildcard used for binds.

#include "core/string/string_name.h"

#include <cstdint>
#include <cstring>

namespace godot {

class IPAddress {
	uint8_t bytes[16] = {};
	bool valid = false;
	bool wildcard = false;

public:
	IPAddress() = default;
	// "*" → wildcard; an IPv4 or IPv6 literal → valid; anything else (host names included) → invalid.
	explicit IPAddress(const String &p_text);

	static IPAddress from_ipv4(const uint8_t *p_four_bytes);
	static IPAddress from_ipv6(const uint8_t *p_sixteen_bytes);

	bool is_valid() const { return valid; }
	bool is_wildcard() const { return wildcard; }
	bool is_ipv4() const; // True for IPv4-mapped addresses.
	bool is_multicast() const;
	const uint8_t *get_ipv6() const { return bytes; }
	const uint8_t *get_ipv4() const { return bytes + 12; } // Only meaningful when is_ipv4().

	// "127.0.0.1", "::1" (RFC 5952 form), "*" for the wildcard, "" when invalid.
	String to_string() const;

	bool operator==(const IPAddress &p_other) const {
		return valid == p_other.valid && wildcard == p_other.wildcard && memcmp(bytes, p_other.bytes, 16) == 0;
	}
	bool operator!=(const IPAddress &p_other) const { return !(*this == p_other); }
};

} // namespace godot
