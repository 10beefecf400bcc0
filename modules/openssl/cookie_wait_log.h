#pragma once
// CookieWaitLog: one DTLSServer's account of sources that were sent a cookie (a
// HelloVerifyRequest) and never came back with it before the handshake timeout: spoofed
// addresses during a flood, scanners, or clients that gave up. A line per source would bury the
// log under a flood, so the first one is printed when it happens and later ones are counted and
// summed up in one line at most every SUMMARY_INTERVAL_MS. Shared by the server's peers.

#include "core/string/string_name.h"

#include <cstdint>

namespace godot {

class CookieWaitLog {
	uint64_t unreported = 0;
	uint64_t last_print_ms = 0;
	bool printed = false;

public:
	static constexpr uint64_t SUMMARY_INTERVAL_MS = 10000;

	// p_peer: "address:port"; p_waited_ms: how long it was waited for.
	void note_timeout(const String &p_peer, uint64_t p_waited_ms, uint64_t p_now_ms);
	uint64_t get_unreported_count() const { return unreported; } // Tests.
};

} // namespace godot
