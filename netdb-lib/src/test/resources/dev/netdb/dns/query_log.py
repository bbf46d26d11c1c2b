"""Logs the DNS queries glibc sends for each call, inside the oracle namespace only.

Usage (namespace only, resolv.conf naming 127.0.0.2): python3 query_log.py < calls.jsonl
Each input line is a JSON array [FUNC, HOST, FAMILY, FLAGS] (FAMILY and FLAGS used by getaddrinfo
only). A thread answers every UDP query on 127.0.0.2:53 with NXDOMAIN and records its question;
for each call one line is printed: a JSON array of "NAME/TYPE" strings, sorted, NAME in
presentation form with glibc's ns_name_ntop escapes.
"""
import json
import os
import socket
import sys
import threading

if os.environ.get("NETDB_ORACLE_NAMESPACE") != "1":
    sys.exit("query_log.py: refusing to run outside the oracle namespace")

log = []
lock = threading.Lock()
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("127.0.0.2", 53))
SPECIAL = b'.\\"();@$'


def qname(msg):
    p, labels = 12, []
    while msg[p]:
        n = msg[p]
        out = []
        for b in msg[p + 1:p + 1 + n]:
            if b in SPECIAL:
                out.append("\\" + chr(b))
            elif 0x20 < b < 0x7F:
                out.append(chr(b))
            else:
                out.append("\\%03d" % b)
        labels.append("".join(out))
        p += n + 1
    qtype = int.from_bytes(msg[p + 1:p + 3], "big")
    return ".".join(labels), qtype


def serve():
    while True:
        msg, peer = sock.recvfrom(4096)
        name, qtype = qname(msg)
        with lock:
            log.append("%s/%d" % (name, qtype))
        end = 12
        while msg[end]:
            end += msg[end] + 1
        end += 5
        flags = bytes([0x80 | (msg[2] & 0x01), 0x80 | 3])  # QR, RD copied; RA; NXDOMAIN
        sock.sendto(msg[:2] + flags + msg[4:6] + b"\0\0\0\0\0\0" + msg[12:end], peer)


threading.Thread(target=serve, daemon=True).start()
for line in sys.stdin:
    if not line.strip():
        continue
    func, host, family, flags = json.loads(line)
    with lock:
        log.clear()
    try:
        if func == "getaddrinfo":
            socket.getaddrinfo(host, None, family, socket.SOCK_STREAM, 0, flags)
        else:
            getattr(socket, func)(host)
    except Exception:
        pass
    with lock:
        print(json.dumps(sorted(log)), flush=True)
