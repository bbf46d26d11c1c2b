#!/usr/bin/python3
"""Turns python-semantics.md section 6 expressions into tools/oracle.py batch lines.

Reads one expression per line (a call of a socket function, evaluated after
`from socket import *`) and prints `FUNC<TAB>JSON-ARGS`, or `FUNC<TAB>#REASON` when the arguments
cannot be written as a batch line (bytes where oracle.py takes no packed address). Only the
arguments are evaluated, never the call itself, so no name is looked up. Keyword arguments are
placed at their positions, earlier omitted ones taking the function's defaults.
"""
import ast
import json
import sys
from socket import *  # noqa: F401,F403 - the expressions name socket constants

PARAMETERS = {"getaddrinfo": (["host", "port", "family", "type", "proto", "flags"],
                              [None, None, 0, 0, 0, 0])}
PACKED = {"inet_ntoa": {0}, "inet_ntop": {1}}


def to_json(value, packed):
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (bytes, bytearray)):
        if packed:
            return value.hex()
        raise ValueError("bytes outside a packed-address position")
    if isinstance(value, tuple):
        return [to_json(v, False) for v in value]
    raise ValueError("cannot write a " + type(value).__name__)


def convert(expression):
    call = ast.parse(expression, mode="eval").body
    func = call.func.id
    args = [eval(compile(ast.Expression(a), "<arg>", "eval")) for a in call.args]
    if call.keywords:
        names, defaults = PARAMETERS[func]
        args += defaults[len(args):]
        for kw in call.keywords:
            args[names.index(kw.arg)] = eval(compile(ast.Expression(kw.value), "<kw>", "eval"))
    try:
        out = [to_json(a, i in PACKED.get(func, ())) for i, a in enumerate(args)]
    except ValueError as e:
        return func, "#" + str(e)
    return func, json.dumps(out)


for line in sys.stdin:
    expression = line.rstrip("\n")
    if expression:
        func, text = convert(expression)
        print(func + "\t" + text)
