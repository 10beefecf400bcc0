/* udp_baseline.c: the plain-UDP limit that the engine's UDPServer benchmark is measured against.
 *
 * One process, one thread, no framework: one server socket, N connected client sockets, and a
 * loop of blocking sendto/recvfrom calls. Every round each client sends W S-byte datagrams, the
 * server receives the N*W of them and sends each back to its source, and each client receives
 * its W echoes: 4 system calls per echoed datagram (send, recvfrom, sendto, recv), the least a
 * loop of single-datagram calls can make. The server socket asks for the receive buffer the engine's UDPServer asks for
 * (1 MiB); N*W datagrams in flight must fit in it.
 *
 *   echo N M S W    N clients, M echoes of S-byte datagrams each, W in flight per client
 *
 * Prints one line "BENCH {json}" (datagrams_per_sec counts the datagrams the server received and
 * sent back) and exits 0; 1 on a setup failure.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_DATAGRAM 65507
#define SERVER_RCVBUF (1 << 20)

static double now_sec(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_sec(void) {
	struct rusage usage;
	getrusage(RUSAGE_SELF, &usage);
	return (double)usage.ru_utime.tv_sec + (double)usage.ru_stime.tv_sec + (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void die(const char *what) {
	perror(what);
	exit(1);
}

static int open_udp(void) {
	const int fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		die("udp_baseline: socket");
	}
	return fd;
}

static int run_echo(int n, long m, int s, int w) {
	if (n < 1 || m < 1 || s < 1 || s > MAX_DATAGRAM || w < 1 || m % w != 0) {
		fprintf(stderr, "udp_baseline: echo needs N >= 1, M >= 1, 1 <= S <= %d and W >= 1 dividing M\n", MAX_DATAGRAM);
		return 2;
	}
	struct sockaddr_in server_address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	const int server = open_udp();
	const int rcvbuf = SERVER_RCVBUF;
	setsockopt(server, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	socklen_t length = sizeof(server_address);
	if (bind(server, (struct sockaddr *)&server_address, sizeof(server_address)) != 0 ||
			getsockname(server, (struct sockaddr *)&server_address, &length) != 0) {
		die("udp_baseline: bind");
	}
	int *clients = calloc((size_t)n, sizeof(int));
	uint8_t *payload = calloc(1, (size_t)s);
	uint8_t *buffer = malloc(MAX_DATAGRAM);
	if (!clients || !payload || !buffer) {
		die("udp_baseline: out of memory");
	}
	for (int i = 0; i < s; i++) {
		payload[i] = (uint8_t)(i * 7);
	}
	for (int i = 0; i < n; i++) {
		clients[i] = open_udp();
		if (connect(clients[i], (struct sockaddr *)&server_address, sizeof(server_address)) != 0) {
			die("udp_baseline: connect");
		}
	}

	long echoed = 0;
	const double start = now_sec();
	const double start_cpu = cpu_sec();
	for (long round = 0; round < m / w; round++) {
		for (int i = 0; i < n * w; i++) {
			if (send(clients[i % n], payload, (size_t)s, 0) != s) {
				die("udp_baseline: send");
			}
		}
		for (int i = 0; i < n * w; i++) {
			struct sockaddr_in source;
			socklen_t source_length = sizeof(source);
			const ssize_t size = recvfrom(server, buffer, MAX_DATAGRAM, 0, (struct sockaddr *)&source, &source_length);
			if (size < 0 || sendto(server, buffer, (size_t)size, 0, (struct sockaddr *)&source, source_length) != size) {
				die("udp_baseline: server echo");
			}
			echoed++;
		}
		for (int i = 0; i < n * w; i++) {
			if (recv(clients[i % n], buffer, MAX_DATAGRAM, 0) != s) {
				die("udp_baseline: recv");
			}
		}
	}
	const double seconds = now_sec() - start;
	printf("BENCH {\"name\":\"udp_echo\",\"impl\":\"baseline\",\"n\":%d,\"m\":%ld,\"s\":%d,\"w\":%d,\"echoed\":%ld,\"seconds\":%.6f,"
		   "\"cpu_seconds\":%.3f,\"datagrams_per_sec\":%.1f}\n",
			n, m, s, w, echoed, seconds, cpu_sec() - start_cpu, 2.0 * (double)echoed / seconds);
	for (int i = 0; i < n; i++) {
		close(clients[i]);
	}
	close(server);
	free(clients);
	free(payload);
	free(buffer);
	return 0;
}

int main(int argc, char **argv) {
	if (argc == 6 && strcmp(argv[1], "echo") == 0) {
		return run_echo(atoi(argv[2]), atol(argv[3]), atoi(argv[4]), atoi(argv[5]));
	}
	fprintf(stderr, "usage: %s echo N M S W\n", argv[0]);
	return 2;
}
