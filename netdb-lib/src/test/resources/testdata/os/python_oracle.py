"""Oracle for OsBackendPythonTest: runs CPython's _socket calls named on stdin.

Each input line is a JSON array [op, args...]; each output line renders the result or the
exception in the same canonical text the Java test builds, so the two can be compared as strings.
Host arguments are passed as bytes, so CPython's IDNA codec is not involved (the back end gets
already-encoded names). The Java test only sends inputs that cannot reach DNS.
"""
import _socket
import json
import sys


def render_sockaddr(sa):
    return ",".join(str(x) for x in sa)


def render_error(e):
    if isinstance(e, _socket.gaierror):
        return "gaierror %s %s" % (e.errno, e.strerror)
    if isinstance(e, _socket.herror):
        return "herror %s %s" % (e.errno, e.strerror)
    if isinstance(e, OSError):
        if e.errno is None:
            return "OSError None %s" % e.args[0]
        return "OSError %s %s" % (e.errno, e.strerror)
    return "%s %s" % (type(e).__name__, e)


def run(op, args):
    if op == "gai":
        host, service, family, type_, proto, flags = args
        host = None if host is None else host.encode()
        res = _socket.getaddrinfo(host, service, family, type_, proto, flags)
        return "ok " + ";".join(
            "%d/%d/%d/%s/%s" % (f, t, p, c, render_sockaddr(sa)) for f, t, p, c, sa in res)
    if op == "nameinfo":
        host, port, flow, scope, flags, family = args
        sa = (host, port) if family == _socket.AF_INET else (host, port, flow, scope)
        h, s = _socket.getnameinfo(sa, flags)
        return "ok %s %s" % (h, s)
    if op == "servbyname":
        name, proto = args
        if proto is None:
            return "ok %d" % _socket.getservbyname(name)
        return "ok %d" % _socket.getservbyname(name, proto)
    if op == "servbyport":
        port, proto = args
        if proto is None:
            return "ok " + _socket.getservbyport(port)
        return "ok " + _socket.getservbyport(port, proto)
    if op == "protobyname":
        return "ok %d" % _socket.getprotobyname(args[0])
    if op == "hostbyname_ex":
        h, aliases, addrs = _socket.gethostbyname_ex(args[0].encode())
        return "ok %s [%s] [%s]" % (h, ",".join(aliases), ",".join(addrs))
    if op == "hostbyaddr":
        h, aliases, addrs = _socket.gethostbyaddr(args[0].encode())
        return "ok %s [%s] [%s]" % (h, ",".join(aliases), ",".join(addrs))
    if op == "hostname":
        return "ok " + _socket.gethostname()
    raise SystemExit("unknown op " + op)


for line in sys.stdin:
    call = json.loads(line)
    try:
        out = run(call[0], call[1:])
    except Exception as e:  # every failure is rendered, none ends the run
        out = render_error(e)
    print(out, flush=False)
