import socket, sys
calls = {
 'none': lambda: None,
 'hosts-ok': lambda: socket.gethostbyname_ex('localhost'),
 'gai-hosts-ok': lambda: socket.getaddrinfo('localhost', None),
 'gai-numeric': lambda: socket.getaddrinfo('1.2.3.4', None),
 'gai-dns-ok': lambda: socket.getaddrinfo('dual.example.test', None),
 'gai4-dns-ok': lambda: socket.getaddrinfo('dual.example.test', None, socket.AF_INET),
 'gai-dns-nx': lambda: socket.getaddrinfo('nosuch.example.test', None),
 'gai4-dns-nx': lambda: socket.getaddrinfo('nosuch.example.test', None, socket.AF_INET),
 'gai-dns-nodata': lambda: socket.getaddrinfo('nodata.example.test', None),
 'gai6-v4only': lambda: socket.getaddrinfo('v4only.example.test', None, socket.AF_INET6),
 'gai4-v6only': lambda: socket.getaddrinfo('v6only.example.test', None, socket.AF_INET),
 'gai-canon-ok': lambda: socket.getaddrinfo('dual.example.test', None, 0, 0, 0, socket.AI_CANONNAME),
 'ghbn-dns-ok': lambda: socket.gethostbyname('dual.example.test'),
 'ghba-hosts': lambda: socket.gethostbyaddr('127.0.0.1'),
 'ghba-dns-ok': lambda: socket.gethostbyaddr('192.0.2.10'),
 'ghba-unknown': lambda: socket.gethostbyaddr('198.51.100.77'),
 'gni-unknown': lambda: socket.getnameinfo(('198.51.100.77', 0), 0),
 'single-label': lambda: socket.getaddrinfo('nosuchlabel', None),
 'gai-bad-hnok': lambda: socket.getaddrinfo('a b.example.test', None),
 'fqdn': lambda: socket.getfqdn(),
 'nx-then-ok': lambda: (socket.getaddrinfo('nosuch.example.test', None) if False else None),
}
name = sys.argv[1]
r = []
for step in name.split('+'):
    try:
        calls[step]()
    except Exception as e:
        r.append(f'{step}:{type(e).__name__}{e.args}')
try:
    socket.gethostbyname_ex('<broadcast>'); r.append('bcast OK')
except Exception as e:
    r.append(f'bcast {e.args[0]}')
print(name, '|', ' '.join(r))
