#!/bin/bash
# Runs inside `unshare --mount --net --uts` (started by dev.netdb.testing.OracleNamespace).
# Usage: namespace-agent.sh SESSION_DIR
#
# 1. Brings up loopback and refuses to go on unless loopback is the only interface and there is
#    no default route: nothing started here can reach a real network. With SESSION_DIR/network
#    "dual" it then adds the reference's dual-stack network as a veth pair with both ends inside.
# 2. Bind-mounts the session's private files over /etc (resolv.conf, hosts, nsswitch.conf and,
#    when the session has them, gai.conf and host.conf), hides any nscd socket, sets the hostname.
# 3. Starts NSD on 127.0.0.1:53 and [::1]:53 and waits until it answers.
# 4. Prints "READY <nsd pid>", then serves requests: each line read from stdin is a request id N;
#    the command in SESSION_DIR/req/N (argv: NUL-separated, cwd, stdin) runs with its output in
#    req/N/stdout and req/N/stderr and its status in req/N/exit; then "DONE N" is printed.
# Any setup failure prints "FAIL <reason>" and exits 3. On exit NSD gets SIGTERM by its PID.
set -u
S=$1
fail() { echo "FAIL $*"; exit 3; }

ip link set lo up || fail "ip link set lo up failed"
links=$(ip -o link show | awk -F': ' '{print $2}' | tr '\n' ' ')
[ "$links" = "lo " ] || fail "interfaces other than lo in the fresh namespace: $links"
routes=$(ip -4 route show default; ip -6 route show default)
[ -z "$routes" ] || fail "default route in the fresh namespace: $routes"
if [ "$(cat "$S/network")" = dual ]; then
  # The reference's "dual" network: a veth pair whose BOTH ends stay in this namespace, so a
  # packet sent out of nd0 arrives at nd1 here and is dropped; nothing can leave the namespace.
  ip link add nd0 type veth peer name nd1 || fail "cannot create the veth pair"
  ip link set nd1 up && ip link set nd0 up || fail "cannot bring up the veth pair"
  ip addr add 192.0.2.2/24 dev nd0 && ip addr add 2001:db8::2/64 dev nd0 nodad \
    || fail "cannot address nd0"
  ip route add default dev nd0 && ip -6 route add default dev nd0 || fail "cannot route"
  links=$(ip -o link show | awk -F': ' '{print $2}' | sort | tr '\n' ' ')
  [ "$links" = "lo nd0@nd1 nd1@nd0 " ] || fail "unexpected interfaces in the namespace: $links"
fi

for f in resolv.conf hosts nsswitch.conf gai.conf host.conf; do
  if [ -f "$S/etc/$f" ]; then
    [ -e "/etc/$f" ] || fail "/etc/$f does not exist on this machine, so it cannot be replaced"
    mount --bind "$S/etc/$f" "/etc/$f" || fail "cannot bind-mount $S/etc/$f on /etc/$f"
    cmp -s "$S/etc/$f" "/etc/$f" || fail "/etc/$f does not show the private copy after mounting"
  fi
done
# glibc asks a running nscd through its UNIX socket, which a network namespace does not isolate.
for d in /run/nscd /var/run/nscd; do
  if [ -d "$d" ]; then mount -t tmpfs tmpfs "$d" || fail "cannot hide $d"; fi
done
hostname "$(cat "$S/hostname")" || fail "cannot set the hostname"
unset LOCALDOMAIN RES_OPTIONS HOSTALIASES
# Tells tools/oracle.py and the CLI differential harness that names may be looked up here.
export NETDB_ORACLE_NAMESPACE=1

nsd -d -c "$S/nsd/nsd.conf" >"$S/nsd/nsd.out" 2>&1 </dev/null &
NSD=$!
trap 'kill -TERM "$NSD" 2>/dev/null; wait "$NSD" 2>/dev/null' EXIT
ready=
for _ in $(seq 1 100); do
  if [ -n "$(dig @127.0.0.1 -p 53 +short +tries=1 +time=1 "$(cat "$S/probe-zone")" SOA 2>/dev/null)" ]; then
    ready=1
    break
  fi
  kill -0 "$NSD" 2>/dev/null || fail "nsd exited: $(tr '\n' ' ' <"$S/nsd/nsd.out")"
  sleep 0.1
done
[ -n "$ready" ] || fail "nsd did not answer on 127.0.0.1:53"
echo "READY $NSD"
if [ -f "$S/interactive" ]; then
  # By hand (OracleShell): a shell on the caller's terminal; NSD stops when it exits.
  echo "oracle namespace: hostname $(hostname), NSD pid $NSD on 127.0.0.1:53 and [::1]:53;" \
    "exit the shell to tear it down" >&2
  bash -i </dev/tty >/dev/tty 2>&1 || bash -i
  exit 0
fi

while IFS= read -r id; do
  R="$S/req/$id"
  mapfile -d '' -t argv <"$R/argv"
  (cd "$(cat "$R/cwd")" && exec "${argv[@]}") <"$R/stdin" >"$R/stdout" 2>"$R/stderr"
  echo "$?" >"$R/exit"
  echo "DONE $id"
done
