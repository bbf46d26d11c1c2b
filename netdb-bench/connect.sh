#!/bin/bash
# Connect benchmark (SPEC §7 "Connect"): time to connect, as whole processes, to a dual-stack name
# whose IPv6 path hangs. Runs as root in a private network and mount namespace (unshare -mn):
# loopback plus a veth pair nd0/nd1 with BOTH ends inside, nd0 holding 2001:db8::2/64; the name
# hang.test (private /etc/hosts) is 2001:db8::99, an on-link address whose neighbour never answers
# (connect fails after ~3 s with EHOSTUNREACH), and 127.0.0.1, where a Python server accepts.
# Nothing leaves the namespace: there is no default route, and resolv.conf points at 127.0.0.1.
# Usage: netdb-bench/connect.sh [RUNS]    (needs root, unshare, ip, hyperfine, /usr/bin/python3)
# NICE (default -10) runs every measured command at that priority, the same for all of them, so
# that on a shared machine other jobs' CPU use does not dominate the JVM's start-up; NICE=0 off.
set -eu
RUNS=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME
if [ "${NETDB_CONNECT_NS:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "connect.sh: needs root (unshare -mn)" >&2; exit 1; }
  (cd "$root" && ./netdb --help >/dev/null)   # builds the CLI (and its AOT cache) if needed
  dir=$(mktemp -d /tmp/netdb-connect.XXXXXX)
  cat > "$dir/JdkSocket.java" <<'JAVA'
public class JdkSocket {
  public static void main(String[] a) throws Exception {
    try (var s = new java.net.Socket(a[0], Integer.parseInt(a[1]))) {
      System.out.println(s.getRemoteSocketAddress());
    }
  }
}
JAVA
  "$JAVA_HOME/bin/javac" -d "$dir" "$dir/JdkSocket.java"
  printf '127.0.0.1\tlocalhost\n2001:db8::99\thang.test\n127.0.0.1\thang.test\n' > "$dir/hosts"
  printf 'nameserver 127.0.0.1\noptions attempts:1 timeout:1\n' > "$dir/resolv.conf"
  printf 'hosts: files\n' > "$dir/nsswitch.conf"
  NETDB_CONNECT_NS=1 NETDB_CONNECT_DIR=$dir exec unshare -mn --propagation private "$0" "$RUNS"
fi
dir=$NETDB_CONNECT_DIR
ip link set lo up
ip link add nd0 type veth peer name nd1
ip link set nd1 up; ip link set nd0 up
ip addr add 2001:db8::2/64 dev nd0 nodad
[ -z "$(ip -4 route show default; ip -6 route show default)" ] || { echo "default route?" >&2; exit 1; }
for f in hosts resolv.conf nsswitch.conf; do mount --bind "$dir/$f" "/etc/$f"; done
port=8080
/usr/bin/python3 -c '
import socket, sys
s = socket.create_server(("127.0.0.1", int(sys.argv[1])), backlog=128)
while True:
    s.accept()[0].close()' $port &
server=$!
trap 'kill $server; rm -rf "$dir"' EXIT
sleep 0.3
echo "hang.test: $(getent ahosts hang.test | awk '{print $1}' | uniq | tr '\n' ' ')(getaddrinfo order)"
j="$JAVA_HOME/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp $dir JdkSocket hang.test $port"
cd "$root"
# Each run starts with an empty neighbour table, so no run inherits another's failed entry.
prep="ip neigh flush dev nd0"
nice=(nice -n "${NICE:--10}")
"${nice[@]}" hyperfine -N --warmup 1 --runs "$RUNS" --prepare "$prep" --export-markdown "$dir/fast.md" \
  -n 'netdb create_connection --happy-eyeballs-delay 0.25' \
  "./netdb create_connection hang.test $port --happy-eyeballs-delay 0.25" \
  -n 'asyncio open_connection(happy_eyeballs_delay=0.25)' \
  "/usr/bin/python3 -c 'import asyncio; asyncio.run(asyncio.open_connection(\"hang.test\", $port, happy_eyeballs_delay=0.25))'" \
  -n 'JDK new Socket(host, port) (default: IPv4 first)' "$j"
"${nice[@]}" hyperfine -N -i --runs "$(( RUNS < 5 ? RUNS : 5 ))" --prepare "$prep" \
  --export-markdown "$dir/slow.md" \
  -n 'netdb create_connection (exact, Python order)' "./netdb create_connection hang.test $port" \
  -n 'Python socket.create_connection' \
  "/usr/bin/python3 -c 'import socket; socket.create_connection((\"hang.test\", $port)).close()'" \
  -n 'JDK new Socket(host, port), -Djava.net.preferIPv6Addresses=system' \
  "${j/-cp/-Djava.net.preferIPv6Addresses=system -cp}"
cat "$dir/fast.md" "$dir/slow.md"
echo "--- one run of each netdb mode, attempts as printed:"
$prep; ./netdb create_connection hang.test $port --happy-eyeballs-delay 0.25
$prep; ./netdb create_connection hang.test $port
