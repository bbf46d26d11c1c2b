#!/bin/sh
# Bulk DNS benchmark: NSD on 127.0.0.1 serving bulk.test (NAMES A records, RRL off), then dnsperf
# and each Java client (netdb, dnsjava, netty) asking the same names, one after another, in one run.
# Usage: netdb-bench/bulk-dns.sh [SECONDS] [WINDOW] [NAMES]   (needs nsd and dnsperf; loopback only)
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
