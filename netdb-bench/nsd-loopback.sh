# Sourced by the benchmark scripts: NSD on 127.0.0.1 at a free port, for one or more zones, RRL off.
#   nsd_loopback "ZONE [ZONE...]" [PORT]   (the caller has written "$dir/ZONE.zone" for each; $dir
#   is its temporary folder; PORT defaults to a free one, 53 is for a private network namespace)
# Sets $port and $nsd_pid; an EXIT trap stops NSD by that PID and removes $dir. Loopback only.
nsd_loopback() {
  zone=$1
  port=${2:-$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
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
CONF
  for z in $zone; do printf 'zone:\n    name: "%s"\n    zonefile: "%s.zone"\n' "$z" "$z" >> "$dir/nsd.conf"; done
  zone=${zone%% *}
  nsd -d -c "$dir/nsd.conf" >"$dir/nsd.out" 2>&1 &
  nsd_pid=$!
  trap 'kill -TERM $nsd_pid 2>/dev/null; wait $nsd_pid 2>/dev/null; rm -rf "$dir"' EXIT
  n=0
  until dig @127.0.0.1 -p "$port" +short +tries=1 +time=1 "$zone" SOA >/dev/null 2>&1; do
    n=$((n+1)); [ $n -lt 30 ] || { echo "NSD did not start" >&2; exit 1; }; sleep 0.2
  done
}
