import ctypes, json, os, socket, struct, sys
libc = ctypes.CDLL("libc.so.6")
libc.__res_state.restype = ctypes.c_void_p
libc.__res_ninit.argtypes=[ctypes.c_void_p]
p = libc.__res_state()
libc.__res_ninit(p)
raw = ctypes.string_at(p, 400)
retrans, retry = struct.unpack_from('ii', raw, 0)
options, = struct.unpack_from('Q', raw, 8)
nscount, = struct.unpack_from('i', raw, 16)
ns = []
for i in range(min(nscount,3)):
    fam, port = struct.unpack_from('<HH', raw, 20+16*i)
    addr = raw[24+16*i:28+16*i]
    ns.append(socket.inet_ntoa(addr) if fam == 2 else 'family%d' % fam)
search = []
for i in range(7):
    ptr, = struct.unpack_from('Q', raw, 72+8*i)
    if not ptr: break
    search.append(ctypes.string_at(ptr).decode('latin-1'))
ndots = raw[392] & 0xF
flags = {'rotate':0x4000,'edns0':0x100000,'single-request':0x200000,'single-request-reopen':0x400000,
 'no-tld-query':0x1000000,'trust-ad':0x4000000,'no-aaaa':0x8000000,'use-vc':0x8}
print(json.dumps({'timeout':retrans,'attempts':retry,'nscount':nscount,'nameservers':ns,'search':search,'ndots':ndots,
 'options':sorted(k for k,v in flags.items() if options & v)}))
