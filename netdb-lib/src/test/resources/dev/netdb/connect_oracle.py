# The Python oracle of ConnectionTest and ConnectNamespaceTest: one JSON case per stdin line, one
# JSON outcome per stdout line. Cases are socket.create_connection, socket.create_server and an
# AF_UNIX connect; every socket is closed at once. Run with /usr/bin/python3 (CPython 3.11).
import json
import socket
import sys


def error(e):
    d = {"type": type(e).__name__, "errno": getattr(e, "errno", None), "str": str(e)}
    if isinstance(e, BaseExceptionGroup):
        d["sub"] = [error(x) for x in e.exceptions]
    return d


def peer(s):
    return list(s.getpeername()) if s.family != socket.AF_UNIX else s.getpeername()


def run(c):
    op = c["op"]
    if op == "create_connection":
        kw = {"all_errors": c.get("all_errors", False)}
        if c.get("timeout") is not None:
            kw["timeout"] = c["timeout"]
        if c.get("source") is not None:
            kw["source_address"] = tuple(c["source"])
        with socket.create_connection((c["host"], c["port"]), **kw) as s:
            return {"ok": True, "peer": peer(s), "local": s.getsockname()[0]}
    if op == "create_server":
        fam = {"AF_INET": socket.AF_INET, "AF_INET6": socket.AF_INET6,
               "AF_UNIX": socket.AF_UNIX}[c["family"]]
        addr = c["path"] if fam == socket.AF_UNIX else (c["host"], c["port"])
        with socket.create_server(addr, family=fam, backlog=c.get("backlog"),
                                  reuse_port=c.get("reuse_port", False),
                                  dualstack_ipv6=c.get("dualstack", False)) as s:
            name = s.getsockname()
            return {"ok": True, "family": s.family.name,
                    "host": name if fam == socket.AF_UNIX else name[0]}
    if op == "unix_connect":
        with socket.socket(socket.AF_UNIX) as s:
            if c.get("timeout") is not None:
                s.settimeout(c["timeout"])
            s.connect(c["path"])
            return {"ok": True, "peer": s.getpeername()}
    if op == "has_dualstack_ipv6":
        return {"ok": True, "value": socket.has_dualstack_ipv6()}
    raise ValueError("unknown op " + op)


for line in sys.stdin:
    case = json.loads(line)
    try:
        out = run(case)
    except BaseException as e:  # noqa: B902 - every error is an answer here
        out = error(e)
    print(json.dumps(out), flush=True)
