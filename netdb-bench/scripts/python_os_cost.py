"""Per-call thread CPU cost of CPython's _socket calls that OsBackendCpuCost measures in Java.

Same rule: warm-up rounds, then the best of 7 rounds, in CPU nanoseconds of this thread
(time.thread_time_ns, CLOCK_THREAD_CPUTIME_ID, as the JVM's getCurrentThreadCpuTime). Network
safety: literals with AI_NUMERICHOST, and 'localhost' with AF_INET only (in /etc/hosts).
Run: /usr/bin/python3 netdb-bench/scripts/python_os_cost.py
"""
import _socket
import time

AF_INET, SOCK_STREAM, AI_NUMERICHOST = 2, 1, 4
ROWS = [
    ("getaddrinfo('127.0.0.1','80',AF_INET,STREAM,0,NUMERICHOST)",
     lambda: _socket.getaddrinfo('127.0.0.1', '80', AF_INET, SOCK_STREAM, 0, AI_NUMERICHOST)),
    ("getaddrinfo('2001:db8::1','80',0,STREAM,0,NUMERICHOST)",
     lambda: _socket.getaddrinfo('2001:db8::1', '80', 0, SOCK_STREAM, 0, AI_NUMERICHOST)),
    ("getservbyname('http','tcp')", lambda: _socket.getservbyname('http', 'tcp')),
    ("getaddrinfo('localhost',None,AF_INET,STREAM)",
     lambda: _socket.getaddrinfo('localhost', None, AF_INET, SOCK_STREAM, 0, 0)),
    ("gethostbyname_ex('localhost')  [setipaddr + gethostbyname_r]",
     lambda: _socket.gethostbyname_ex('localhost')),
    ("gethostname()", _socket.gethostname),
]
N = 20000
for name, call in ROWS:
    def one_round():
        t0 = time.thread_time_ns()
        for _ in range(N):
            call()
        return (time.thread_time_ns() - t0) / N
    for _ in range(3):
        one_round()
    best = min(one_round() for _ in range(7))
    print("%-62s %10.1f ns/call" % (name, best))
