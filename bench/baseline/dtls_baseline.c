/* dtls_baseline.c: the "physical limit" that Quickdot's DTLS benchmarks are measured against.
 *
 * Over 600 lines: one self-contained program (it links nothing of Quickdot's, so the baseline
 * stays independent of the engine), holding every benchmark mode beside the event loop they share.
 *
 * Plain C over the system OpenSSL, one process, one thread, the same design the engine uses:
 * one server UDP socket demultiplexing every peer by (address, port), one connected UDP socket
 * per client, DTLS 1.2 with a stateless cookie exchange (a listener SSL and DTLSv1_listen, so
 * no per-peer state exists before the cookie checks out) and one SSL per peer over a custom
 * datagram BIO. It is written the way a careful C programmer would, without engine layers:
 *   - epoll (level-triggered) tells which sockets are readable, so no recv is made in vain;
 *   - the server drains its socket with recvmmsg, 32 datagrams per call;
 *   - a received datagram goes straight from the recv buffer into OpenSSL (one copy, made by
 *     the BIO read), and an outgoing record goes straight from OpenSSL to sendto;
 *   - handshake timers are scanned every 10 ms, only for connections still handshaking.
 * The configuration matches the engine's defaults: DTLS 1.2 only, the same AEAD cipher list
 * and groups, record MTU 1200 (SSL_OP_NO_QUERY_MTU + SSL_set_mtu), no tickets, no session
 * cache, HMAC-SHA256 cookies over the peer address. The server identity is an RSA-2048 key
 * (an ECDSA P-256 one with "handshake N ec") generated at start with a self-signed certificate
 * for CN=localhost (what the engine's scenes make with Crypto.generate_rsa(2048) or
 * generate_ec()); clients verify the chain and the name.
 *
 * Every mode prints one line "BENCH {json}" on stdout and exits 0 (1 on a setup failure).
 *   echo N M S            N clients, M ping-pong round trips of S-byte payloads each
 *                         (S is capped to the largest payload a record carries at MTU 1200)
 *   handshake N           N clients start their handshakes at once; time until all are done
 *   memory N              server-side RSS per established, idle peer (clients in a child)
 *   flood K               server-side RSS per source that sent one cookie-less ClientHello
 *   startup               OpenSSL initialisation plus a server context, then exit
 *   clients PORT N [W]    helper: connect 1 client, then N more (at most W handshakes at a
 *                         time, default 16), to a server on 127.0.0.1:PORT, and stay idle
 *                         until killed or 300 s pass (used by the engine's memory scene)
 */
#define _GNU_SOURCE
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <arpa/inet.h>
#include <errno.h>
#include <malloc.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MTU 1200
#define RECV_SLOTS 32
#define SLOT_SIZE 2048
#define SERVER_RCVBUF (1 << 20) /* As the engine's UDPServer asks. */
#define TIMER_SCAN_MS 10
#define DEFAULT_WINDOW 16

/* Same lists as the engine (modules/openssl/dtls/dtls_context.cpp). */
static const char *CIPHER_LIST = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
								 "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
								 "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
static const char *GROUP_LIST = "X25519:P-256:P-384";

enum { CONN_HANDSHAKING,
	CONN_CONNECTED,
	CONN_FAILED };

typedef struct Conn {
	SSL *ssl;
	int fd; /* The socket this connection sends on. */
	int is_client; /* Clients own a connected socket and use send(). */
	struct sockaddr_in peer; /* Server side: where sendto goes. */
	const uint8_t *in; /* The one datagram waiting for OpenSSL, or NULL. */
	size_t in_len;
	int state;
	int index; /* In World.conns. */
	long received; /* Echo bookkeeping (client side). */
} Conn;

typedef struct World {
	SSL_CTX *server_ctx;
	SSL_CTX *client_ctx;
	int epoll_fd;
	int server_fd;
	uint16_t server_port;
	/* Listener: a spare server SSL that answers cookie-less ClientHellos statelessly. */
	Conn listener;
	BIO_ADDR *listen_addr;
	/* Server peers, by (address, port): open addressing, linear probing. */
	Conn **table;
	size_t table_mask;
	size_t table_count;
	/* Every connection, for the timer scan. */
	Conn **conns;
	int conn_count;
	int conn_capacity;
	/* recvmmsg slots. */
	struct mmsghdr msgs[RECV_SLOTS];
	struct iovec iovs[RECV_SLOTS];
	struct sockaddr_in sources[RECV_SLOTS];
	uint8_t *slots;
	/* Scenario hooks. */
	void (*on_server_record)(struct World *, Conn *, const uint8_t *, int);
	void (*on_client_record)(struct World *, Conn *, const uint8_t *, int);
	void (*on_connected)(struct World *, Conn *);
	void (*on_failed)(struct World *, Conn *);
	double last_timer_scan;
	long server_connected;
	long client_connected;
	long client_failed;
} World;

static unsigned char cookie_secret[32];
static uint8_t read_buffer[16384 + 64];

/* ------------------------------------------------------------------ utilities */

static double now_sec(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what) {
	fprintf(stderr, "dtls_baseline: %s\n", what);
	ERR_print_errors_fp(stderr);
	exit(1);
}

/* User + system CPU time of this process (what the engine's scenes read from /proc/self/stat). */
static double cpu_sec(void) {
	struct rusage usage;
	getrusage(RUSAGE_SELF, &usage);
	return (double)usage.ru_utime.tv_sec + (double)usage.ru_stime.tv_sec + (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static long rss_bytes(void) {
	long pages_total = 0, pages_resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (!f) {
		return -1;
	}
	if (fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) {
		pages_resident = -1;
	}
	fclose(f);
	return pages_resident * sysconf(_SC_PAGESIZE);
}

/* Peak RSS so far (VmHWM), in bytes. */
static long peak_rss_bytes(void) {
	char line[256];
	long kib = -1;
	FILE *f = fopen("/proc/self/status", "r");
	if (!f) {
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "VmHWM:", 6) == 0) {
			kib = strtol(line + 6, NULL, 10);
			break;
		}
	}
	fclose(f);
	return kib * 1024;
}

static long heap_bytes(void) {
	struct mallinfo2 info = mallinfo2();
	return (long)(info.uordblks + info.hblkhd);
}

/* ------------------------------------------------------------------ the datagram BIO */

static BIO_METHOD *bio_method;

static int bio_write_ex(BIO *bio, const char *data, size_t size, size_t *written) {
	Conn *c = BIO_get_data(bio);
	BIO_clear_retry_flags(bio);
	if (c && size > 0) {
		/* A datagram that cannot go out is lost, as UDP allows; never ask OpenSSL to retry. */
		if (c->is_client) {
			(void)send(c->fd, data, size, MSG_DONTWAIT);
		} else {
			(void)sendto(c->fd, data, size, MSG_DONTWAIT, (const struct sockaddr *)&c->peer, sizeof(c->peer));
		}
	}
	*written = size;
	return 1;
}

static int bio_read_ex(BIO *bio, char *buffer, size_t size, size_t *read) {
	Conn *c = BIO_get_data(bio);
	BIO_clear_retry_flags(bio);
	*read = 0;
	if (!c || !c->in) {
		BIO_set_retry_read(bio);
		return 0;
	}
	const size_t n = c->in_len < size ? c->in_len : size;
	memcpy(buffer, c->in, n);
	c->in = NULL;
	*read = n;
	return 1;
}

static long bio_ctrl(BIO *bio, int cmd, long num, void *ptr) {
	Conn *c = BIO_get_data(bio);
	(void)num;
	switch (cmd) {
		case BIO_CTRL_FLUSH:
			return 1;
		case BIO_CTRL_PENDING:
			return c && c->in ? (long)c->in_len : 0;
		case BIO_CTRL_DGRAM_QUERY_MTU:
		case BIO_CTRL_DGRAM_GET_FALLBACK_MTU:
			return MTU;
		case BIO_CTRL_DGRAM_SET_NEXT_TIMEOUT:
			return 1;
		case BIO_CTRL_DGRAM_GET_PEER:
			if (ptr) {
				BIO_ADDR_clear(ptr);
			}
			return 0;
		default:
			return 0;
	}
}

static int bio_create(BIO *bio) {
	BIO_set_init(bio, 1);
	return 1;
}

static void setup_bio_method(void) {
	bio_method = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "baseline datagram");
	if (!bio_method) {
		die("BIO_meth_new failed");
	}
	BIO_meth_set_write_ex(bio_method, bio_write_ex);
	BIO_meth_set_read_ex(bio_method, bio_read_ex);
	BIO_meth_set_ctrl(bio_method, bio_ctrl);
	BIO_meth_set_create(bio_method, bio_create);
}

static void attach_bio(SSL *ssl, Conn *c) {
	BIO *bio = BIO_new(bio_method);
	if (!bio) {
		die("BIO_new failed");
	}
	BIO_set_data(bio, c);
	SSL_set_bio(ssl, bio, bio); /* Same BIO twice: one reference consumed. */
	SSL_set_mtu(ssl, MTU);
	SSL_set_max_send_fragment(ssl, MTU);
}

/* ------------------------------------------------------------------ cookies */

static int make_cookie(const struct sockaddr_in *peer, unsigned char *out, unsigned int *out_len) {
	unsigned char input[6];
	memcpy(input, &peer->sin_addr, 4);
	memcpy(input + 4, &peer->sin_port, 2);
	return HMAC(EVP_sha256(), cookie_secret, sizeof(cookie_secret), input, sizeof(input), out, out_len) != NULL;
}

static int generate_cookie_cb(SSL *ssl, unsigned char *cookie, unsigned int *cookie_len) {
	Conn *c = BIO_get_data(SSL_get_rbio(ssl));
	return c && make_cookie(&c->peer, cookie, cookie_len);
}

static int verify_cookie_cb(SSL *ssl, const unsigned char *cookie, unsigned int cookie_len) {
	unsigned char expected[EVP_MAX_MD_SIZE];
	unsigned int expected_len = 0;
	Conn *c = BIO_get_data(SSL_get_rbio(ssl));
	if (!c || !make_cookie(&c->peer, expected, &expected_len)) {
		return 0;
	}
	return cookie_len == expected_len && CRYPTO_memcmp(cookie, expected, expected_len) == 0;
}

/* ------------------------------------------------------------------ contexts */

static SSL_CTX *base_ctx(const SSL_METHOD *method) {
	SSL_CTX *ctx = SSL_CTX_new(method);
	if (!ctx || SSL_CTX_set_min_proto_version(ctx, DTLS1_2_VERSION) != 1 || SSL_CTX_set_max_proto_version(ctx, DTLS1_2_VERSION) != 1 ||
			SSL_CTX_set_cipher_list(ctx, CIPHER_LIST) != 1 || SSL_CTX_set1_groups_list(ctx, GROUP_LIST) != 1) {
		die("cannot configure an SSL_CTX");
	}
	SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_QUERY_MTU | SSL_OP_NO_TICKET);
	SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
	SSL_CTX_set_read_ahead(ctx, 0);
	return ctx;
}

static X509 *self_signed(EVP_PKEY *key) {
	X509 *cert = X509_new();
	X509_NAME *name = X509_NAME_new();
	if (!cert || !name) {
		die("X509_new failed");
	}
	X509_set_version(cert, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
	X509_gmtime_adj(X509_getm_notBefore(cert), 0);
	X509_gmtime_adj(X509_getm_notAfter(cert), 365L * 24 * 3600);
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)"localhost", -1, -1, 0);
	X509_set_subject_name(cert, name);
	X509_set_issuer_name(cert, name);
	X509_NAME_free(name);
	X509_set_pubkey(cert, key);
	if (X509_sign(cert, key, EVP_sha256()) <= 0) {
		die("X509_sign failed");
	}
	return cert;
}

/* "handshake N ec": the server's key is ECDSA P-256 instead of RSA-2048 (Crypto.generate_ec()). */
static int use_ec_key = 0;

/* p_verify: clients check the chain (this certificate) and the name "localhost". */
static void make_contexts(World *w, int make_server, int verify) {
	X509 *cert = NULL;
	EVP_PKEY *key = NULL;
	if (make_server || verify) {
		key = use_ec_key ? EVP_EC_gen("P-256") : EVP_RSA_gen(2048);
		if (!key) {
			die("server key generation failed");
		}
		cert = self_signed(key);
	}
	if (make_server) {
		w->server_ctx = base_ctx(DTLS_server_method());
		SSL_CTX_set_max_cert_list(w->server_ctx, 16 * 1024);
		SSL_CTX_set_verify(w->server_ctx, SSL_VERIFY_NONE, NULL);
		if (SSL_CTX_use_certificate(w->server_ctx, cert) != 1 || SSL_CTX_use_PrivateKey(w->server_ctx, key) != 1) {
			die("cannot use the certificate and key");
		}
		SSL_CTX_set_cookie_generate_cb(w->server_ctx, generate_cookie_cb);
		SSL_CTX_set_cookie_verify_cb(w->server_ctx, verify_cookie_cb);
	}
	w->client_ctx = base_ctx(DTLS_client_method());
	SSL_CTX_set_max_cert_list(w->client_ctx, 64 * 1024);
	if (verify) {
		SSL_CTX_set_verify(w->client_ctx, SSL_VERIFY_PEER, NULL);
		X509_STORE_add_cert(SSL_CTX_get_cert_store(w->client_ctx), cert);
	} else {
		SSL_CTX_set_verify(w->client_ctx, SSL_VERIFY_NONE, NULL);
	}
	X509_free(cert);
	EVP_PKEY_free(key);
}

/* ------------------------------------------------------------------ world */

static void add_conn(World *w, Conn *c) {
	if (w->conn_count == w->conn_capacity) {
		w->conn_capacity = w->conn_capacity ? w->conn_capacity * 2 : 256;
		w->conns = realloc(w->conns, sizeof(Conn *) * (size_t)w->conn_capacity);
		if (!w->conns) {
			die("out of memory");
		}
	}
	c->index = w->conn_count;
	w->conns[w->conn_count++] = c;
}

static size_t peer_hash(const struct sockaddr_in *a) {
	uint64_t h = ((uint64_t)a->sin_addr.s_addr << 16) ^ a->sin_port;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (size_t)h;
}

static int same_peer(const struct sockaddr_in *a, const struct sockaddr_in *b) {
	return a->sin_addr.s_addr == b->sin_addr.s_addr && a->sin_port == b->sin_port;
}

static Conn *table_find(World *w, const struct sockaddr_in *a) {
	for (size_t i = peer_hash(a) & w->table_mask;; i = (i + 1) & w->table_mask) {
		Conn *c = w->table[i];
		if (!c || same_peer(&c->peer, a)) {
			return c;
		}
	}
}

static void table_insert(World *w, Conn *c) {
	if ((w->table_count + 1) * 2 > w->table_mask + 1) {
		/* Grow at half full. */
		size_t old_size = w->table_mask + 1;
		Conn **old = w->table;
		w->table_mask = old_size * 2 - 1;
		w->table = calloc(old_size * 2, sizeof(Conn *));
		if (!w->table) {
			die("out of memory");
		}
		w->table_count = 0;
		for (size_t i = 0; i < old_size; i++) {
			if (old[i]) {
				table_insert(w, old[i]);
			}
		}
		free(old);
	}
	size_t i = peer_hash(&c->peer) & w->table_mask;
	while (w->table[i]) {
		i = (i + 1) & w->table_mask;
	}
	w->table[i] = c;
	w->table_count++;
}

static void new_listener(World *w) {
	w->listener.ssl = SSL_new(w->server_ctx);
	if (!w->listener.ssl) {
		die("SSL_new failed");
	}
	attach_bio(w->listener.ssl, &w->listener);
}

static int open_udp(void) {
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		die("socket() failed");
	}
	return fd;
}

static void watch(World *w, int fd, void *ptr) {
	struct epoll_event ev;
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	ev.data.ptr = ptr;
	if (epoll_ctl(w->epoll_fd, EPOLL_CTL_ADD, fd, &ev) != 0) {
		die("epoll_ctl failed");
	}
}

static void world_init(World *w) {
	memset(w, 0, sizeof(*w));
	w->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	w->server_fd = -1;
	w->listen_addr = BIO_ADDR_new();
	w->table_mask = 1023;
	w->table = calloc(1024, sizeof(Conn *));
	w->slots = malloc((size_t)RECV_SLOTS * SLOT_SIZE);
	if (w->epoll_fd < 0 || !w->listen_addr || !w->table || !w->slots) {
		die("out of memory");
	}
	for (int i = 0; i < RECV_SLOTS; i++) {
		w->iovs[i].iov_base = w->slots + (size_t)i * SLOT_SIZE;
		w->iovs[i].iov_len = SLOT_SIZE;
		memset(&w->msgs[i], 0, sizeof(w->msgs[i]));
		w->msgs[i].msg_hdr.msg_iov = &w->iovs[i];
		w->msgs[i].msg_hdr.msg_iovlen = 1;
		w->msgs[i].msg_hdr.msg_name = &w->sources[i];
	}
}

static void server_listen(World *w) {
	w->server_fd = open_udp();
	int size = SERVER_RCVBUF;
	setsockopt(w->server_fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(w->server_fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
		die("bind() failed");
	}
	socklen_t len = sizeof(addr);
	getsockname(w->server_fd, (struct sockaddr *)&addr, &len);
	w->server_port = ntohs(addr.sin_port);
	w->listener.fd = w->server_fd;
	new_listener(w);
	watch(w, w->server_fd, NULL);
}

/* ------------------------------------------------------------------ record processing */

static void conn_fail(World *w, Conn *c) {
	ERR_clear_error();
	c->state = CONN_FAILED;
	if (c->is_client) {
		w->client_failed++;
	}
	if (w->on_failed) {
		w->on_failed(w, c);
	}
}

/* Runs OpenSSL over the datagram in c->in (or over nothing, to start or continue). */
static void conn_process(World *w, Conn *c) {
	if (c->state == CONN_HANDSHAKING) {
		const int r = SSL_do_handshake(c->ssl);
		if (r == 1) {
			c->state = CONN_CONNECTED;
			if (c->is_client) {
				w->client_connected++;
			} else {
				w->server_connected++;
			}
			if (w->on_connected) {
				w->on_connected(w, c);
			}
		} else {
			const int e = SSL_get_error(c->ssl, r);
			if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
				conn_fail(w, c);
			}
			c->in = NULL;
			return;
		}
	}
	if (c->state != CONN_CONNECTED) {
		c->in = NULL;
		return;
	}
	while (1) {
		const int n = SSL_read(c->ssl, read_buffer, sizeof(read_buffer));
		if (n > 0) {
			if (c->is_client) {
				if (w->on_client_record) {
					w->on_client_record(w, c, read_buffer, n);
				}
			} else if (w->on_server_record) {
				w->on_server_record(w, c, read_buffer, n);
			}
			continue;
		}
		const int e = SSL_get_error(c->ssl, n);
		if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
			conn_fail(w, c);
		}
		break;
	}
	c->in = NULL;
}

static void server_datagram(World *w, const struct sockaddr_in *source, const uint8_t *data, size_t size) {
	Conn *c = table_find(w, source);
	if (c) {
		if (c->state == CONN_FAILED) {
			return;
		}
		c->in = data;
		c->in_len = size;
		conn_process(w, c);
		return;
	}
	/* Unknown source: the listener answers statelessly until a cookie verifies. */
	w->listener.peer = *source;
	w->listener.in = data;
	w->listener.in_len = size;
	const int r = DTLSv1_listen(w->listener.ssl, w->listen_addr);
	w->listener.in = NULL;
	if (r == 0) {
		ERR_clear_error();
		return; /* HelloVerifyRequest sent, or garbage dropped. */
	}
	if (r < 0) {
		ERR_clear_error();
		SSL_free(w->listener.ssl);
		new_listener(w);
		return;
	}
	/* The cookie checked out: the listener SSL becomes this peer's SSL. */
	c = calloc(1, sizeof(Conn));
	if (!c) {
		die("out of memory");
	}
	c->ssl = w->listener.ssl;
	c->fd = w->server_fd;
	c->peer = *source;
	c->state = CONN_HANDSHAKING;
	BIO_set_data(SSL_get_rbio(c->ssl), c);
	table_insert(w, c);
	add_conn(w, c);
	new_listener(w);
	conn_process(w, c); /* Continues from the buffered ClientHello: sends the server flight. */
}

static void server_drain(World *w) {
	while (1) {
		for (int i = 0; i < RECV_SLOTS; i++) {
			w->msgs[i].msg_hdr.msg_namelen = sizeof(struct sockaddr_in);
		}
		const int n = recvmmsg(w->server_fd, w->msgs, RECV_SLOTS, MSG_DONTWAIT, NULL);
		if (n <= 0) {
			return;
		}
		for (int i = 0; i < n; i++) {
			server_datagram(w, &w->sources[i], w->iovs[i].iov_base, w->msgs[i].msg_len);
		}
		if (n < RECV_SLOTS) {
			return;
		}
	}
}

static uint8_t client_buffer[SLOT_SIZE];

static void client_readable(World *w, Conn *c) {
	const ssize_t n = recv(c->fd, client_buffer, sizeof(client_buffer), MSG_DONTWAIT);
	if (n <= 0 || c->state == CONN_FAILED) {
		return;
	}
	c->in = client_buffer;
	c->in_len = (size_t)n;
	conn_process(w, c);
}

static void scan_timers(World *w) {
	const double now = now_sec();
	if ((now - w->last_timer_scan) * 1000 < TIMER_SCAN_MS) {
		return;
	}
	w->last_timer_scan = now;
	for (int i = 0; i < w->conn_count; i++) {
		Conn *c = w->conns[i];
		struct timeval left;
		if (c->state != CONN_HANDSHAKING || DTLSv1_get_timeout(c->ssl, &left) != 1 || left.tv_sec > 0 || left.tv_usec > 0) {
			continue;
		}
		if (DTLSv1_handle_timeout(c->ssl) < 0) {
			conn_fail(w, c);
		}
	}
}

/* One turn of the loop: wait up to p_timeout_ms for readable sockets, serve them, run timers. */
static void world_turn(World *w, int timeout_ms) {
	struct epoll_event events[256];
	const int n = epoll_wait(w->epoll_fd, events, 256, timeout_ms);
	for (int i = 0; i < n; i++) {
		Conn *c = events[i].data.ptr;
		if (!c) {
			server_drain(w);
		} else {
			client_readable(w, c);
		}
	}
	scan_timers(w);
}

static Conn *client_start(World *w, uint16_t port, int verify) {
	Conn *c = calloc(1, sizeof(Conn));
	if (!c) {
		die("out of memory");
	}
	c->is_client = 1;
	c->fd = open_udp();
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = htons(port);
	if (connect(c->fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
		die("connect() failed");
	}
	c->ssl = SSL_new(w->client_ctx);
	if (!c->ssl) {
		die("SSL_new failed");
	}
	attach_bio(c->ssl, c);
	SSL_set_connect_state(c->ssl);
	if (verify) {
		SSL_set_tlsext_host_name(c->ssl, "localhost");
		SSL_set1_host(c->ssl, "localhost");
	}
	c->state = CONN_HANDSHAKING;
	add_conn(w, c);
	watch(w, c->fd, c);
	conn_process(w, c); /* Sends the ClientHello. */
	return c;
}

static void print_result(const char *json) {
	printf("BENCH %s\n", json);
	fflush(stdout);
}

/* ------------------------------------------------------------------ echo */

static long echo_m;
static int echo_size;
static int echo_done;
static uint8_t echo_payload[SLOT_SIZE];

static void echo_server_record(World *w, Conn *c, const uint8_t *data, int size) {
	(void)w;
	SSL_write(c->ssl, data, size);
}

static void echo_client_record(World *w, Conn *c, const uint8_t *data, int size) {
	(void)w;
	(void)data;
	if (size != echo_size) {
		return;
	}
	c->received++;
	if (c->received < echo_m) {
		SSL_write(c->ssl, echo_payload, echo_size);
	} else if (c->received == echo_m) {
		echo_done++;
	}
}

static int run_echo(int n, long m, int s) {
	World w;
	world_init(&w);
	make_contexts(&w, 1, 1);
	server_listen(&w);
	Conn **clients = calloc((size_t)n, sizeof(Conn *));
	for (int i = 0; i < n; i++) {
		clients[i] = client_start(&w, w.server_port, 1);
	}
	const double deadline = now_sec() + 60;
	while (w.client_connected + w.client_failed < n && now_sec() < deadline) {
		world_turn(&w, TIMER_SCAN_MS);
	}
	if (w.client_connected < n) {
		die("echo: the clients did not all connect");
	}
	const int max_payload = (int)DTLS_get_data_mtu(clients[0]->ssl);
	echo_size = s < max_payload ? s : max_payload;
	echo_m = m;
	for (int i = 0; i < echo_size; i++) {
		echo_payload[i] = (uint8_t)(i * 7);
	}
	w.on_server_record = echo_server_record;
	w.on_client_record = echo_client_record;
	const double start = now_sec();
	const double start_cpu = cpu_sec();
	for (int i = 0; i < n; i++) {
		SSL_write(clients[i]->ssl, echo_payload, echo_size);
	}
	while (echo_done < n && now_sec() < start + 120) {
		world_turn(&w, TIMER_SCAN_MS);
	}
	const double seconds = now_sec() - start;
	char json[512];
	snprintf(json, sizeof(json),
			"{\"name\":\"echo\",\"impl\":\"baseline\",\"n\":%d,\"m\":%ld,\"s\":%d,\"payload\":%d,\"completed\":%d,\"seconds\":%.6f,\"cpu_seconds\":%.3f,"
			"\"packets_per_sec\":%.1f}",
			n, m, s, echo_size, echo_done, seconds, cpu_sec() - start_cpu, (double)n * (double)m / seconds);
	print_result(json);
	return echo_done == n ? 0 : 1;
}

/* ------------------------------------------------------------------ handshake storm */

static int run_handshake(int n) {
	World w;
	world_init(&w);
	make_contexts(&w, 1, 1);
	server_listen(&w);
	const double start = now_sec();
	const double start_cpu = cpu_sec();
	for (int i = 0; i < n; i++) {
		client_start(&w, w.server_port, 1);
	}
	const double deadline = start + 300;
	while (w.client_connected + w.client_failed < n && now_sec() < deadline) {
		world_turn(&w, TIMER_SCAN_MS);
	}
	const double seconds = now_sec() - start;
	char json[512];
	snprintf(json, sizeof(json),
			"{\"name\":\"handshake\",\"impl\":\"baseline\",\"n\":%d,\"connected\":%ld,\"failed\":%ld,\"seconds\":%.6f,\"cpu_seconds\":%.3f,"
			"\"handshakes_per_sec\":%.1f}",
			n, w.client_connected, (long)n - w.client_connected, seconds, cpu_sec() - start_cpu, (double)w.client_connected / seconds);
	print_result(json);
	return 0;
}

/* ------------------------------------------------------------------ idle clients (helper) */

/* Connects 1 client, waits, then p_n more with at most p_window handshakes in flight, and
 * stays idle until killed or p_lifetime seconds pass. The pause after the first client lets
 * the server measure its memory with one-time costs (OpenSSL tables, buffers) already paid. */
static int run_clients(uint16_t port, int n, int window, double lifetime) {
	World w;
	world_init(&w);
	make_contexts(&w, 0, 0);
	const double end = now_sec() + lifetime;
	client_start(&w, port, 0);
	while (w.client_connected + w.client_failed < 1 && now_sec() < end) {
		world_turn(&w, TIMER_SCAN_MS);
	}
	const double pause_end = now_sec() + 1.0;
	while (now_sec() < pause_end) {
		world_turn(&w, TIMER_SCAN_MS);
	}
	int started = 0;
	while (now_sec() < end) {
		/* In flight: started so far (plus the first client) minus those done. */
		while (started < n && (started + 1) - (w.client_connected + w.client_failed) < window) {
			client_start(&w, port, 0);
			started++;
		}
		world_turn(&w, 50);
	}
	return 0;
}

/* ------------------------------------------------------------------ memory per established peer */

static int run_memory(int n) {
	World w;
	world_init(&w);
	make_contexts(&w, 1, 0);
	server_listen(&w);
	const pid_t child = fork();
	if (child < 0) {
		die("fork() failed");
	}
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGTERM); /* Never outlives the measuring parent. */
		SSL_CTX_free(w.server_ctx);
		close(w.server_fd);
		_exit(run_clients(w.server_port, n, DEFAULT_WINDOW, 300));
	}
	const double deadline = now_sec() + 300;
	long rss_before = -1, heap_before = -1;
	long target = 1;
	double stable_since = 0;
	long last_count = -1;
	long rss_after = -1, heap_after = -1;
	while (now_sec() < deadline) {
		world_turn(&w, 20);
		if (w.server_connected != last_count) {
			last_count = w.server_connected;
			stable_since = now_sec();
			continue;
		}
		/* Measured once the count has held for 300 ms: no handshake is in progress. */
		if (w.server_connected == target && now_sec() - stable_since > 0.3) {
			if (target == 1) {
				rss_before = rss_bytes();
				heap_before = heap_bytes();
				target = 1 + n;
			} else {
				rss_after = rss_bytes();
				heap_after = heap_bytes();
				break;
			}
		}
	}
	kill(child, SIGTERM);
	waitpid(child, NULL, 0);
	const long peers = w.server_connected - 1;
	char json[512];
	snprintf(json, sizeof(json),
			"{\"name\":\"memory_per_peer\",\"impl\":\"baseline\",\"n\":%d,\"peers\":%ld,\"rss_before\":%ld,\"rss_after\":%ld,"
			"\"bytes_per_peer\":%.1f,\"heap_bytes_per_peer\":%.1f}",
			n, peers, rss_before, rss_after, peers > 0 ? (double)(rss_after - rss_before) / (double)peers : -1.0,
			peers > 0 ? (double)(heap_after - heap_before) / (double)peers : -1.0);
	print_result(json);
	return rss_after > 0 ? 0 : 1;
}

/* ------------------------------------------------------------------ spoofed ClientHello flood */

/* A cookie-less ClientHello as our client context sends it, captured from a throwaway SSL. */
static size_t capture_client_hello(World *w, uint8_t *out, size_t capacity) {
	int pair[2];
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, pair) != 0) {
		die("socketpair() failed");
	}
	Conn c;
	memset(&c, 0, sizeof(c));
	c.is_client = 1;
	c.fd = pair[0];
	c.ssl = SSL_new(w->client_ctx);
	attach_bio(c.ssl, &c);
	SSL_set_connect_state(c.ssl);
	SSL_do_handshake(c.ssl);
	ERR_clear_error();
	const ssize_t n = recv(pair[1], out, capacity, MSG_DONTWAIT);
	SSL_free(c.ssl);
	close(pair[0]);
	close(pair[1]);
	if (n <= 0) {
		die("could not capture a ClientHello");
	}
	return (size_t)n;
}

static int run_flood(int k) {
	World w;
	world_init(&w);
	make_contexts(&w, 1, 0);
	server_listen(&w);
	uint8_t hello[2048];
	const size_t hello_size = capture_client_hello(&w, hello, sizeof(hello));
	struct sockaddr_in to;
	memset(&to, 0, sizeof(to));
	to.sin_family = AF_INET;
	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	to.sin_port = htons(w.server_port);
	/* One socket per fake source (a distinct port each), all opened before the first measure. */
	int *senders = malloc(sizeof(int) * (size_t)k);
	for (int i = 0; i < k; i++) {
		senders[i] = open_udp();
	}
	/* Warm-up: one source first, so first-use allocations are not counted. */
	sendto(senders[0], hello, hello_size, 0, (struct sockaddr *)&to, sizeof(to));
	for (int i = 0; i < 10; i++) {
		world_turn(&w, 5);
	}
	const long rss_before = rss_bytes();
	const long heap_before = heap_bytes();
	for (int i = 1; i < k; i++) {
		sendto(senders[i], hello, hello_size, 0, (struct sockaddr *)&to, sizeof(to));
		if (i % 16 == 0) {
			world_turn(&w, 0);
		}
	}
	for (int i = 0; i < 20; i++) {
		world_turn(&w, 5);
	}
	const long rss_after = rss_bytes();
	const long heap_after = heap_bytes();
	for (int i = 0; i < k; i++) {
		close(senders[i]);
	}
	free(senders);
	const int sources = k - 1;
	char json[512];
	snprintf(json, sizeof(json),
			"{\"name\":\"flood\",\"impl\":\"baseline\",\"k\":%d,\"sources\":%d,\"client_hello_bytes\":%zu,\"rss_before\":%ld,\"rss_after\":%ld,"
			"\"bytes_per_source\":%.1f,\"heap_bytes_per_source\":%.1f}",
			k, sources, hello_size, rss_before, rss_after, (double)(rss_after - rss_before) / sources, (double)(heap_after - heap_before) / sources);
	print_result(json);
	return 0;
}

/* ------------------------------------------------------------------ startup */

static int run_startup(void) {
	/* What any OpenSSL DTLS server pays before its first datagram, minus key generation. */
	SSL_CTX *ctx = base_ctx(DTLS_server_method());
	SSL_CTX_free(ctx);
	char json[256];
	snprintf(json, sizeof(json), "{\"name\":\"startup\",\"impl\":\"baseline\",\"rss\":%ld,\"peak_rss\":%ld}", rss_bytes(), peak_rss_bytes());
	print_result(json);
	return 0;
}

/* ------------------------------------------------------------------ main */

static long arg_long(int argc, char **argv, int index, long fallback) {
	return index < argc ? strtol(argv[index], NULL, 10) : fallback;
}

int main(int argc, char **argv) {
	if (argc < 2) {
		fprintf(stderr, "usage: %s echo N M S | handshake N [ec] | memory N | flood K | startup | clients PORT N [WINDOW]\n", argv[0]);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	setup_bio_method();
	if (RAND_bytes(cookie_secret, sizeof(cookie_secret)) != 1) {
		die("RAND_bytes failed");
	}
	const char *mode = argv[1];
	if (strcmp(mode, "echo") == 0) {
		return run_echo((int)arg_long(argc, argv, 2, 10), arg_long(argc, argv, 3, 1000), (int)arg_long(argc, argv, 4, 64));
	}
	if (strcmp(mode, "handshake") == 0) {
		use_ec_key = argc > 3 && strcmp(argv[3], "ec") == 0;
		return run_handshake((int)arg_long(argc, argv, 2, 100));
	}
	if (strcmp(mode, "memory") == 0) {
		return run_memory((int)arg_long(argc, argv, 2, 1000));
	}
	if (strcmp(mode, "flood") == 0) {
		return run_flood((int)arg_long(argc, argv, 2, 2000));
	}
	if (strcmp(mode, "startup") == 0) {
		return run_startup();
	}
	if (strcmp(mode, "clients") == 0 && argc >= 4) {
		return run_clients((uint16_t)arg_long(argc, argv, 2, 0), (int)arg_long(argc, argv, 3, 1000), (int)arg_long(argc, argv, 4, DEFAULT_WINDOW), 300);
	}
	fprintf(stderr, "dtls_baseline: unknown mode \"%s\"\n", mode);
	return 2;
}
