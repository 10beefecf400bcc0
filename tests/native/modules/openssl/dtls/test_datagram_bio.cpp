// DatagramBio, the OpenSSL BIO the DTLS core reads and writes datagrams through: one datagram per
// read, a bounded incoming queue, writes that never ask to be retried, and a BIO that outlives
// its owner.

#include "helpers/dtls_core_link.h"

#include "dtls/datagram_bio.h"

#include <doctest/doctest.h>

#include <openssl/bio.h>

#include <vector>

using namespace godot::dtls;
using namespace dtls_core_test;

TEST_CASE("[DTLS][DatagramBio] One datagram per read, bounded queue, writes never retry") {
	Wire wire;
	DatagramBio datagram_bio(&wire, 4);
	BIO *bio = datagram_bio.get_bio();
	REQUIRE(bio != nullptr);

	char buffer[16];
	CHECK(BIO_read(bio, buffer, sizeof(buffer)) <= 0);
	CHECK(BIO_should_retry(bio));

	const uint8_t first[3] = { 1, 2, 3 };
	const uint8_t second[20] = { 9 };
	CHECK(datagram_bio.push_incoming(first, sizeof(first)));
	CHECK(datagram_bio.push_incoming(second, sizeof(second)));
	CHECK(BIO_ctrl_pending(bio) == sizeof(first));
	CHECK(BIO_read(bio, buffer, sizeof(buffer)) == 3);
	CHECK(buffer[2] == 3);
	// Truncated to the caller's buffer, and the rest of that datagram is gone.
	CHECK(BIO_read(bio, buffer, 5) == 5);
	CHECK(datagram_bio.get_incoming_count() == 0);

	for (int i = 0; i < 4; i++) {
		CHECK(datagram_bio.push_incoming(first, sizeof(first)));
	}
	CHECK_FALSE(datagram_bio.push_incoming(first, sizeof(first)));
	CHECK_FALSE(datagram_bio.push_incoming(first, 0));
	CHECK(datagram_bio.get_dropped_incoming_count() == 2);
	CHECK(datagram_bio.get_incoming_count() == 4);

	CHECK(BIO_write(bio, "hello", 5) == 5);
	CHECK(BIO_write(bio, "world!", 6) == 6);
	CHECK_FALSE(BIO_should_retry(bio));
	REQUIRE(wire.datagrams.size() == 2);
	CHECK(wire.datagrams[1].size() == 6);
	CHECK(BIO_flush(bio) == 1);
	CHECK(BIO_wpending(bio) == 0);

	datagram_bio.set_mtu(1200);
	CHECK(BIO_ctrl(bio, BIO_CTRL_DGRAM_QUERY_MTU, 0, nullptr) == 1200);
	CHECK(BIO_ctrl(bio, BIO_CTRL_DGRAM_GET_MTU_OVERHEAD, 0, nullptr) == 0);
	BIO_ADDR *peer = BIO_ADDR_new();
	CHECK(BIO_dgram_get_peer(bio, peer) == 0);
	CHECK(BIO_ADDR_family(peer) == 0); // AF_UNSPEC
	BIO_ADDR_free(peer);

	// Writes without a sink are dropped, still without asking for a retry.
	DatagramBio sinkless(nullptr);
	CHECK(BIO_write(sinkless.get_bio(), "x", 1) == 1);
	CHECK_FALSE(BIO_should_retry(sinkless.get_bio()));
}

TEST_CASE("[DTLS][DatagramBio] Queue keeps order across wrap-around and hands buffers over without copying") {
	DatagramBio::Queue queue(3);
	CHECK(queue.is_empty());
	CHECK(queue.front() == nullptr);
	std::vector<uint8_t> out;
	CHECK_FALSE(queue.pop(out));
	for (uint8_t round = 0; round < 10; round++) {
		const uint8_t a[2] = { round, 1 };
		const uint8_t b[3] = { round, 2, 2 };
		REQUIRE(queue.push(a, sizeof(a)));
		REQUIRE(queue.push(b, sizeof(b)));
		REQUIRE(queue.front() != nullptr);
		CHECK((*queue.front())[0] == round);
		const uint8_t *queued_storage = queue.front()->data();
		REQUIRE(queue.pop(out));
		CHECK(out == std::vector<uint8_t>{ round, 1 });
		CHECK(out.data() == queued_storage); // Handed over, not copied.
		queue.discard_front();
		CHECK(queue.is_empty());
	}
	const uint8_t x[1] = { 7 };
	CHECK(queue.push(x, 1));
	CHECK(queue.push(x, 1));
	CHECK(queue.push(x, 1));
	CHECK(queue.is_full());
	CHECK_FALSE(queue.push(x, 1));
	std::vector<uint8_t> jumbo(60000, 1);
	queue.clear();
	CHECK(queue.push(jumbo.data(), jumbo.size()));
	CHECK(queue.pop(out));
	CHECK(out.size() == 60000);
}

TEST_CASE("[DTLS][DatagramBio] A BIO kept by someone else outlives its owner inertly") {
	BIO *kept = nullptr;
	{
		DatagramBio datagram_bio(nullptr);
		kept = datagram_bio.get_bio();
		BIO_up_ref(kept);
	}
	char buffer[4];
	CHECK(BIO_read(kept, buffer, sizeof(buffer)) <= 0);
	CHECK(BIO_write(kept, "x", 1) == 1);
	BIO_free(kept);
}
