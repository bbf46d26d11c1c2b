#!/bin/sh
# Bulk DNS benchmark: NSD on 127.0.0.1 serving bulk.test (NAMES A records, RRL off), then dnsperf,
# each Java client (netdb, dnsjava, netty) and the netdb command line's batch asking the same names,
# one after another, in one run.
# Usage: netdb-bench/bulk-dns.sh [SECONDS] [WINDOW] [NAMES]   (needs nsd and dnsperf; loopback only)
# CLI rows: CLI_CALLS lines (default 40,000 per second of SECONDS) over the NAMES names, through
# ./netdb --backend java --no-cache (a fresh port per query, 256 calls in flight), once as
# `--json getaddrinfo -` (["hI.bulk.test", 80, "AF_INET", "SOCK_STREAM"]: one A query per call) and
# once as line-mode `gethostbyname -`; each row is the batch's summary line (rate = calls/s, from
# the first line read to the last result written, JVM start-up excluded). SKIP_CLI=1 leaves them out.
set -eu
SECONDS_=${1:-10}; WINDOW=${2:-200}; NAMES=${3:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME
jar=${BENCH_JAR:-"$root/netdb-bench/target/benchmarks.jar"}
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -ntp -pl netdb-bench -am package -DskipTests)
. "$root/netdb-bench/nsd-loopback.sh"
dir=$(mktemp -d /tmp/netdb-bulkdns.XXXXXX)
{
  printf '$ORIGIN bulk.test.\n$TTL 300\n@ IN SOA ns.bulk.test. h.bulk.test. 1 7200 3600 1209600 60\n  IN NS ns\nns IN A 127.0.0.1\n'
  i=0; while [ $i -lt "$NAMES" ]; do printf 'h%d IN A 10.%d.%d.%d\n' $i $((i/65536%256)) $((i/256%256)) $((i%256)); i=$((i+1)); done
} > "$dir/bulk.test.zone"
i=0; while [ $i -lt "$NAMES" ]; do echo "h$i.bulk.test A"; i=$((i+1)); done > "$dir/queries"
nsd_loopback bulk.test
echo "NSD on 127.0.0.1:$port, $NAMES names, ${SECONDS_}s per client, window $WINDOW, $(nproc) cores"
[ -n "${SKIP_DNSPERF:-}" ] || dnsperf -s 127.0.0.1 -p "$port" -d "$dir/queries" -l "$SECONDS_" -c 1 -T 1 -q "$WINDOW" 2>&1 \
  | awk '/Queries per second/ {printf "dnsperf: %s queries/s\n", $4} /Queries lost/ {print "dnsperf lost: " $3 " " $4}'
for impl in ${IMPLS:-netdb dnsjava netty netty-socket-per-query}; do
  ${TIME_CMD:-} "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -cp "$jar" dev.netdb.bench.BulkDnsBench "$impl" "$port" "$SECONDS_" "$WINDOW" "$NAMES"
done
if [ -z "${SKIP_CLI:-}" ]; then
  cli_calls=${CLI_CALLS:-$((SECONDS_ * 40000))}
  : > "$dir/hosts"
  printf 'nameserver 127.0.0.1\noptions timeout:2 attempts:2\n' > "$dir/resolv.conf"
  awk -v n="$cli_calls" -v m="$NAMES" 'BEGIN { for (i = 0; i < n; i++)
    printf "[\"h%d.bulk.test\", 80, \"AF_INET\", \"SOCK_STREAM\"]\n", i % m }' > "$dir/cli.jsonl"
  awk -v n="$cli_calls" -v m="$NAMES" 'BEGIN { for (i = 0; i < n; i++) printf "h%d.bulk.test\n", i % m }' \
    > "$dir/cli.lines"
  "$root/netdb" inet_ntoa 7f000001 >/dev/null   # builds the CLI first, outside the measurement
  set -- --backend java --hosts "$dir/hosts" --resolv-conf "$dir/resolv.conf" \
    --nameserver "127.0.0.1:$port" --no-cache
  "$root/netdb" "$@" --json getaddrinfo - < "$dir/cli.jsonl" 2>&1 >/dev/null \
    | sed 's/^netdb: batch/cli --json getaddrinfo -:/'
  "$root/netdb" "$@" gethostbyname - < "$dir/cli.lines" 2>&1 >/dev/null \
    | sed 's/^netdb: batch/cli gethostbyname -:/'
fi
