import socket, ctypes, sys
libc = ctypes.CDLL(None)
loc = libc.__h_errno_location; loc.restype = ctypes.POINTER(ctypes.c_int)
def run(label, f):
    loc()[0] = 77
    try:
        f(); out = 'ok'
    except Exception as e:
        out = f'{type(e).__name__}{e.args[0]}'
    print(f'{label:44s} {out:16s} h_errno={loc()[0]}')
A=socket.AF_INET; A6=socket.AF_INET6; C=socket.AI_CANONNAME
paths=[(0,0,'unspec'),(A,0,'inet'),(A6,0,'inet6'),(0,C,'unspec+canon'),(A,C,'inet+canon'),(A6,C,'inet6+canon'),(A6,socket.AI_V4MAPPED,'inet6+v4mapped'),(A6,socket.AI_V4MAPPED|socket.AI_ALL,'inet6+v4mapped+all')]
names = sys.argv[1].split(',')
for n in names:
    for fam,fl,lab in paths:
        run(f'gai {n!r} {lab}', lambda: socket.getaddrinfo(n, None, fam, 0, 0, fl))
    run(f'ghbn {n!r}', lambda: socket.gethostbyname(n))
    run(f'ghbnex {n!r}', lambda: socket.gethostbyname_ex(n))
    run(f'ghba {n!r}', lambda: socket.gethostbyaddr(n))
for a in sys.argv[2].split(',') if len(sys.argv) > 2 else []:
    run(f'ghba {a}', lambda: socket.gethostbyaddr(a))
    run(f'gni {a}', lambda: socket.getnameinfo((a, 0), 0))
    run(f'gni {a} NAMEREQD', lambda: socket.getnameinfo((a, 0), socket.NI_NAMEREQD))
    run(f'gni {a} NUMERICHOST', lambda: socket.getnameinfo((a, 0), socket.NI_NUMERICHOST))
run('fqdn localhost', lambda: socket.getfqdn('localhost'))
run('fqdn 127.0.0.1', lambda: socket.getfqdn('127.0.0.1'))
run('gai numeric svc name', lambda: socket.getaddrinfo('1.2.3.4', 'http'))
run('gai host svc bad', lambda: socket.getaddrinfo('nosuch.example.test', 'nosuchsvc'))
run('gai addrconfig', lambda: socket.getaddrinfo('dual.example.test', None, 0,0,0, socket.AI_ADDRCONFIG))
run('gai numerichost name', lambda: socket.getaddrinfo('dual.example.test', None, 0,0,0, socket.AI_NUMERICHOST))
