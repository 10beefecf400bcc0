/**************************************************************************/
/*  datagram_bio.cpp                                                      */
/**************************************************************************/
/*  Quickdot: OpenSSL DTLS core (engine independent).                     */
/**************************************************************************/

#include "datagram_bio.h"

#include <algorithm>
#include <cstring>
#include <memory>

namespace godot::dtls {

namespace {
// Buffers kept for reuse per queue, and the largest one worth keeping: a jumbo
// datagram's memory is given back instead of pinned for the connection's life.
constexpr size_t MAX_SPARE_BUFFERS = 4;
constexpr size_t MAX_SPARE_CAPACITY = 2048;
} // namespace

// DatagramBio::Queue

DatagramBio::Queue::Queue(size_t p_capacity) :
		max_count(std::max<size_t>(p_capacity, 1)) {
}

bool DatagramBio::Queue::push(const uint8_t *p_data, size_t p_size) {
	if (is_full()) {
		return false;
	}
	if (slots.empty()) {
		slots.resize(max_count);
	}
	std::vector<uint8_t> &slot = slots[(head + count) % slots.size()];
	if (slot.capacity() == 0 && !spares.empty()) {
		slot.swap(spares.back());
		spares.pop_back();
	}
	slot.assign(p_data, p_data + p_size);
	count++;
	return true;
}

bool DatagramBio::Queue::pop(std::vector<uint8_t> &r_data) {
	if (is_empty()) {
		return false;
	}
	r_data.swap(slots[head]);
	discard_front(); // Recycles what r_data held before.
	return true;
}

const std::vector<uint8_t> *DatagramBio::Queue::front() const {
	return is_empty() ? nullptr : &slots[head];
}

void DatagramBio::Queue::discard_front() {
	if (is_empty()) {
		return;
	}
	_recycle(slots[head]);
	head = (head + 1) % slots.size();
	count--;
}

void DatagramBio::Queue::clear() {
	while (!is_empty()) {
		discard_front();
	}
	head = 0;
}

void DatagramBio::Queue::_recycle(std::vector<uint8_t> &r_buffer) {
	if (r_buffer.capacity() > 0 && r_buffer.capacity() <= MAX_SPARE_CAPACITY && spares.size() < MAX_SPARE_BUFFERS) {
		r_buffer.clear();
		spares.emplace_back();
		spares.back().swap(r_buffer);
		return;
	}
	std::vector<uint8_t>().swap(r_buffer);
}

// DatagramBio

BIO_METHOD *DatagramBio::_get_method() {
	// Created once (thread-safe static init), freed at exit before OpenSSL's own
	// atexit cleanup runs, because OpenSSL registered that one first.
	static const std::unique_ptr<BIO_METHOD, decltype(&BIO_meth_free)> method(
			[]() -> BIO_METHOD * {
				BIO_METHOD *created = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "quickdot datagram");
				if (created == nullptr) {
					return nullptr;
				}
				BIO_meth_set_write_ex(created, _bio_write);
				BIO_meth_set_read_ex(created, _bio_read);
				BIO_meth_set_ctrl(created, _bio_ctrl);
				BIO_meth_set_create(created, _bio_create);
				BIO_meth_set_destroy(created, _bio_destroy);
				return created;
			}(),
			&BIO_meth_free);
	return method.get();
}

DatagramBio::DatagramBio(DatagramSink *p_sink, size_t p_queue_capacity) :
		sink(p_sink), incoming(p_queue_capacity) {
	BIO_METHOD *method = _get_method();
	if (method == nullptr) {
		return;
	}
	bio = BIO_new(method);
	if (bio != nullptr) {
		BIO_set_data(bio, this);
	}
}

DatagramBio::~DatagramBio() {
	if (bio == nullptr) {
		return;
	}
	// An SSL may still hold a reference; make its BIO inert instead of dangling.
	BIO_set_data(bio, nullptr);
	BIO_free(bio);
}

bool DatagramBio::push_incoming(const uint8_t *p_data, size_t p_size) {
	if (p_data == nullptr || p_size == 0 || p_size > MAX_DATAGRAM_SIZE || !incoming.push(p_data, p_size)) {
		dropped_incoming++;
		return false;
	}
	return true;
}

int DatagramBio::_bio_create(BIO *p_bio) {
	BIO_set_init(p_bio, 1);
	return 1;
}

int DatagramBio::_bio_destroy(BIO *p_bio) {
	// The owning DatagramBio outlives or detaches itself; nothing to free here.
	BIO_set_data(p_bio, nullptr);
	return 1;
}

int DatagramBio::_bio_write(BIO *p_bio, const char *p_data, size_t p_size, size_t *r_written) {
	BIO_clear_retry_flags(p_bio);
	DatagramBio *self = static_cast<DatagramBio *>(BIO_get_data(p_bio));
	if (self != nullptr && self->sink != nullptr && p_size > 0) {
		self->sink->send_datagram(reinterpret_cast<const uint8_t *>(p_data), p_size);
		self->sent_datagrams++;
	}
	// Reported as written even when dropped: see the class comment.
	*r_written = p_size;
	return 1;
}

int DatagramBio::_bio_read(BIO *p_bio, char *r_buffer, size_t p_size, size_t *r_read) {
	BIO_clear_retry_flags(p_bio);
	*r_read = 0;
	DatagramBio *self = static_cast<DatagramBio *>(BIO_get_data(p_bio));
	if (self == nullptr || self->incoming.is_empty()) {
		BIO_set_retry_read(p_bio);
		return 0;
	}
	const std::vector<uint8_t> &datagram = *self->incoming.front();
	// Datagram semantics: whatever does not fit is lost, as with recv() on UDP.
	const size_t copied = std::min(p_size, datagram.size());
	memcpy(r_buffer, datagram.data(), copied);
	self->incoming.discard_front();
	*r_read = copied;
	return 1;
}

long DatagramBio::_bio_ctrl(BIO *p_bio, int p_cmd, long p_num, void *p_ptr) {
	DatagramBio *self = static_cast<DatagramBio *>(BIO_get_data(p_bio));
	switch (p_cmd) {
		case BIO_CTRL_FLUSH:
			// OpenSSL packs a flight into its buffering BIO and flushes; every
			// write already reached the sink.
			return 1;
		case BIO_CTRL_PENDING: {
			const std::vector<uint8_t> *next = self != nullptr ? self->incoming.front() : nullptr;
			return next != nullptr ? static_cast<long>(next->size()) : 0;
		}
		case BIO_CTRL_WPENDING:
			return 0;
		case BIO_CTRL_DGRAM_QUERY_MTU:
		case BIO_CTRL_DGRAM_GET_FALLBACK_MTU:
			return self != nullptr ? static_cast<long>(self->mtu) : 0;
		case BIO_CTRL_DGRAM_SET_MTU:
			if (self != nullptr && p_num > 0) {
				self->mtu = static_cast<size_t>(p_num);
			}
			return p_num;
		case BIO_CTRL_DGRAM_GET_MTU_OVERHEAD:
			// IP/UDP headers are already excluded from the MTU given to SSL_set_mtu.
			return 0;
		case BIO_CTRL_DGRAM_SET_NEXT_TIMEOUT:
			// Timers are driven by DTLSSession::poll, the hint is not needed.
			return 1;
		case BIO_CTRL_DGRAM_GET_PEER:
			// The peer address is known to the owner, not to the BIO.
			if (p_ptr != nullptr) {
				BIO_ADDR_clear(static_cast<BIO_ADDR *>(p_ptr));
			}
			return 0;
		default:
			return 0;
	}
}

} // namespace godot::dtls
