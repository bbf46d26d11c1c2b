# Reads getaddrinfo calls, one JSON array [host, port, family, type, proto, flags] per line, maps
# Python constant names ("AF_INET6", "AI_PASSIVE|AI_CANONNAME") to their values, calls
# socket.getaddrinfo, and prints one line per call: "ok N" with the number of results, or the
# exception's type name and args. A name that is not a socket constant prints "BAD-CONSTANT".
# Used by GetaddrinfoCorpusTest to check the corpus inside the oracle namespace.
import json
import socket
import sys


class BadConstant(Exception):
    pass


def constant(value, field):
    if not isinstance(value, str) or field in (0, 1):
        return value
    total = 0
    for name in value.split("|"):
        if not hasattr(socket, name):
            raise BadConstant(name)
        total |= getattr(socket, name)
    return total


for line in sys.stdin:
    try:
        args = [constant(v, i) for i, v in enumerate(json.loads(line))]
    except BadConstant as e:
        print("BAD-CONSTANT %s" % e, flush=True)
        continue
    try:
        print("ok %d" % len(socket.getaddrinfo(*args)))
    except Exception as e:
        print("%s%r" % (type(e).__name__, e.args))
