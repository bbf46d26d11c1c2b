package dev.netdb.python;

import dev.netdb.AddrInfo;
import dev.netdb.AddressFamily;
import dev.netdb.ArgumentTypeException;
import dev.netdb.HostEntry;
import dev.netdb.HostException;
import dev.netdb.Inet;
import dev.netdb.InvalidValueException;
import dev.netdb.NameInfo;
import dev.netdb.NetDb;
import dev.netdb.NetDbException;
import dev.netdb.OverflowException;
import dev.netdb.ProtocolEntry;
import dev.netdb.ServiceEntry;
import dev.netdb.SystemException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one copy of CPython's {@code socketmodule.c} and {@code socket.py} logic, above either
 * back end: IDNA encoding of host names, {@code setipaddr}, {@code gethostbyname_ex}'s two-step
 * errors, {@code getfqdn}, and Python's argument checks and messages.
 */
public final class PythonLayer implements NetDb {
  private static final int AF_UNSPEC = 0;
  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;
  private static final int SOCK_DGRAM = 2;
  private static final int AI_PASSIVE = 1;
  private static final int AI_NUMERICHOST = 4;

  private final Backend backend;

  /** Creates the layer over a back end. */
  public PythonLayer(Backend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /** Returns the back end below this layer. */
  public Backend backend() {
    return backend;
  }

  @Override
  public String backendName() {
    return backend.name();
  }

  @Override
  public String gethostname() {
    return backend.gethostname();
  }

  // ---- setipaddr (socketmodule.c) ----

  /** A resolved address: packed bytes and family, as setipaddr leaves them in a sockaddr. */
  private record Resolved(byte[] address, int family) {
    String text() {
      return Inet.ntop(family == AF_INET ? AddressFamily.INET : AddressFamily.INET6, address);
    }
  }

  /**
   * CPython's {@code setipaddr(name, af)}: the wildcard for {@code ''}, the broadcast address,
   * numeric forms parsed before any lookup, otherwise the first (already sorted) getaddrinfo result.
   */
  private Resolved setipaddr(String name, int af) {
    if (name.isEmpty()) {
      List<AddrInfo> res = backend.getaddrinfo(null, "0", af, SOCK_DGRAM, 0, AI_PASSIVE);
      AddrInfo first = res.getFirst();
      if (first.family() != AF_INET && first.family() != AF_INET6) {
        throw new SystemException("unsupported address family", name);
      }
      if (res.size() > 1) {
        throw new SystemException("wildcard resolved to multiple address", name);
      }
      return resolved(first);
    }
    if (name.equals("255.255.255.255") || name.equals("<broadcast>")) {
      if (af != AF_INET && af != AF_UNSPEC) {
        throw new SystemException("address family mismatched", name);
      }
      return new Resolved(new byte[] {-1, -1, -1, -1}, AF_INET);
    }
    if (af == AF_UNSPEC || af == AF_INET) {
      byte[] v4 = Inet.tryPton(AddressFamily.INET, name);
      if (v4 != null) {
        return new Resolved(v4, AF_INET);
      }
    }
    // A scope id needs getaddrinfo, which maps interface names to indexes.
    if ((af == AF_UNSPEC || af == AF_INET6) && name.indexOf('%') < 0) {
      byte[] v6 = Inet.tryPton(AddressFamily.INET6, name);
      if (v6 != null) {
        return new Resolved(v6, AF_INET6);
      }
    }
    List<AddrInfo> res = backend.getaddrinfo(name, null, af, 0, 0, 0);
    AddrInfo first = res.getFirst();
    if (first.family() != AF_INET && first.family() != AF_INET6) {
      throw new SystemException("unknown address family", name);
    }
    return resolved(first);
  }

  private static Resolved resolved(AddrInfo ai) {
    AddressFamily f = ai.family() == AF_INET ? AddressFamily.INET : AddressFamily.INET6;
    return new Resolved(Inet.pton(f, ai.host()), ai.family());
  }

  // ---- host functions ----

  @Override
  public String gethostbyname(String host) {
    String name = hostArg("gethostbyname", host);
    return setipaddr(name, AF_INET).text();
  }

  @Override
  public HostEntry gethostbynameEx(String host) {
    String name = hostArg("gethostbyname_ex", host);
    Resolved r = setipaddr(name, AF_INET);
    HostEntry h = backend.gethostbyname(name, AF_INET);
    return checkFamily(h, r.family(), name);
  }

  @Override
  public HostEntry gethostbyaddr(String ip) {
    String name = hostArg("gethostbyaddr", ip);
    Resolved r = setipaddr(name, AF_UNSPEC);
    HostEntry h = backend.gethostbyaddr(r.address(), r.family());
    return checkFamily(h, r.family(), name);
  }

  /**
   * {@code gethost_common}: an entry of the other family is {@code OSError(strerror(EAFNOSUPPORT))}
   * without an errno, as CPython raises it.
   */
  private static HostEntry checkFamily(HostEntry h, int af, String name) {
    for (String a : h.addresses()) {
      boolean v6 = a.indexOf(':') >= 0;
      if (v6 != (af == AF_INET6)) {
        throw new SystemException("Address family not supported by protocol", name);
      }
    }
    return h;
  }

  @Override
  public String getfqdn(String name) {
    Objects.requireNonNull(name, "name");
    String n = PyStrings.strip(name);
    if (n.isEmpty() || n.equals("0.0.0.0") || n.equals("::")) {
      n = gethostname();
    }
    HostEntry h;
    try {
      h = gethostbyaddr(n);
    } catch (NetDbException e) {
      // socket.py catches OSError only: gaierror, herror and OSError, not UnicodeError.
      return switch (e.kind()) {
        case GAIERROR, HERROR, OSERROR -> n;
        default -> throw e;
      };
    }
    if (h.name().indexOf('.') >= 0) {
      return h.name();
    }
    for (String alias : h.aliases()) {
      if (alias.indexOf('.') >= 0) {
        return alias;
      }
    }
    return h.name();
  }

  // ---- services and protocols ----

  @Override
  public int getservbyname(String name, String proto) {
    String n = cString("getservbyname", name);
    String p = proto == null ? null : cString("getservbyname", proto);
    ServiceEntry s = backend.getservbyname(n, p);
    if (s == null) {
      throw new SystemException("service/proto not found", describe(n, p));
    }
    return s.port();
  }

  @Override
  public String getservbyport(long port, String proto) {
    int p = cInt(port);
    String pr = proto == null ? null : cString("getservbyport", proto);
    if (p < 0 || p > 0xffff) {
      throw new OverflowException("getservbyport: port must be 0-65535.", Long.toString(port));
    }
    ServiceEntry s = backend.getservbyport(p, pr);
    if (s == null) {
      throw new SystemException("port/proto not found", describe(Integer.toString(p), pr));
    }
    return s.name();
  }

  @Override
  public int getprotobyname(String name) {
    String n = cString("getprotobyname", name);
    ProtocolEntry p = backend.getprotobyname(n);
    if (p == null) {
      throw new SystemException("protocol not found", n);
    }
    return p.number();
  }

  // ---- getaddrinfo / getnameinfo ----

  @Override
  public List<AddrInfo> getaddrinfo(
      String host, String port, int family, int type, int proto, int flags) {
    String h = host == null ? null : Idna.encode(host);
    try {
      return backend.getaddrinfo(h, port, family, type, proto, flags);
    } catch (NetDbException e) {
      throw withInput(e, host, port);
    }
  }

  @Override
  public NameInfo getnameinfo(String host, long port, int flags) {
    return nameinfo(host, port, 0, 0, false, flags);
  }

  @Override
  public NameInfo getnameinfo(String host, long port, long flowInfo, long scopeId, int flags) {
    return nameinfo(host, port, flowInfo, scopeId, true, flags);
  }

  /** CPython's {@code socket_getnameinfo}: a numeric getaddrinfo, then getnameinfo(3). */
  private NameInfo nameinfo(
      String host, long port, long flowInfo, long scopeId, boolean fourTuple, int flags) {
    String h = cString("getnameinfo", host);
    int p = cInt(port);
    // "II" format: unsigned ints taken modulo 2**32 without an overflow check.
    long flow = flowInfo & 0xffffffffL;
    long scope = scopeId & 0xffffffffL;
    if (flow > 0xfffff) {
      throw new OverflowException("getnameinfo(): flowinfo must be 0-1048575.", h);
    }
    List<AddrInfo> res =
        backend.getaddrinfo(h, Integer.toString(p), AF_UNSPEC, SOCK_DGRAM, 0, AI_NUMERICHOST);
    if (res.size() > 1) {
      throw new SystemException("sockaddr resolved to multiple addresses", h);
    }
    AddrInfo sa = res.getFirst();
    if (sa.family() == AF_INET && fourTuple) {
      throw new SystemException("IPv4 sockaddr must be 2 tuple", h);
    }
    if (sa.family() == AF_INET6) {
      sa = new AddrInfo(sa.family(), sa.type(), sa.protocol(), sa.canonicalName(), sa.host(),
          sa.port(), flow, scope);
    }
    return backend.getnameinfo(sa, flags);
  }

  // ---- getent-style database entries ----

  @Override
  public List<ServiceEntry> services() {
    return backend.services();
  }

  @Override
  public List<ProtocolEntry> protocols() {
    return backend.protocols();
  }

  @Override
  public Optional<ServiceEntry> serviceByName(String name, String proto) {
    return Optional.ofNullable(backend.getservbyname(name, proto));
  }

  @Override
  public Optional<ServiceEntry> serviceByPort(int port, String proto) {
    return Optional.ofNullable(backend.getservbyport(port, proto));
  }

  @Override
  public Optional<ProtocolEntry> protocolByName(String name) {
    return Optional.ofNullable(backend.getprotobyname(name));
  }

  @Override
  public Optional<ProtocolEntry> protocolByNumber(int number) {
    return Optional.ofNullable(backend.getprotobynumber(number));
  }

  @Override
  public HostEntry hostByName(String name, AddressFamily family) {
    return backend.gethostbyname(name, family.value());
  }

  @Override
  public HostEntry hostByAddress(byte[] address) {
    int af =
        switch (address.length) {
          case 4 -> AF_INET;
          case 16 -> AF_INET6;
          default -> throw new IllegalArgumentException("address must be 4 or 16 bytes");
        };
    return backend.gethostbyaddr(address.clone(), af);
  }

  @Override
  public List<AddrInfo> addrinfo(
      String host, String service, int family, int type, int proto, int flags) {
    return backend.getaddrinfo(host, service, family, type, proto, flags);
  }

  // ---- async variants ----

  @Override
  public CompletableFuture<List<AddrInfo>> getaddrinfoAsync(
      String host, String port, int family, int type, int proto, int flags) {
    String h;
    try {
      h = host == null ? null : Idna.encode(host);
    } catch (NetDbException e) {
      return CompletableFuture.failedFuture(e);
    }
    return backend
        .getaddrinfoAsync(h, port, family, type, proto, flags)
        .exceptionallyCompose(
            t -> CompletableFuture.failedFuture(
                unwrap(t) instanceof NetDbException e ? withInput(e, host, port) : unwrap(t)));
  }

  @Override
  public CompletableFuture<String> gethostbynameAsync(String host) {
    return async(() -> gethostbyname(host));
  }

  @Override
  public CompletableFuture<HostEntry> gethostbynameExAsync(String host) {
    return async(() -> gethostbynameEx(host));
  }

  @Override
  public CompletableFuture<HostEntry> gethostbyaddrAsync(String ip) {
    return async(() -> gethostbyaddr(ip));
  }

  @Override
  public CompletableFuture<String> getfqdnAsync(String name) {
    return async(() -> getfqdn(name));
  }

  @Override
  public CompletableFuture<NameInfo> getnameinfoAsync(
      String host, long port, long flowInfo, long scopeId, int flags) {
    return async(() -> getnameinfo(host, port, flowInfo, scopeId, flags));
  }

  private static <T> CompletableFuture<T> async(Supplier<T> call) {
    return Backend.onVirtualThread(call);
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof java.util.concurrent.CompletionException && t.getCause() != null
        ? t.getCause()
        : t;
  }

  // ---- argument conversion, as CPython's PyArg_ParseTuple does it ----

  /** The {@code "et"} converter with the idna codec: NUL is a TypeError, then IDNA. */
  private static String hostArg(String function, String host) {
    if (host == null) {
      throw new ArgumentTypeException(
          function + "() argument 1 must be str, bytes or bytearray, not None", null);
    }
    String encoded = Idna.encode(host);
    if (encoded.indexOf('\0') >= 0) {
      throw new ArgumentTypeException(
          function + "() argument 1 must be encoded string without null bytes, not str", host);
    }
    return encoded;
  }

  /** The {@code "s"} converter: str only, no NUL, valid UTF-8 (no lone surrogates). */
  private static String cString(String function, String s) {
    if (s == null) {
      throw new ArgumentTypeException(
          function.startsWith("getnameinfo")
              ? "getnameinfo(): illegal sockaddr argument"
              : function + "() argument 1 must be str, not None",
          null);
    }
    if (s.indexOf('\0') >= 0) {
      throw new InvalidValueException("embedded null character", s);
    }
    PyStrings.checkUtf8(s);
    return s;
  }

  /** The {@code "i"} converter: a C int. */
  private static int cInt(long v) {
    if (v > Integer.MAX_VALUE) {
      throw new OverflowException("signed integer is greater than maximum", Long.toString(v));
    }
    if (v < Integer.MIN_VALUE) {
      throw new OverflowException("signed integer is less than minimum", Long.toString(v));
    }
    return (int) v;
  }

  private static String describe(String a, String b) {
    return b == null ? a : a + "/" + b;
  }

  /** Re-creates a back-end error with the caller's input named in {@link #getMessage()}. */
  private static NetDbException withInput(NetDbException e, String host, String port) {
    if (e.input() != null) {
      return e;
    }
    String input = (host == null ? "None" : host) + ", " + (port == null ? "None" : port);
    Integer code = e.code().isPresent() ? e.code().getAsInt() : null;
    return switch (e) {
      case dev.netdb.GaiException g -> new dev.netdb.GaiException(code, g.pythonMessage(), input);
      case HostException h -> new HostException(code, h.pythonMessage(), input);
      case SystemException s -> new SystemException(code, s.pythonMessage(), input);
      default -> e;
    };
  }
}
