#!/bin/sh
# Virtual threads and InetAddress (issue 8 §5): N virtual threads call InetAddress.getAllByName on
# distinct names, with the JDK's built-in resolver (glibc) and with netdb-spi, against NSD.
# The JDK's resolver can only ask port 53, so everything runs inside a private network namespace
# (unshare, as root) whose only interface is a fresh loopback: nothing can leave the machine.
# Usage: netdb-bench/vthreads-lookup.sh [N]     (needs root, unshare, nsd, dig)
set -eu
N=${1:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME
lib="$root/netdb-lib/target/netdb.jar"; [ -f "$lib" ] || lib=
spi=$(ls "$root"/netdb-spi/target/netdb-spi-[0-9]*.jar 2>/dev/null | grep -v -e tests -e sources -e javadoc | head -1 || true)
if [ -z "$lib" ] || [ -z "$spi" ]; then
  (cd "$root" && ./mvnw -B -q -ntp -pl netdb-spi -am package -DskipTests)
  lib="$root/netdb-lib/target/netdb.jar"
  spi=$(ls "$root"/netdb-spi/target/netdb-spi-[0-9]*.jar | grep -v -e tests -e sources -e javadoc | head -1)
fi
dir=$(mktemp -d /tmp/netdb-vthreads.XXXXXX)
trap 'rm -rf "$dir"' EXIT   # inside, nsd_loopback's own trap stops NSD and removes it
{
  printf '$ORIGIN bulk.test.\n$TTL 300\n@ IN SOA ns.bulk.test. h.bulk.test. 1 7200 3600 1209600 60\n  IN NS ns\nns IN A 127.0.0.1\n'
  i=0; while [ $i -lt "$N" ]; do printf 'h%d IN A 10.%d.%d.%d\n' $i $((i/65536%256)) $((i/256%256)) $((i%256)); i=$((i+1)); done
} > "$dir/bulk.test.zone"
printf 'nameserver 127.0.0.1\noptions attempts:2 timeout:1\n' > "$dir/resolv.conf"
printf '127.0.0.1 localhost\n' > "$dir/hosts"
printf 'hosts: files dns\n' > "$dir/nsswitch.conf"
src="$root/netdb-bench/scripts/VirtualThreadLookups.java"
echo "$N virtual threads, distinct names, NSD on the namespace's 127.0.0.1:53, $(nproc) cores, JDK cache off"
unshare --mount --net --uts --propagation private sh -eu -c '
  dir=$1; lib=$2; spi=$3; src=$4; count=$5; root=$6
  ip link set lo up
  [ "$(ip -o link | wc -l)" -eq 1 ] || { echo "refusing: the namespace has more than loopback" >&2; exit 1; }
  ! ip route | grep -q default || { echo "refusing: a default route exists" >&2; exit 1; }
  mount --bind "$dir/resolv.conf" /etc/resolv.conf
  mount --bind "$dir/hosts" /etc/hosts
  mount --bind "$dir/nsswitch.conf" /etc/nsswitch.conf
  . "$root/netdb-bench/nsd-loopback.sh"
  nsd_loopback bulk.test 53
  j="$JAVA_HOME/bin/java -Dsun.net.inetaddr.ttl=0 -Dsun.net.inetaddr.negative.ttl=0"
  $j "$src" "JDK built-in (glibc)" "$count" bulk.test
  $j --enable-native-access=ALL-UNNAMED -cp "$lib:$spi" "$src" "netdb-spi (java back end)" "$count" bulk.test
' sh "$dir" "$lib" "$spi" "$src" "$N" "$root"
