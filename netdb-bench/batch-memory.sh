#!/bin/sh
# Memory of the CLI's batch mode on the java back end while it resolves many distinct names:
# NSD on 127.0.0.1 serves a wildcard (*.bulk.test), the CLI reads N lines ["hI.bulk.test"] from a
# pipe (generated on the fly, never stored) and resolves them with its concurrent batch runner,
# cache on. Prints, for each N, the wall time, the answers counted and the peak RSS (GNU time).
# Usage: netdb-bench/batch-memory.sh [N...]   (default: 100000 1000000; needs nsd, dig; loopback only)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || set -- 100000 1000000
dir=$(mktemp -d /tmp/netdb-batchmem.XXXXXX)
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf '$ORIGIN bulk.test.\n$TTL 300\n@ IN SOA ns.bulk.test. h.bulk.test. 1 7200 3600 1209600 60\n  IN NS ns\nns IN A 127.0.0.1\n* IN A 192.0.2.1\n' > "$dir/bulk.test.zone"
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
: > "$dir/hosts"
printf 'nameserver 127.0.0.1\noptions timeout:2 attempts:2\n' > "$dir/resolv.conf"
"$root/netdb" inet_ntoa 7f000001 >/dev/null   # builds the CLI first, outside the measurement
for count in "$@"; do
  start=$(date +%s.%N)
  answers=$(awk -v n="$count" 'BEGIN { for (i = 0; i < n; i++) printf "[\"h%d.bulk.test\"]\n", i }' \
    | /usr/bin/time -f "%M" -o "$dir/rss" "$root/netdb" --backend java --hosts "$dir/hosts" \
        --resolv-conf "$dir/resolv.conf" --nameserver "127.0.0.1:$port" --json gethostbyname - \
    | grep -c '"result": "192.0.2.1"' || true)
  end=$(date +%s.%N)
  echo "N=$count answers=$answers seconds=$(echo "$end - $start" | bc) peak_rss_kib=$(cat "$dir/rss")"
done
