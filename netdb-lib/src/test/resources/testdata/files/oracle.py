# Answers one socket call per input line for the netdb files tests; fields are tab-separated:
#   s HASPROTO NAME PROTO   -> getservbyname(NAME[, PROTO])
#   p HASPROTO PORT PROTO   -> getservbyport(PORT[, PROTO])
#   r NAME                  -> getprotobyname(NAME)
# Output per call: "F<TAB>result" or "N<TAB>str(exception)".
import socket
import sys

out = []
for line in sys.stdin.buffer.read().decode("utf-8").split("\n"):
    if not line:
        continue
    f = line.split("\t")
    try:
        if f[0] == "s":
            r = socket.getservbyname(f[2], f[3]) if f[1] == "1" else socket.getservbyname(f[2])
        elif f[0] == "p":
            r = socket.getservbyport(int(f[2]), f[3]) if f[1] == "1" else socket.getservbyport(int(f[2]))
        else:
            r = socket.getprotobyname(f[1])
        out.append("F\t" + str(r))
    except OSError as e:
        out.append("N\t" + str(e))
sys.stdout.buffer.write(("\n".join(out) + "\n").encode("utf-8"))
