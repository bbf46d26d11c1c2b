#!/bin/sh
# Bulk DNS benchmark, every row in one run: NSD on 127.0.0.1 serving bulk.test (NAMES A records)
# and 10.in-addr.arpa (their PTR records), RRL off; then dnsperf, each Java client, the netdb
# command line's batches and the JDK's resolver, one after another, and a table of each row's
# share of dnsperf's A rate from this same run.
# Usage: netdb-bench/bulk-dns.sh [SECONDS] [WINDOW] [NAMES]   (needs nsd and dnsperf; loopback only)
#
# Rows (each can be left out; see the variables):
#   dnsperf, dnsperf-ptr   one socket, WINDOW in flight, A and then PTR queries (SKIP_DNSPERF=1)
#   c-fresh, c-reconnect, c-shared   a minimal C client (netdb-bench/scripts/udp_client.c, built
#     with gcc; one thread, epoll, WINDOW in flight): a new socket per query as glibc's send_dg
#     (socket, connect, send, recv, close), a used socket moved to a fresh port as netdb's epoll
#     transport does (connect AF_UNSPEC, drain, connect), and one socket for all (SKIP_C=1)
#   IMPLS (BulkDnsBench, default: netdb netdb-reuse100 netdb-getaddrinfo netdb-getaddrinfo-reuse100 netdb-reverse netty
#     netty-socket-per-query dnsjava): netdb's DNS client (A; PTR for netdb-reverse; with
#     udpMaxQueries(100) for netdb-reuse100), the public getaddrinfoAsync (netdb-getaddrinfo, and
#     with udpMaxQueries(100)); Netty 4.2 with each of its two channel
#     strategies (DnsNameResolverChannelStrategy: ChannelPerResolver, ChannelPerResolution);
#     dnsjava. IMPLS= leaves them out. The Java rows run with JAVA_OPTS, by default
#     --enable-native-access=ALL-UNNAMED (the epoll transport; JAVA_OPTS= for the NIO fallback).
#   cli ...   CLI_CALLS lines (default 40,000 per second of SECONDS) over the NAMES names through
#     ./netdb --backend java --no-cache (a fresh port per query, 256 calls in flight): `--json
#     getaddrinfo -` (["hI.bulk.test", 80, "AF_INET", "SOCK_STREAM"]: one A query per call), the
#     same with --udp-max-queries 100 (skipped with a message when the option is unknown), and
#     line-mode `gethostbyname -` (one A query) and `gethostbyaddr -` (10.X.Y.Z: one PTR query);
#     each row is the batch's summary line (rate = calls/s from the first line read to the last
#     result written, JVM start-up excluded). SKIP_CLI=1 leaves them out.
#   jdk-vthreads   InetAddress.getAllByName on a virtual thread per lookup, WINDOW in flight (A
#     only, the JDK's cache off; scripts/BulkJdkLookups.java, run without the benchmark jar, whose
#     InetAddress provider is a fixed map). The JDK can only ask port 53 of the system's nameserver, so this row runs inside
#     a private network and mount namespace (unshare, as root) whose only interface is a fresh
#     loopback, with its own NSD on 127.0.0.1:53 and a private resolv.conf, hosts and nsswitch.conf
#     (docs/testing.md); it is skipped with a message when that cannot be set up. SKIP_JDK=1.
# Counting system calls per query: netdb-bench/bulk-syscalls.sh.
set -eu
SECONDS_=${1:-10}; WINDOW=${2:-256}; NAMES=${3:-20000}
root=$(cd "$(dirname "$0")/.." && pwd)
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME
jar=${BENCH_JAR:-"$root/netdb-bench/target/benchmarks.jar"}
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -ntp -pl netdb-bench -am package -DskipTests)
. "$root/netdb-bench/nsd-loopback.sh"
. "$root/netdb-bench/bulk-zones.sh"
dir=$(mktemp -d /tmp/netdb-bulkdns.XXXXXX)
bulk_zones "$NAMES"
nsd_loopback "bulk.test 10.in-addr.arpa"
rows=$dir/rows
: > "$rows"
# row LINE: prints a row ("NAME: RATE queries/s ...") and keeps it for the table.
row() { echo "$1"; echo "$1" >> "$rows"; }
echo "NSD on 127.0.0.1:$port, $NAMES names, ${SECONDS_}s per client, window $WINDOW, $(nproc) cores"
if [ -z "${SKIP_DNSPERF:-}" ]; then
  for q in queries queries.ptr; do
    name=dnsperf; [ "$q" = queries ] || name=dnsperf-ptr
    out=$(dnsperf -s 127.0.0.1 -p "$port" -d "$dir/$q" -l "$SECONDS_" -c 1 -T 1 -q "$WINDOW" 2>&1)
    row "$(echo "$out" | awk -v n="$name" '/Queries per second/ {q = $4} /Queries lost/ {l = $3 " " $4}
      END {printf "%s: %.0f queries/s (lost %s)\n", n, q, l}')"
  done
fi
if [ -z "${SKIP_C:-}" ]; then
  # Reference rows: the same queries from a minimal C client (scripts/udp_client.c), one thread.
  if command -v gcc >/dev/null && gcc -O2 -o "$dir/udp_client" "$root/netdb-bench/scripts/udp_client.c"; then
    for mode in fresh reconnect shared; do row "$("$dir/udp_client" "$mode" "$port" "$SECONDS_" "$WINDOW" "$NAMES")"; done
  else
    row "c-fresh: skipped (no gcc to build netdb-bench/scripts/udp_client.c)"
  fi
fi
for impl in ${IMPLS-netdb netdb-reuse100 netdb-getaddrinfo netdb-getaddrinfo-reuse100 netdb-reverse netty netty-socket-per-query dnsjava}; do
  # Netty's SLF4J notice about a missing binding is dropped; every other message stays on stderr.
  row "$({ ${TIME_CMD:-} "$JAVA_HOME/bin/java" ${JAVA_OPTS---enable-native-access=ALL-UNNAMED} -cp "$jar" dev.netdb.bench.BulkDnsBench \
    "$impl" "$port" "$SECONDS_" "$WINDOW" "$NAMES" 2>&1 1>&3 | grep -v '^SLF4J:' >&2; } 3>&1)"
done
if [ -z "${SKIP_CLI:-}" ]; then
  bulk_cli_inputs "${CLI_CALLS:-$((SECONDS_ * 40000))}" "$NAMES"
  "$root/netdb" inet_ntoa 7f000001 >/dev/null   # builds the CLI first, outside the measurement
  set -- --backend java --hosts "$dir/hosts" --resolv-conf "$dir/resolv.conf" \
    --nameserver "127.0.0.1:$port" --no-cache
  # cli NAME INPUT ARGS...: one batch, its summary line as a row.
  cli() {
    label=$1 input=$2; shift 2
    "$root/netdb" "$@" < "$input" 2>&1 >/dev/null | awk -v n="$label" '/^netdb: batch/ {
      for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      sub("/s", "", v["rate"]); printf "%s: %s queries/s (calls=%s answered=%s elapsed=%s)\n", n, v["rate"],
        v["calls"], v["answered"], v["elapsed"]; next } { print n ": " $0 }' | while read -r l; do row "$l"; done
  }
  cli "cli --json getaddrinfo -" "$dir/cli.jsonl" "$@" --json getaddrinfo -
  if "$root/netdb" "$@" --udp-max-queries 100 inet_ntoa 7f000001 >/dev/null 2>&1; then
    cli "cli --json getaddrinfo - --udp-max-queries 100" "$dir/cli.jsonl" "$@" --udp-max-queries 100 --json getaddrinfo -
  else
    row "cli --json getaddrinfo - --udp-max-queries 100: skipped (this build's netdb has no --udp-max-queries)"
  fi
  cli "cli gethostbyname -" "$dir/cli.lines" "$@" gethostbyname -
  cli "cli gethostbyaddr -" "$dir/cli.addrs" "$@" gethostbyaddr -
fi
if [ -z "${SKIP_JDK:-}" ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null; then
    row "jdk-vthreads: skipped (needs root and unshare for a private network namespace)"
  else
    mkdir "$dir/ns"
    cp "$dir/bulk.test.zone" "$dir/ns/"
    printf 'nameserver 127.0.0.1\noptions attempts:1 timeout:2\n' > "$dir/ns/resolv.conf"
    printf '127.0.0.1 localhost\n' > "$dir/ns/hosts"
    printf 'hosts: files dns\n' > "$dir/ns/nsswitch.conf"
    out=$(unshare --mount --net --uts --propagation private sh -eu -c '
      dir=$1; root=$2; secs=$3; window=$4; names=$5   # nsd_loopback uses $n
      ip link set lo up
      [ "$(ip -o link | wc -l)" -eq 1 ] || { echo "refusing: the namespace has more than loopback"; exit 1; }
      ! ip route | grep -q default || { echo "refusing: a default route exists"; exit 1; }
      mount --bind "$dir/resolv.conf" /etc/resolv.conf
      mount --bind "$dir/hosts" /etc/hosts
      mount --bind "$dir/nsswitch.conf" /etc/nsswitch.conf
      . "$root/netdb-bench/nsd-loopback.sh"
      nsd_loopback bulk.test 53 >/dev/null
      "$JAVA_HOME/bin/java" -Dsun.net.inetaddr.ttl=0 -Dsun.net.inetaddr.negative.ttl=0 \
        -Djava.net.preferIPv4Stack=true "$root/netdb-bench/scripts/BulkJdkLookups.java" "$secs" "$window" "$names"
    ' sh "$dir/ns" "$root" "$SECONDS_" "$WINDOW" "$NAMES" 2>&1) || out="jdk-vthreads: skipped ($out)"
    row "$(echo "$out" | tail -1)"
  fi
fi
echo
echo "Share of dnsperf's A rate, this run:"
awk '/^dnsperf: / {d = $2} {r[NR] = $0}
  END { for (i = 1; i <= NR; i++) { split(r[i], p, ": "); rest = substr(r[i], length(p[1]) + 3)
          split(rest, w, " ")
          if (w[2] == "queries/s" && d > 0) printf "  %-50s %8d q/s  %5.2f\n", p[1], w[1], w[1] / d
          else if (w[2] == "queries/s") printf "  %-50s %8d q/s\n", p[1], w[1]
          else printf "  %-50s %s\n", p[1], rest } }' "$rows"
