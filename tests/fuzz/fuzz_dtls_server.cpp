// libFuzzer target: datagrams from one client address into the DTLS server side (the stateless
// cookie exchange, then a server session over the real libssl), with a poll after each.
// See dtls_fuzz_harness.h for the input framing and why seeds replay past the cookie and the
// handshake. Seeds: tests/fuzz/corpus/dtls_server (bin/record_dtls_seeds.fuzz makes them).
//
//   scons use_fuzzer=yes && mkdir -p tests/out/fuzz/dtls_server && bin/fuzz_dtls_server.fuzz tests/out/fuzz/dtls_server tests/fuzz/corpus/dtls_server
//   (new inputs go to the first folder; the committed seeds stay as they are)

#include "dtls_fuzz_harness.h"

using namespace dtls_fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *p_data, size_t p_size) {
	fuzz_one_input<ServerHarness>(p_data, p_size);
	return 0;
}
