import socket, ctypes, sys
libc = ctypes.CDLL(None)
loc = libc.__h_errno_location; loc.restype = ctypes.POINTER(ctypes.c_int)
def run(label, f):
    loc()[0] = 77
    try:
        f(); out = 'ok'
    except Exception as e:
        out = f'{type(e).__name__}{e.args[0]}'
    print(f'{label:40s} {out:16s} h_errno={loc()[0]}')
names = {'hosts':'localhost', 'hosts4':'v4only.example', 'hosts6':'v6only.example', 'hostsmulti':'multi.example', 'dnsok':'dual.example.test', 'nx':'nosuch.example.test',
  'nodata':'nodata.example.test', 'v4only':'v4only.example.test', 'v6only':'v6only.example.test', 'single':'nosuchlabel',
  'badhnok':'a b.example.test', 'cname':'www.example.test', 'dangling':'dangling.example.test'}
A=socket.AF_INET; A6=socket.AF_INET6; C=socket.AI_CANONNAME
for k,n in names.items():
    for fam,fl,lab in [(0,0,'unspec'),(A,0,'inet'),(A6,0,'inet6'),(0,C,'unspec+canon'),(A,C,'inet+canon'),(A6,socket.AI_V4MAPPED,'inet6+v4mapped')]:
        run(f'gai {k} {lab}', lambda: socket.getaddrinfo(n, None, fam, 0, 0, fl))
    run(f'ghbn {k}', lambda: socket.gethostbyname(n))
    run(f'ghbnex {k}', lambda: socket.gethostbyname_ex(n))
for a in ['127.0.0.1','192.0.2.110','198.51.100.77','192.0.2.10','::1','2001:db8::99']:
    run(f'ghba {a}', lambda: socket.gethostbyaddr(a))
    run(f'gni {a}', lambda: socket.getnameinfo((a, 0), 0))
    run(f'gni {a} NAMEREQD', lambda: socket.getnameinfo((a, 0), socket.NI_NAMEREQD))
run('ghbnex <broadcast>', lambda: socket.gethostbyname_ex('<broadcast>'))
run('ghbn <broadcast>', lambda: socket.gethostbyname('<broadcast>'))
run('ghba <broadcast>', lambda: socket.gethostbyaddr('<broadcast>'))
run('fqdn', lambda: socket.getfqdn())
run('fqdn nx', lambda: socket.getfqdn('nosuch.example.test'))
run('gai numeric', lambda: socket.getaddrinfo('1.2.3.4', None))
run('gai empty', lambda: socket.getaddrinfo('', 80))
run('gai None', lambda: socket.getaddrinfo(None, 80))
run('gai svc bad', lambda: socket.getaddrinfo('localhost', 'nosuchsvc'))
