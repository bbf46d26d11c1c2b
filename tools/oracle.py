#!/usr/bin/python3
"""Differential oracle: runs one Python socket function over batch lines and prints netdb's JSON.

Usage: /usr/bin/python3 tools/oracle.py FUNC < calls.jsonl

Contract (shared with `./netdb --json FUNC -`; both must print byte-identical output):

* Input: one JSON array of Python positional arguments per line. Blank lines are skipped.
  A line that is not a JSON array prints
  {"call": null, "error": {"type": "ValueError", "code": null, "message": "line N: not a JSON array of arguments"}}
  (N counts every input line from 1) and the batch goes on.
* Argument conversion, applied only at these positions:
  - packed addresses (inet_ntoa arg 1, inet_ntop arg 2): a string of an even number of hex digits
    becomes bytes; any other value is passed unchanged (so "zz" is a str and Python's TypeError shows);
  - constants (inet_pton/inet_ntop arg 1, getaddrinfo args 3-6, getnameinfo arg 2): a string made of
    socket-module constant names joined by "|" (e.g. "AF_INET6", "AI_PASSIVE|AI_CANONNAME") becomes
    their bitwise OR; any other value is passed unchanged;
  - everywhere, JSON arrays become tuples (recursively), objects stay dicts.
* Output: one line per call, in input order, json.dumps with default settings (", " and ": ",
  ASCII only):
  {"call": ARGS, "result": VALUE} or {"call": ARGS, "error": {"type": T, "code": C, "message": M}}
  ARGS echoes the parsed line; VALUE maps tuples/lists to arrays, IntEnum members to their names
  ("AF_INET", "SOCK_STREAM"), bytes to lowercase hex and None to null. T is the exception class
  name (gaierror, herror, OSError, TypeError, ...); C is exc.errno for an OSError (null when it has
  none, and for other exceptions); M is exc.strerror when C is not null, else str(exc).

SAFETY RULE: outside the oracle network namespace, feed this script only calls that cannot make
glibc look up a host name: inet_*, getservbyname, getservbyport, getprotobyname, and getaddrinfo /
getnameinfo with numeric or null hosts and AI_NUMERICHOST / NI_NUMERICHOST. gethostbyname,
gethostbyname_ex, gethostbyaddr and getfqdn with names may send DNS queries upstream; the netdb-cli
differential harness refuses them unless NETDB_ORACLE_NAMESPACE=1 says it runs inside the namespace.
"""
import enum
import json
import re
import socket
import sys

PACKED = {"inet_ntoa": {0}, "inet_ntop": {1}}
CONSTANTS = {"inet_pton": {0}, "inet_ntop": {0}, "getaddrinfo": {2, 3, 4, 5}, "getnameinfo": {1}}
_HEX = re.compile(r"(?:[0-9a-fA-F]{2})*\Z")
_PREFIXES = ("AF_", "SOCK_", "IPPROTO_", "AI_", "NI_")


def _constant(value):
    if not isinstance(value, str) or not value:
        return value
    total = 0
    for part in value.split("|"):
        if not part.startswith(_PREFIXES) or not isinstance(getattr(socket, part, None), int):
            return value
        total |= int(getattr(socket, part))
    return total


def _tuples(value):
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: _tuples(v) for k, v in value.items()}
    return value


def convert(func, args):
    out = []
    for i, a in enumerate(args):
        if i in PACKED.get(func, ()) and isinstance(a, str) and _HEX.match(a):
            a = bytes.fromhex(a)
        elif i in CONSTANTS.get(func, ()):
            a = _constant(a)
        out.append(_tuples(a))
    return out


def to_json(value):
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    return value


def run(func_name, line):
    fn = getattr(socket, func_name)
    try:
        args = json.loads(line)
    except ValueError:
        args = None
    if not isinstance(args, list):
        return None
    try:
        result = fn(*convert(func_name, args))
    except Exception as e:  # noqa: BLE001 - every Python exception is data here
        code = e.errno if isinstance(e, OSError) else None
        message = e.strerror if code is not None else str(e)
        return {"call": args, "error": {"type": type(e).__name__, "code": code, "message": message}}
    return {"call": args, "result": to_json(result)}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: oracle.py FUNC < calls.jsonl")
    func = sys.argv[1]
    out = sys.stdout
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        obj = run(func, line)
        if obj is None:
            obj = {"call": None, "error": {"type": "ValueError", "code": None,
                                           "message": "line %d: not a JSON array of arguments" % n}}
        out.write(json.dumps(obj) + "\n")


if __name__ == "__main__":
    main()
