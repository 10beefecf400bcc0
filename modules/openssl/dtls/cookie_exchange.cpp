/**************************************************************************/
/*  cookie_exchange.cpp                                                   */
/**************************************************************************/
/*  Quickdot: OpenSSL DTLS core (engine independent).                     */
/**************************************************************************/

#include "cookie_exchange.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstring>

namespace godot::dtls {

namespace {

constexpr size_t RECORD_HEADER_SIZE = 13;
constexpr size_t HANDSHAKE_HEADER_SIZE = 12;
constexpr size_t RECORD_SEQUENCE_SIZE = 6;
constexpr size_t RANDOM_SIZE = 32;
constexpr size_t MAX_SESSION_ID_SIZE = 32;
constexpr uint8_t CONTENT_TYPE_HANDSHAKE = 22;
constexpr uint8_t HANDSHAKE_CLIENT_HELLO = 1;
constexpr uint8_t HANDSHAKE_HELLO_VERIFY_REQUEST = 3;
constexpr uint8_t DTLS_VERSION_MAJOR = 0xfe;
// RFC 6347 4.2.1: the HelloVerifyRequest carries DTLS 1.0 whatever is negotiated.
constexpr uint8_t HELLO_VERIFY_VERSION[2] = { 0xfe, 0xff };
constexpr size_t SECRET_SIZE = 32;
constexpr uint32_t MAX_CLIENT_HELLO_MESSAGE_SEQUENCE = 1;

// Bounds-checked big-endian reader over an untrusted datagram: every read
// fails instead of reading past the end.
class ByteReader {
public:
	ByteReader(const uint8_t *p_data, size_t p_size) :
			data(p_data), remaining(p_size) {}

	size_t get_remaining() const { return remaining; }

	bool read_bytes(size_t p_count, const uint8_t *&r_bytes) {
		if (p_count > remaining) {
			return false;
		}
		r_bytes = data;
		data += p_count;
		remaining -= p_count;
		return true;
	}

	bool read_uint(size_t p_width, uint32_t &r_value) {
		const uint8_t *bytes = nullptr;
		if (!read_bytes(p_width, bytes)) {
			return false;
		}
		r_value = 0;
		for (size_t i = 0; i < p_width; i++) {
			r_value = (r_value << 8) | bytes[i];
		}
		return true;
	}

	bool read_u8(uint32_t &r_value) { return read_uint(1, r_value); }
	bool read_u16(uint32_t &r_value) { return read_uint(2, r_value); }
	bool read_u24(uint32_t &r_value) { return read_uint(3, r_value); }

private:
	const uint8_t *data;
	size_t remaining;
};

// The fields of a ClientHello that the cookie exchange needs; pointers into
// the received datagram.
struct ClientHelloFields {
	const uint8_t *record_sequence = nullptr;
	const uint8_t *message_sequence = nullptr; // Big-endian, 2 bytes.
	uint32_t message_sequence_value = 0;
	const uint8_t *cookie = nullptr;
	size_t cookie_size = 0;
};

// Accepts exactly one unfragmented ClientHello record filling the whole
// datagram. Anything else a legitimate first flight never looks like (trailing
// records, fragments, other epochs) is rejected here rather than reaching an SSL.
bool parse_client_hello(const uint8_t *p_data, size_t p_size, ClientHelloFields &r_fields) {
	ByteReader record(p_data, p_size);
	uint32_t content_type = 0, epoch = 0, record_length = 0;
	const uint8_t *record_version = nullptr;
	if (!record.read_u8(content_type) || content_type != CONTENT_TYPE_HANDSHAKE) {
		return false;
	}
	if (!record.read_bytes(2, record_version) || record_version[0] != DTLS_VERSION_MAJOR) {
		return false;
	}
	if (!record.read_u16(epoch) || epoch != 0) {
		return false;
	}
	if (!record.read_bytes(RECORD_SEQUENCE_SIZE, r_fields.record_sequence)) {
		return false;
	}
	if (!record.read_u16(record_length) || record_length != record.get_remaining()) {
		return false;
	}

	uint32_t message_type = 0, message_length = 0, fragment_offset = 0, fragment_length = 0;
	if (!record.read_u8(message_type) || message_type != HANDSHAKE_CLIENT_HELLO) {
		return false;
	}
	if (!record.read_u24(message_length) || !record.read_bytes(2, r_fields.message_sequence)) {
		return false;
	}
	r_fields.message_sequence_value = (uint32_t(r_fields.message_sequence[0]) << 8) | r_fields.message_sequence[1];
	if (!record.read_u24(fragment_offset) || !record.read_u24(fragment_length)) {
		return false;
	}
	if (fragment_offset != 0 || fragment_length != message_length || message_length != record.get_remaining()) {
		return false;
	}

	ByteReader body = record;
	const uint8_t *client_version = nullptr, *skipped = nullptr;
	uint32_t session_id_size = 0, cookie_size = 0, cipher_suites_size = 0, compression_methods_size = 0;
	if (!body.read_bytes(2, client_version) || client_version[0] != DTLS_VERSION_MAJOR) {
		return false;
	}
	if (!body.read_bytes(RANDOM_SIZE, skipped)) {
		return false;
	}
	if (!body.read_u8(session_id_size) || session_id_size > MAX_SESSION_ID_SIZE || !body.read_bytes(session_id_size, skipped)) {
		return false;
	}
	if (!body.read_u8(cookie_size) || !body.read_bytes(cookie_size, r_fields.cookie)) {
		return false;
	}
	r_fields.cookie_size = cookie_size;
	if (!body.read_u16(cipher_suites_size) || cipher_suites_size < 2 || (cipher_suites_size % 2) != 0 || !body.read_bytes(cipher_suites_size, skipped)) {
		return false;
	}
	if (!body.read_u8(compression_methods_size) || compression_methods_size < 1 || !body.read_bytes(compression_methods_size, skipped)) {
		return false;
	}
	if (body.get_remaining() == 0) {
		return true; // No extensions.
	}
	uint32_t extensions_size = 0;
	return body.read_u16(extensions_size) && extensions_size == body.get_remaining();
}

} // namespace

// Keys live only inside the HMAC contexts. Shared with every SSL bound to this
// exchange, so a server SSL can re-verify its cookie after the exchange is gone.
struct CookieExchange::Secrets {
	explicit Secrets(uint64_t p_rotation_interval_ms) :
			rotation_interval_ms(p_rotation_interval_ms > 0 ? p_rotation_interval_ms : 1) {
		EVP_MAC *hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
		if (hmac == nullptr) {
			return;
		}
		current = EVP_MAC_CTX_new(hmac);
		previous = EVP_MAC_CTX_new(hmac);
		EVP_MAC_free(hmac); // The contexts hold their own references.
		current_valid = _rekey(current);
	}

	~Secrets() {
		EVP_MAC_CTX_free(current);
		EVP_MAC_CTX_free(previous);
	}

	// Moves to the interval containing p_now_ms. After skipping more than one
	// interval the previous secret is stale too and is no longer accepted.
	void advance_to(uint64_t p_now_ms) {
		const uint64_t now_epoch = p_now_ms / rotation_interval_ms;
		if (!epoch_known) {
			epoch = now_epoch;
			epoch_known = true;
			return;
		}
		if (now_epoch <= epoch) {
			return; // Same interval, or the clock went backwards.
		}
		std::swap(current, previous);
		previous_valid = current_valid && now_epoch == epoch + 1;
		current_valid = _rekey(current);
		epoch = now_epoch;
	}

	bool make_cookie(const uint8_t *p_address, size_t p_address_len, uint16_t p_port, uint8_t *r_cookie) {
		return current_valid && _compute(current, p_address, p_address_len, p_port, r_cookie);
	}

	bool is_cookie_valid(const uint8_t *p_cookie, size_t p_cookie_size, const uint8_t *p_address, size_t p_address_len, uint16_t p_port) {
		if (p_cookie_size != COOKIE_SIZE) {
			return false;
		}
		uint8_t expected[COOKIE_SIZE];
		if (current_valid && _compute(current, p_address, p_address_len, p_port, expected) && CRYPTO_memcmp(expected, p_cookie, COOKIE_SIZE) == 0) {
			return true;
		}
		return previous_valid && _compute(previous, p_address, p_address_len, p_port, expected) && CRYPTO_memcmp(expected, p_cookie, COOKIE_SIZE) == 0;
	}

	const uint64_t rotation_interval_ms;
	uint64_t epoch = 0;
	bool epoch_known = false;

private:
	static bool _rekey(EVP_MAC_CTX *p_mac) {
		if (p_mac == nullptr) {
			return false;
		}
		uint8_t key[SECRET_SIZE];
		if (RAND_bytes(key, sizeof(key)) != 1) {
			return false;
		}
		char digest_name[] = "SHA256";
		const OSSL_PARAM params[] = {
			OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
			OSSL_PARAM_construct_end(),
		};
		const bool keyed = EVP_MAC_init(p_mac, key, sizeof(key), params) == 1;
		OPENSSL_cleanse(key, sizeof(key));
		return keyed;
	}

	static bool _compute(EVP_MAC_CTX *p_mac, const uint8_t *p_address, size_t p_address_len, uint16_t p_port, uint8_t *r_cookie) {
		if (p_address_len > MAX_ADDRESS_SIZE) {
			return false;
		}
		uint8_t message[1 + MAX_ADDRESS_SIZE + 2];
		size_t message_size = 0;
		// The length prefix keeps a 4-byte and a 16-byte address from ever
		// producing the same input.
		message[message_size++] = static_cast<uint8_t>(p_address_len);
		if (p_address_len > 0) {
			memcpy(message + message_size, p_address, p_address_len);
			message_size += p_address_len;
		}
		message[message_size++] = static_cast<uint8_t>(p_port >> 8);
		message[message_size++] = static_cast<uint8_t>(p_port & 0xff);

		uint8_t mac[EVP_MAX_MD_SIZE];
		size_t mac_size = 0;
		// A NULL key restarts the HMAC with the key set at rotation.
		if (EVP_MAC_init(p_mac, nullptr, 0, nullptr) != 1 || EVP_MAC_update(p_mac, message, message_size) != 1 || EVP_MAC_final(p_mac, mac, &mac_size, sizeof(mac)) != 1) {
			return false;
		}
		if (mac_size < COOKIE_SIZE) {
			return false;
		}
		memcpy(r_cookie, mac, COOKIE_SIZE);
		return true;
	}

	EVP_MAC_CTX *current = nullptr;
	EVP_MAC_CTX *previous = nullptr;
	bool current_valid = false;
	bool previous_valid = false;
};

// What a bound server SSL needs to regenerate or re-verify its peer's cookie.
struct CookieExchange::PeerBinding {
	std::shared_ptr<Secrets> secrets;
	uint8_t address[MAX_ADDRESS_SIZE] = {};
	size_t address_len = 0;
	uint16_t port = 0;
};

CookieExchange::CookieExchange(uint64_t p_rotation_interval_ms) :
		secrets(std::make_shared<Secrets>(p_rotation_interval_ms)) {
}

CookieExchange::~CookieExchange() = default;

CookieExchange::Verdict CookieExchange::check_client_hello(const uint8_t *p_data, size_t p_size, const uint8_t *p_address, size_t p_address_len,
		uint16_t p_port, uint64_t p_now_ms, std::vector<uint8_t> &r_hello_verify_request) {
	r_hello_verify_request.clear();
	if (p_data == nullptr || p_address_len > MAX_ADDRESS_SIZE || (p_address == nullptr && p_address_len > 0)) {
		return Verdict::DROP;
	}
	ClientHelloFields fields;
	if (!parse_client_hello(p_data, p_size, fields)) {
		return Verdict::DROP;
	}
	// A client's first ClientHello has message_seq 0, its answer to our
	// HelloVerifyRequest 1. OpenSSL 3.0's DTLSv1_listen, which starts the
	// per-peer server SSL, refuses anything later, so no SSL is spent on it.
	if (fields.message_sequence_value > MAX_CLIENT_HELLO_MESSAGE_SEQUENCE) {
		return Verdict::DROP;
	}
	secrets->advance_to(p_now_ms);
	if (secrets->is_cookie_valid(fields.cookie, fields.cookie_size, p_address, p_address_len, p_port)) {
		return Verdict::ACCEPT;
	}

	uint8_t cookie[COOKIE_SIZE];
	if (!secrets->make_cookie(p_address, p_address_len, p_port, cookie)) {
		return Verdict::DROP;
	}
	constexpr size_t body_size = 2 + 1 + COOKIE_SIZE;
	constexpr size_t datagram_size = RECORD_HEADER_SIZE + HANDSHAKE_HEADER_SIZE + body_size;
	// Anti-amplification: never answer with more bytes than were received.
	if (datagram_size > p_size) {
		return Verdict::DROP;
	}
	constexpr size_t handshake_size = HANDSHAKE_HEADER_SIZE + body_size;

	r_hello_verify_request.resize(datagram_size);
	uint8_t *out = r_hello_verify_request.data();
	// Record header: RFC 6347 4.2.1 asks to echo the ClientHello's record sequence.
	*out++ = CONTENT_TYPE_HANDSHAKE;
	*out++ = HELLO_VERIFY_VERSION[0];
	*out++ = HELLO_VERIFY_VERSION[1];
	*out++ = 0; // Epoch 0.
	*out++ = 0;
	memcpy(out, fields.record_sequence, RECORD_SEQUENCE_SIZE);
	out += RECORD_SEQUENCE_SIZE;
	*out++ = static_cast<uint8_t>(handshake_size >> 8);
	*out++ = static_cast<uint8_t>(handshake_size & 0xff);
	// Handshake header, unfragmented, message_seq mirroring the ClientHello's.
	*out++ = HANDSHAKE_HELLO_VERIFY_REQUEST;
	*out++ = 0;
	*out++ = 0;
	*out++ = static_cast<uint8_t>(body_size);
	*out++ = fields.message_sequence[0];
	*out++ = fields.message_sequence[1];
	*out++ = 0; // Fragment offset.
	*out++ = 0;
	*out++ = 0;
	*out++ = 0; // Fragment length == message length.
	*out++ = 0;
	*out++ = static_cast<uint8_t>(body_size);
	// Body: server_version, cookie<0..255>.
	*out++ = HELLO_VERIFY_VERSION[0];
	*out++ = HELLO_VERIFY_VERSION[1];
	*out++ = static_cast<uint8_t>(COOKIE_SIZE);
	memcpy(out, cookie, COOKIE_SIZE);
	return Verdict::SEND_HELLO_VERIFY;
}

int CookieExchange::_get_binding_index() {
	static const int index = CRYPTO_get_ex_new_index(
			CRYPTO_EX_INDEX_SSL, 0, nullptr, nullptr, nullptr,
			+[](void *, void *p_binding, CRYPTO_EX_DATA *, int, long, void *) {
				// Runs from SSL_free, so the binding lives exactly as long as its SSL.
				delete static_cast<PeerBinding *>(p_binding);
			});
	return index;
}

bool CookieExchange::install_callbacks(SSL_CTX *p_ctx) {
	if (p_ctx == nullptr || _get_binding_index() < 0) {
		return false;
	}
	SSL_CTX_set_cookie_generate_cb(p_ctx, _ssl_generate_cookie);
	SSL_CTX_set_cookie_verify_cb(p_ctx, _ssl_verify_cookie);
	return true;
}

bool CookieExchange::bind_ssl(SSL *p_ssl, const uint8_t *p_address, size_t p_address_len, uint16_t p_port) const {
	const int index = _get_binding_index();
	if (p_ssl == nullptr || index < 0 || p_address_len > MAX_ADDRESS_SIZE || (p_address == nullptr && p_address_len > 0)) {
		return false;
	}
	PeerBinding *binding = new PeerBinding;
	binding->secrets = secrets;
	if (p_address_len > 0) {
		memcpy(binding->address, p_address, p_address_len);
	}
	binding->address_len = p_address_len;
	binding->port = p_port;
	// SSL_set_ex_data does not free a previous value; rebinding must.
	delete static_cast<PeerBinding *>(SSL_get_ex_data(p_ssl, index));
	if (SSL_set_ex_data(p_ssl, index, binding) != 1) {
		SSL_set_ex_data(p_ssl, index, nullptr);
		delete binding;
		return false;
	}
	return true;
}

int CookieExchange::_ssl_generate_cookie(SSL *p_ssl, unsigned char *r_cookie, unsigned int *r_cookie_len) {
	const PeerBinding *binding = static_cast<const PeerBinding *>(SSL_get_ex_data(p_ssl, _get_binding_index()));
	if (binding == nullptr || !binding->secrets->make_cookie(binding->address, binding->address_len, binding->port, r_cookie)) {
		return 0;
	}
	*r_cookie_len = COOKIE_SIZE;
	return 1;
}

int CookieExchange::_ssl_verify_cookie(SSL *p_ssl, const unsigned char *p_cookie, unsigned int p_cookie_len) {
	const PeerBinding *binding = static_cast<const PeerBinding *>(SSL_get_ex_data(p_ssl, _get_binding_index()));
	if (binding == nullptr) {
		return 0;
	}
	return binding->secrets->is_cookie_valid(p_cookie, p_cookie_len, binding->address, binding->address_len, binding->port) ? 1 : 0;
}

} // namespace godot::dtls
