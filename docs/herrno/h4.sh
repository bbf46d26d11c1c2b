D=$(cd "$(dirname "$0")" && pwd); cd /tmp
N="localhost,dual.example.test,nosuch.example.test,nodata.example.test,v4only.example.test,,<broadcast>,<BROADCAST>,1.2.3.400,1.2.3.4.5,::1q,a b.example.test,loop1.example.test,dangling.example.test,ent.example.test,anything.wild.example.test"
ADDR="127.0.0.1,192.0.2.110,198.51.100.77,192.0.2.99,2001:db8::99,255.255.255.255"
echo '=== reference'; /usr/bin/python3 $D/h4.py "$N" "$ADDR"
printf 'nameserver 127.0.0.1\nsearch example.test\noptions attempts:1 timeout:1\n' > /tmp/rc-s; mount --bind /tmp/rc-s /etc/resolv.conf
echo '=== search example.test'; /usr/bin/python3 $D/h4.py "host,nosuch,nodata,v4only,v6only,loop1,nosuch.sub,leaf.ent,ent,host.example.test,nosuch." ""
umount /etc/resolv.conf
printf 'hosts: files\n' > /tmp/ns-f; mount --bind /tmp/ns-f /etc/nsswitch.conf
echo '=== hosts: files'; /usr/bin/python3 $D/h4.py "localhost,v4only.example,v6only.example,dual.example.test,,<broadcast>,1.2.3.400,a b" "127.0.0.1,192.0.2.10,198.51.100.77,::1,2001:db8::99,255.255.255.255"
exit
