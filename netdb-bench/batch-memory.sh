#!/bin/sh
# Memory of the CLI's batch mode on the java back end while it resolves many distinct names:
# NSD on 127.0.0.1 serves a wildcard (*.bulk.test), the CLI reads N lines ["hI.bulk.test"] from a
# pipe (generated on the fly, never stored) and resolves them with its concurrent batch runner,
# cache on. Prints, for each N, the wall time, the answers counted and the peak RSS (GNU time).
# Usage: netdb-bench/batch-memory.sh [N...]   (default: 100000 1000000; needs nsd, dig; loopback only)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || set -- 100000 1000000
. "$root/netdb-bench/nsd-loopback.sh"
dir=$(mktemp -d /tmp/netdb-batchmem.XXXXXX)
printf '$ORIGIN bulk.test.\n$TTL 300\n@ IN SOA ns.bulk.test. h.bulk.test. 1 7200 3600 1209600 60\n  IN NS ns\nns IN A 127.0.0.1\n* IN A 192.0.2.1\n' > "$dir/bulk.test.zone"
nsd_loopback bulk.test
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
