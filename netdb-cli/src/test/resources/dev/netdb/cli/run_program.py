#!/usr/bin/python3
"""Runs one of the chapter's programs with its host names replaced by command-line values.

Usage: /usr/bin/python3 run_program.py PROGRAM.py VALUE...

Only the program's host constant changes: the HOSTS list or the for loop's list literal becomes
the values, or (in programs that look up one host) the one host literal becomes the single value.
Everything else, the printing code included, runs as written; an uncaught exception ends the run
with Python's traceback and exit status 1, as when the program runs by itself.
"""
import re
import sys

LISTS = [re.compile(r"^HOSTS = \[[^\]\n]*\]$", re.M), re.compile(r"(?<=for host in )\[[^\]\n]*\]")]
SINGLE = re.compile(r"'(?:www\.python\.org|10\.9\.0\.10)'")

path, values = sys.argv[1], sys.argv[2:]
with open(path, encoding="utf-8") as f:
    source = f.read()
for pattern in LISTS:
    if len(pattern.findall(source)) == 1:
        source = pattern.sub(lambda m: "HOSTS = __values__" if m.group(0).startswith("HOSTS")
                             else "__values__", source)
        break
else:
    if len(SINGLE.findall(source)) != 1 or len(values) != 1:
        sys.exit("run_program.py: " + path + " needs exactly one value and one host literal")
    source = SINGLE.sub("__values__[0]", source)
sys.argv = [path] + values
exec(compile(source, path, "exec"), {"__name__": "__main__", "__values__": values})
