# Sourced by bulk-dns.sh and bulk-syscalls.sh: the zones and inputs of the bulk benchmarks, in $dir.
#   bulk_zones NAMES   writes $dir/bulk.test.zone (hI.bulk.test A 10.X.Y.Z for I < NAMES), the
#   matching reverse zone $dir/10.in-addr.arpa.zone (Z.Y.X PTR hI.bulk.test.), and dnsperf's inputs
#   $dir/queries (hI.bulk.test A) and $dir/queries.ptr (Z.Y.X.10.in-addr.arpa PTR).
#   bulk_cli_inputs CALLS NAMES   writes the command line's batch inputs, CALLS lines cycling over
#   the names: $dir/cli.jsonl (["hI.bulk.test", 80, "AF_INET", "SOCK_STREAM"]), $dir/cli.lines
#   (hI.bulk.test) and $dir/cli.addrs (10.X.Y.Z), plus an empty $dir/hosts and $dir/resolv.conf.
bulk_zones() {
  {
    printf '$ORIGIN bulk.test.\n$TTL 300\n@ IN SOA ns.bulk.test. h.bulk.test. 1 7200 3600 1209600 60\n  IN NS ns\nns IN A 127.0.0.1\n'
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
      printf "h%d IN A 10.%d.%d.%d\n", i, int(i / 65536) % 256, int(i / 256) % 256, i % 256 }'
  } > "$dir/bulk.test.zone"
  {
    printf '$ORIGIN 10.in-addr.arpa.\n$TTL 300\n@ IN SOA ns.bulk.test. h.bulk.test. 1 7200 3600 1209600 60\n  IN NS ns.bulk.test.\n'
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
      printf "%d.%d.%d IN PTR h%d.bulk.test.\n", i % 256, int(i / 256) % 256, int(i / 65536) % 256, i }'
  } > "$dir/10.in-addr.arpa.zone"
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "h%d.bulk.test A\n", i }' > "$dir/queries"
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
    printf "%d.%d.%d.10.in-addr.arpa PTR\n", i % 256, int(i / 256) % 256, int(i / 65536) % 256 }' > "$dir/queries.ptr"
}

bulk_cli_inputs() {
  : > "$dir/hosts"
  printf 'nameserver 127.0.0.1\noptions timeout:2 attempts:2\n' > "$dir/resolv.conf"
  awk -v n="$1" -v m="$2" 'BEGIN { for (i = 0; i < n; i++)
    printf "[\"h%d.bulk.test\", 80, \"AF_INET\", \"SOCK_STREAM\"]\n", i % m }' > "$dir/cli.jsonl"
  awk -v n="$1" -v m="$2" 'BEGIN { for (i = 0; i < n; i++) printf "h%d.bulk.test\n", i % m }' > "$dir/cli.lines"
  awk -v n="$1" -v m="$2" 'BEGIN { for (i = 0; i < n; i++) { j = i % m
    printf "10.%d.%d.%d\n", int(j / 65536) % 256, int(j / 256) % 256, j % 256 } }' > "$dir/cli.addrs"
}
