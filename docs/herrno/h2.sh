D=$(cd "$(dirname "$0")" && pwd); cd /tmp
for c in none hosts-ok gai-hosts-ok gai-numeric gai-dns-ok gai4-dns-ok gai-dns-nx gai4-dns-nx gai-dns-nodata gai6-v4only gai4-v6only gai-canon-ok ghbn-dns-ok ghba-hosts ghba-dns-ok ghba-unknown gni-unknown single-label gai-bad-hnok fqdn gai-dns-nx+gai-dns-ok gai-dns-nodata+gai-dns-ok gai6-v4only+gai-dns-nx gai-dns-nx+gai-hosts-ok; do /usr/bin/python3 "$D/h2.py" $c; done
echo '--- timeout server'
printf 'nameserver 127.0.0.9\noptions attempts:1 timeout:1\n' > /tmp/rc-to; mount --bind /tmp/rc-to /etc/resolv.conf
for c in none gai-dns-ok gai4-dns-ok ghba-unknown gai-dns-nx+gai-dns-ok; do /usr/bin/python3 "$D/h2.py" $c; done
exit
