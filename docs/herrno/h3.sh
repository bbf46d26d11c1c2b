D=$(cd "$(dirname "$0")" && pwd); cd /tmp
echo '=== reference'; /usr/bin/python3 "$D/h3.py"
printf 'nameserver 127.0.0.9\noptions attempts:1 timeout:1\n' > /tmp/rc-to; mount --bind /tmp/rc-to /etc/resolv.conf
echo '=== timeout'; /usr/bin/python3 "$D/h3.py" 2>&1 | grep -v 'hosts'
exit
