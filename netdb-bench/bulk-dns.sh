#!/bin/sh
# Bulk DNS benchmark: NSD on 127.0.0.1 serving bulk.test (NAMES A records, RRL off), then dnsperf
# and each Java client (netdb, dnsjava, netty) asking the same names, one after another, in one run.
# Usage: netdb-bench/bulk-dns.sh [SECONDS] [WINDOW] [NAMES]   (needs nsd and dnsperf; loopback only)
set -eu
SECONDS_=${1:-10}; WINDOW=${2:-200}; NAMES=${3:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME
jar="$root/netdb-bench/target/benchmarks.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -ntp -pl netdb-bench -am package -DskipTests)
dir=$(mktemp -d /tmp/netdb-bulkdns.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
{
  printf '$ORIGIN bulk.test.\n$TTL 300\n@ IN SOA ns.bulk.test. h.bulk.test. 1 7200 3600 1209600 60\n  IN NS ns\nns IN A 127.0.0.1\n'
  i=0; while [ $i -lt "$NAMES" ]; do printf 'h%d IN A 10.%d.%d.%d\n' $i $((i/65536%256)) $((i/256%256)) $((i%256)); i=$((i+1)); done
} > "$dir/bulk.test.zone"
i=0; while [ $i -lt "$NAMES" ]; do echo "h$i.bulk.test A"; i=$((i+1)); done > "$dir/queries"
cat > "$dir/nsd.conf" <<CONF
server:
    ip-address: 127.0.0.1@$port
    port: $port
    server-count: 1
    username: ""
    chroot: ""
    database: ""
    zonesdir: "$dir"
    zonelistfile: "$dir/zone.list"
    xfrdfile: "$dir/xfrd.state"
    xfrdir: "$dir"
    pidfile: "$dir/nsd.pid"
    logfile: "$dir/nsd.log"
    hide-version: yes
    rrl-ratelimit: 0
    rrl-whitelist-ratelimit: 0
remote-control:
    control-enable: no
zone:
    name: "bulk.test"
    zonefile: "bulk.test.zone"
CONF
nsd -d -c "$dir/nsd.conf" >"$dir/nsd.out" 2>&1 &
nsd_pid=$!
trap 'kill -TERM $nsd_pid 2>/dev/null; wait $nsd_pid 2>/dev/null; rm -rf "$dir"' EXIT
n=0; until dig @127.0.0.1 -p "$port" +short +tries=1 +time=1 bulk.test SOA >/dev/null 2>&1; do
  n=$((n+1)); [ $n -lt 30 ] || { echo "NSD did not start" >&2; exit 1; }; sleep 0.2; done
echo "NSD on 127.0.0.1:$port, $NAMES names, ${SECONDS_}s per client, window $WINDOW, $(nproc) cores"
[ -n "${SKIP_DNSPERF:-}" ] || dnsperf -s 127.0.0.1 -p "$port" -d "$dir/queries" -l "$SECONDS_" -c 1 -T 1 -q "$WINDOW" 2>&1 \
  | awk '/Queries per second/ {printf "dnsperf: %s queries/s\n", $4} /Queries lost/ {print "dnsperf lost: " $3 " " $4}'
for impl in ${IMPLS:-netdb dnsjava netty}; do
  ${TIME_CMD:-} "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -cp "$jar" dev.netdb.bench.BulkDnsBench "$impl" "$port" "$SECONDS_" "$WINDOW" "$NAMES"
done
