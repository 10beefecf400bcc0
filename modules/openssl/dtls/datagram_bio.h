/**************************************************************************/
/*  datagram_bio.h                                                        */
/**************************************************************************/
/*  Quickdot: OpenSSL DTLS core (engine independent).                     */
/**************************************************************************/

#ifndef QUICKDOT_DTLS_DATAGRAM_BIO_H
#define QUICKDOT_DTLS_DATAGRAM_BIO_H

#include <openssl/bio.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace godot::dtls {

// Receives every datagram OpenSSL emits. It cannot push back: a datagram that
// cannot be sent right now must be dropped (UDP semantics), never retried.
class DatagramSink {
public:
	virtual ~DatagramSink() = default;
	virtual void send_datagram(const uint8_t *p_data, size_t p_size) = 0;
};

// A per-connection OpenSSL BIO with datagram semantics, which OpenSSL 3.0 does
// not provide for application-driven I/O (BIO_s_mem is a byte stream, and
// BIO_s_dgram_pair only exists from 3.2 on):
// - each BIO_read pops exactly one queued datagram (truncated, never overrun,
//   if OpenSSL's buffer is smaller);
// - each BIO_write is one outgoing datagram handed to the sink, and always
//   "succeeds" (a missing sink drops it), because a write that asks OpenSSL to
//   retry while its retransmission timer fires is the CVE-2026-84782 path.
class DatagramBio {
public:
	// Bounded FIFO of byte buffers. Emptied buffers go to a small spare pool
	// that later pushes reuse, so steady traffic does not allocate per
	// datagram, while the memory kept per queue stays bounded by the pool, not
	// by the capacity. Nothing is allocated before the first push.
	class Queue {
	public:
		explicit Queue(size_t p_capacity);

		// False (and nothing stored) when the queue is full.
		bool push(const uint8_t *p_data, size_t p_size);
		// Moves the oldest buffer out by swapping storage with r_data (no copy);
		// r_data's previous storage is recycled.
		bool pop(std::vector<uint8_t> &r_data);
		// The oldest buffer, or nullptr when empty. Valid until the next push/pop.
		const std::vector<uint8_t> *front() const;
		void discard_front();
		void clear();

		size_t size() const { return count; }
		size_t capacity() const { return max_count; }
		bool is_empty() const { return count == 0; }
		bool is_full() const { return count == max_count; }

	private:
		void _recycle(std::vector<uint8_t> &r_buffer);

		std::vector<std::vector<uint8_t>> slots;
		std::vector<std::vector<uint8_t>> spares;
		size_t max_count = 0;
		size_t head = 0;
		size_t count = 0;
	};

	static constexpr size_t DEFAULT_QUEUE_CAPACITY = 64;
	// Largest UDP payload over IPv4; anything bigger cannot be a real datagram.
	static constexpr size_t MAX_DATAGRAM_SIZE = 65507;

	explicit DatagramBio(DatagramSink *p_sink, size_t p_queue_capacity = DEFAULT_QUEUE_CAPACITY);
	~DatagramBio();

	DatagramBio(const DatagramBio &) = delete;
	DatagramBio &operator=(const DatagramBio &) = delete;

	// Borrowed. Whoever hands it to SSL_set_bio must BIO_up_ref it first; this
	// object keeps (and releases) its own reference.
	BIO *get_bio() const { return bio; }

	// Queues one incoming datagram. False when it was dropped (queue full,
	// empty or oversized datagram).
	bool push_incoming(const uint8_t *p_data, size_t p_size);
	size_t get_incoming_count() const { return incoming.size(); }
	uint64_t get_dropped_incoming_count() const { return dropped_incoming; }
	void clear_incoming() { incoming.clear(); }

	// Informational only: the record MTU really used is the one given to
	// SSL_set_mtu (SSL_OP_NO_QUERY_MTU is always set). Answered to the
	// BIO_CTRL_DGRAM_*_MTU queries.
	void set_mtu(size_t p_mtu) { mtu = p_mtu; }
	size_t get_mtu() const { return mtu; }

	uint64_t get_sent_datagram_count() const { return sent_datagrams; }

private:
	static BIO_METHOD *_get_method();
	static int _bio_create(BIO *p_bio);
	static int _bio_destroy(BIO *p_bio);
	static int _bio_write(BIO *p_bio, const char *p_data, size_t p_size, size_t *r_written);
	static int _bio_read(BIO *p_bio, char *r_buffer, size_t p_size, size_t *r_read);
	static long _bio_ctrl(BIO *p_bio, int p_cmd, long p_num, void *p_ptr);

	BIO *bio = nullptr;
	DatagramSink *sink = nullptr;
	Queue incoming;
	size_t mtu = 0;
	uint64_t dropped_incoming = 0;
	uint64_t sent_datagrams = 0;
};

} // namespace godot::dtls

#endif // QUICKDOT_DTLS_DATAGRAM_BIO_H
