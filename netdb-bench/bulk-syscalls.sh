#!/bin/sh
# System calls per query of the command line's batch on its default path: NSD on 127.0.0.1 (the
# zones of bulk-dns.sh), then `./netdb --backend java --no-cache --json getaddrinfo -` (one A query
# per call), the same with `--udp-max-queries 100` (sendmmsg and recvmmsg on shared sockets),
# line-mode `gethostbyname -` (one A query) and `gethostbyaddr -` (one PTR query), each
# over CALLS lines under `strace -f -c` (every thread, counted by the kernel's syscall entry;
# strace slows the run several times over, so the count is bounded and no rate is printed). For
# each batch: the calls per query over the whole process, and the twelve commonest calls per
# query. JVM start-up and the first calls' warm-up are included: compare runs of the same CALLS.
# Usage: netdb-bench/bulk-syscalls.sh [CALLS] [NAMES]   (needs nsd, dig, strace; loopback only)
set -eu
CALLS=${1:-20000}; NAMES=${2:-20000}
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/netdb-bench/nsd-loopback.sh"
. "$root/netdb-bench/bulk-zones.sh"
dir=$(mktemp -d /tmp/netdb-bulksys.XXXXXX)
bulk_zones "$NAMES"
nsd_loopback "bulk.test 10.in-addr.arpa"
bulk_cli_inputs "$CALLS" "$NAMES"
"$root/netdb" inet_ntoa 7f000001 >/dev/null   # builds the CLI first, outside the count
set -- --backend java --hosts "$dir/hosts" --resolv-conf "$dir/resolv.conf" \
  --nameserver "127.0.0.1:$port" --no-cache
echo "NSD on 127.0.0.1:$port, $CALLS calls per batch over $NAMES names, $(nproc) cores"
# count LABEL INPUT ARGS...: one batch under strace -f -c, summarised per query.
count() {
  label=$1 input=$2; shift 2
  strace -f -c -o "$dir/strace.txt" "$root/netdb" "$@" < "$input" > "$dir/out" 2> "$dir/err"
  answered=$(sed -n 's/.*answered=\([0-9]*\).*/\1/p' "$dir/err")
  awk -v n="$CALLS" -v label="$label" -v answered="$answered" '
    $1 ~ /^[0-9.]+$/ && NF >= 5 && $NF != "total" { c[$NF] = $4; total += $4 }
    END {
      printf "%s: %.1f system calls per query (%d calls, %d answered)\n", label, total / n, n, answered
      k = 0; for (s in c) order[++k] = s
      for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (c[order[j]] > c[order[i]]) { t = order[i]; order[i] = order[j]; order[j] = t }
      for (i = 1; i <= k && i <= 12; i++) printf "  %-16s %6.2f\n", order[i], c[order[i]] / n
    }' "$dir/strace.txt"
}
count "cli --json getaddrinfo -" "$dir/cli.jsonl" "$@" --json getaddrinfo -
count "cli --json getaddrinfo - --udp-max-queries 100" "$dir/cli.jsonl" "$@" --udp-max-queries 100 --json getaddrinfo -
count "cli gethostbyname -" "$dir/cli.lines" "$@" gethostbyname -
count "cli gethostbyaddr -" "$dir/cli.addrs" "$@" gethostbyaddr -
