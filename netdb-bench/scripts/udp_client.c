/*
 * A minimal C stub client for bulk-dns.sh's reference rows: A queries for hI.bulk.test to
 * 127.0.0.1:PORT with WINDOW in flight on one thread and epoll, in one of three modes:
 *   fresh      a new connected UDP socket (a kernel-random port) per query, closed after its reply,
 *              as glibc's send_dg does: socket, connect, epoll_ctl, send, recv, close;
 *   reconnect  each used socket moved to a fresh random port, as netdb's epoll transport does:
 *              connect(AF_UNSPEC), a recv that finds the queue empty, connect; send, recv;
 *   shared     one connected socket for every query (random IDs only), as dnsperf does.
 * A reply counts when its ID, QR bit and RCODE 0 match; a query unanswered for 2 s counts as failed
 * and its slot starts another. Prints "NAME: RATE queries/s (...)" as BulkDnsBench does.
 * Usage: udp_client MODE PORT SECONDS WINDOW NAMES   (loopback only: the address is fixed)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum mode { FRESH, RECONNECT, SHARED };

struct slot {
  int fd;
  uint16_t id;
  double sent;
  int busy;
};

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static struct sockaddr_in server;
static int names;
static long next_name;
static uint64_t rng;

static uint16_t random_id(void) {
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  return (uint16_t) rng;
}

/* Writes the query for name number i with id into buf; returns its length. */
static int query(unsigned char *buf, long i, uint16_t id) {
  char label[32];
  int n = snprintf(label, sizeof label, "h%ld", i % names);
  unsigned char *p = buf;
  *p++ = id >> 8; *p++ = id & 0xff;
  *p++ = 0x01; *p++ = 0x00;                 /* RD */
  *p++ = 0; *p++ = 1; memset(p, 0, 6); p += 6;  /* QDCOUNT 1 */
  *p++ = n; memcpy(p, label, n); p += n;
  *p++ = 4; memcpy(p, "bulk", 4); p += 4;
  *p++ = 4; memcpy(p, "test", 4); p += 4;
  *p++ = 0;
  *p++ = 0; *p++ = 1; *p++ = 0; *p++ = 1;  /* A, IN */
  return p - buf;
}

static int open_connected(void) {
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0 || connect(fd, (struct sockaddr *) &server, sizeof server) < 0) {
    perror("socket/connect");
    exit(1);
  }
  return fd;
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: %s fresh|reconnect|shared PORT SECONDS WINDOW NAMES\n", argv[0]);
    return 2;
  }
  enum mode mode = !strcmp(argv[1], "fresh") ? FRESH : !strcmp(argv[1], "reconnect") ? RECONNECT : SHARED;
  int port = atoi(argv[2]), seconds = atoi(argv[3]), window = atoi(argv[4]);
  names = atoi(argv[5]);
  if (getrandom(&rng, sizeof rng, 0) != sizeof rng || rng == 0) rng = 88172645463325252ULL;
  memset(&server, 0, sizeof server);
  server.sin_family = AF_INET;
  server.sin_port = htons(port);
  server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int ep = epoll_create1(EPOLL_CLOEXEC);
  struct slot *slots = calloc(window, sizeof *slots);
  unsigned char buf[512];
  long ok = 0, failed = 0;
  int shared_fd = -1;
  if (mode == SHARED) {
    shared_fd = open_connected();
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = 0};
    epoll_ctl(ep, EPOLL_CTL_ADD, shared_fd, &ev);
  }
  double start = now(), end = start + seconds, last_scan = start;
  for (int s = 0; s < window; s++) slots[s].fd = -1;
  /* start(s): sends a new query from slot s */
#define START(s) do { \
    struct slot *sl = &slots[s]; \
    if (mode == FRESH || (mode == RECONNECT && sl->fd < 0)) { \
      sl->fd = open_connected(); \
      struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t) (s)}; \
      epoll_ctl(ep, EPOLL_CTL_ADD, sl->fd, &ev); \
    } \
    sl->id = random_id(); \
    int len = query(buf, next_name++, sl->id); \
    if (send(mode == SHARED ? shared_fd : sl->fd, buf, len, 0) < 0 && errno != EAGAIN) perror("send"); \
    sl->sent = now(); sl->busy = 1; \
  } while (0)
  for (int s = 0; s < window; s++) START(s);
  struct epoll_event events[256];
  while (1) {
    double t = now();
    if (t >= end) break;
    int n = epoll_wait(ep, events, 256, 100);
    for (int i = 0; i < n; i++) {
      int fd = mode == SHARED ? shared_fd : slots[events[i].data.u32].fd;
      for (;;) {
        ssize_t r = recv(fd, buf, sizeof buf, 0);
        if (r < 0) break;
        if (r < 12 || !(buf[2] & 0x80)) continue;
        uint16_t id = buf[0] << 8 | buf[1];
        int s = -1;
        if (mode == SHARED) {
          for (int k = 0; k < window; k++) if (slots[k].busy && slots[k].id == id) { s = k; break; }
        } else if (slots[events[i].data.u32].id == id) {
          s = events[i].data.u32;
        }
        if (s < 0 || !slots[s].busy) continue;
        slots[s].busy = 0;
        if ((buf[3] & 0x0f) == 0) ok++; else failed++;
        if (mode == FRESH) {
          close(slots[s].fd); /* also leaves the epoll set */
          slots[s].fd = -1;
        } else if (mode == RECONNECT) {
          struct sockaddr unspec = {.sa_family = AF_UNSPEC};
          connect(slots[s].fd, &unspec, sizeof unspec);
          while (recv(slots[s].fd, buf, sizeof buf, 0) >= 0) {}
          connect(slots[s].fd, (struct sockaddr *) &server, sizeof server);
        }
        START(s);
        if (mode != SHARED) break;
      }
    }
    if (t - last_scan > 0.5) {
      last_scan = t;
      for (int s = 0; s < window; s++) {
        if (slots[s].busy && t - slots[s].sent > 2) {
          failed++;
          slots[s].busy = 0;
          if (mode == FRESH) { close(slots[s].fd); slots[s].fd = -1; }
          START(s);
        }
      }
    }
  }
  double elapsed = now() - start;
  printf("c-%s: %.0f queries/s (%ld answered, %ld failed, %d s, window %d)\n", argv[1], ok / elapsed, ok,
         failed, seconds, window);
  return 0;
}
