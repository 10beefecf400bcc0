// libFuzzer target: datagrams from the server into a DTLS client session over the real libssl
// (it verifies the fuzz identity's chain and the name "localhost"), with a poll after each.
// See dtls_fuzz_harness.h for the input framing and why seeds replay through the handshake.
// Seeds: tests/fuzz/corpus/dtls_client (bin/record_dtls_seeds.fuzz makes them).
//
//   scons use_fuzzer=yes && mkdir -p tests/out/fuzz/dtls_client && bin/fuzz_dtls_client.fuzz tests/out/fuzz/dtls_client tests/fuzz/corpus/dtls_client
//   (new inputs go to the first folder; the committed seeds stay as they are)

#include "dtls_fuzz_harness.h"

using namespace dtls_fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *p_data, size_t p_size) {
	fuzz_one_input<ClientHarness>(p_data, p_size);
	return 0;
}
