# Evaluates one Python expression per input line after `from socket import *` and prints one
# line per input in the notation of python-semantics.md §6: repr() of the value, or
# Type(args) for an exception; getaddrinfo result lists as "[F/T/P canon='..' sockaddr; ...]".
# Used by dev.netdb.testing.PythonReferenceTest inside the oracle namespace.
import sys
from socket import *

FAMILIES = {2: "4", 10: "6"}
TYPES = {1: "S", 2: "D", 3: "R", 5: "Q"}


def is_addrinfo_list(value):
    return (isinstance(value, list) and value
            and all(isinstance(e, tuple) and len(e) == 5 for e in value))


def show(value):
    if is_addrinfo_list(value):
        parts = []
        for family, kind, proto, canon, sockaddr in value:
            text = "%s/%s/%d" % (FAMILIES.get(int(family), str(int(family))),
                                 TYPES.get(int(kind), str(int(kind))), proto)
            if canon:
                text += " canon=%r" % canon
            parts.append(text + " " + repr(sockaddr))
        return "[" + "; ".join(parts) + "]"
    return repr(value)


for line in sys.stdin:
    expression = line.rstrip("\n")
    try:
        out = show(eval(expression))
    except Exception as e:
        out = repr(e)
    print(out, flush=True)
