#include "cookie_wait_log.h"

#include "core/string/print_string.h"

namespace godot {

void CookieWaitLog::note_timeout(const String &p_peer, uint64_t p_waited_ms, uint64_t p_now_ms) {
	if (!printed) {
		printed = true;
		last_print_ms = p_now_ms;
		print_warning(vformat("DTLSServer: %s sent a ClientHello and did not come back with its cookie within %d s "
							  "(a spoofed address, a scanner, or a client that gave up); its connection ends with STATUS_ERROR. "
							  "Further such sources are counted and reported every %d s.",
				p_peer.c_str(), int(p_waited_ms / 1000), int(SUMMARY_INTERVAL_MS / 1000)));
		return;
	}
	unreported++;
	if (p_now_ms - last_print_ms < SUMMARY_INTERVAL_MS) {
		return;
	}
	print_warning(vformat("DTLSServer: %d more sources did not come back with their cookie in the last %d s "
						  "(each got one HelloVerifyRequest, no larger than its ClientHello, and no server state).",
			int(unreported), int((p_now_ms - last_print_ms) / 1000)));
	unreported = 0;
	last_print_ms = p_now_ms;
}

} // namespace godot
