#include "core/io/ip_address.h"

#include <arpa/inet.h>

namespace godot {

static const uint8_t v4_mapped_prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

IPAddress::IPAddress(const String &p_text) {
	if (p_text == "*") {
		wildcard = true;
		return;
	}
	// inet_pton is strict: dotted-quad IPv4 only, no host names, no zone suffixes.
	uint8_t parsed[16];
	if (p_text.find(':') != String::npos) {
		if (inet_pton(AF_INET6, p_text.c_str(), parsed) == 1) {
			memcpy(bytes, parsed, 16);
			valid = true;
		}
	} else if (inet_pton(AF_INET, p_text.c_str(), parsed) == 1) {
		*this = from_ipv4(parsed);
	}
}

IPAddress IPAddress::from_ipv4(const uint8_t *p_four_bytes) {
	IPAddress address;
	memcpy(address.bytes, v4_mapped_prefix, 12);
	memcpy(address.bytes + 12, p_four_bytes, 4);
	address.valid = true;
	return address;
}

IPAddress IPAddress::from_ipv6(const uint8_t *p_sixteen_bytes) {
	IPAddress address;
	memcpy(address.bytes, p_sixteen_bytes, 16);
	address.valid = true;
	return address;
}

bool IPAddress::is_ipv4() const {
	return valid && memcmp(bytes, v4_mapped_prefix, 12) == 0;
}

bool IPAddress::is_multicast() const {
	if (!valid) {
		return false;
	}
	return is_ipv4() ? (bytes[12] & 0xf0) == 0xe0 : bytes[0] == 0xff;
}

String IPAddress::to_string() const {
	if (wildcard) {
		return "*";
	}
	if (!valid) {
		return String();
	}
	char text[INET6_ADDRSTRLEN];
	if (is_ipv4()) {
		inet_ntop(AF_INET, bytes + 12, text, sizeof(text));
	} else {
		inet_ntop(AF_INET6, bytes, text, sizeof(text));
	}
	return text;
}

} // namespace godot
