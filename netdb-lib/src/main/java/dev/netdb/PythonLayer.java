package dev.netdb;

import dev.netdb.backend.Backend;
import dev.netdb.observe.Events;
import dev.netdb.observe.TraceRecorder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The one copy of CPython's {@code socketmodule.c} and {@code socket.py} logic, above either
 * back end: IDNA encoding of host names, {@code setipaddr}, {@code gethostbyname_ex}'s two-step
 * errors, {@code getfqdn}, and Python's argument checks and messages.
 *
 * <p>The host functions are written once, over futures: the blocking methods run them on the back
 * end's blocking calls (whose futures are already complete, so nothing changes thread), the
 * {@code *Async} methods on its asynchronous calls, so no thread waits for a lookup.
 */
final class PythonLayer implements NetDb {
  private static final int AF_UNSPEC = 0;
  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;
  private static final int SOCK_DGRAM = 2;
  private static final int AI_PASSIVE = 1;
  private static final int AI_NUMERICHOST = 4;

  private final PublicEdge backend;
  /** Whether this layer is a shared instance, whose {@link #close()} does nothing. */
  private final boolean shared;
  private final BackendCalls blocking;
  private final BackendCalls async;

  /** Creates the layer over a back end; {@link #close()} closes the back end. */
  PythonLayer(Backend backend) {
    this(new PublicEdge(Objects.requireNonNull(backend, "backend")), false);
  }

  private PythonLayer(PublicEdge backend, boolean shared) {
    this.backend = backend;
    this.shared = shared;
    this.blocking = BackendCalls.blocking(backend);
    this.async = BackendCalls.async(backend);
  }

  /**
   * Returns a layer over the same back end that is shared (as {@code NetDb.java()} is): its {@link
   * #close()} does nothing, so no holder of the shared instance can close it for the others.
   */
  static PythonLayer shared(PythonLayer layer) {
    return new PythonLayer(layer.backend, true);
  }

  /** Returns the back end below this layer. */
  Backend backend() {
    return backend.backend();
  }

  @Override
  public String backendName() {
    return backend.name();
  }

  @Override
  public String gethostname() {
    ensureOpen();
    return backend.gethostname();
  }

  /**
   * Closes the back end (for the pure-Java one: fails its lookups in flight, stops its threads);
   * does nothing for a shared instance or a back end that owns nothing (the OS one).
   */
  @Override
  public void close() {
    if (!shared) {
      backend.close();
    }
  }

  /** Fails fast once the back end is closed, before any argument is looked at. */
  private void ensureOpen() {
    if (backend.isClosed()) {
      throw new NetDbClosedException();
    }
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
   * An error found before any lookup is thrown; a lookup's error fails the future.
   */
  private CompletableFuture<Resolved> setipaddr(String name, int af, BackendCalls calls) {
    if (name.isEmpty()) {
      return calls.getaddrinfo().call(null, "0", af, SOCK_DGRAM, 0, AI_PASSIVE).thenApply(res -> {
        AddrInfo first = res.getFirst();
        if (first.family() != AF_INET && first.family() != AF_INET6) {
          throw new SystemException("unsupported address family", name);
        }
        if (res.size() > 1) {
          throw new SystemException("wildcard resolved to multiple address", name);
        }
        return resolved(first);
      });
    }
    if (name.equals("255.255.255.255") || name.equals("<broadcast>")) {
      if (af != AF_INET && af != AF_UNSPEC) {
        throw new SystemException("address family mismatched", name);
      }
      return CompletableFuture.completedFuture(new Resolved(new byte[] {-1, -1, -1, -1}, AF_INET));
    }
    if (af == AF_UNSPEC || af == AF_INET) {
      byte[] v4 = Inet.tryPton(AddressFamily.INET, name);
      if (v4 != null) {
        return CompletableFuture.completedFuture(new Resolved(v4, AF_INET));
      }
    }
    // A scope id needs getaddrinfo, which maps interface names to indexes.
    if ((af == AF_UNSPEC || af == AF_INET6) && name.indexOf('%') < 0) {
      byte[] v6 = Inet.tryPton(AddressFamily.INET6, name);
      if (v6 != null) {
        return CompletableFuture.completedFuture(new Resolved(v6, AF_INET6));
      }
    }
    return calls.getaddrinfo().call(name, null, af, 0, 0, 0).thenApply(res -> {
      AddrInfo first = res.getFirst();
      if (first.family() != AF_INET && first.family() != AF_INET6) {
        throw new SystemException("unknown address family", name);
      }
      return resolved(first);
    });
  }

  private static Resolved resolved(AddrInfo ai) {
    AddressFamily f = ai.family() == AF_INET ? AddressFamily.INET : AddressFamily.INET6;
    return new Resolved(Inet.pton(f, ai.host()), ai.family());
  }

  // ---- host functions ----

  @Override
  public String gethostbyname(String host) {
    ensureOpen();
    return join(gethostbyname(host, blocking));
  }

  private CompletableFuture<String> gethostbyname(String host, BackendCalls calls) {
    String name = hostArg("gethostbyname", host);
    return setipaddr(name, AF_INET, calls).thenApply(Resolved::text);
  }

  @Override
  public HostEntry gethostbynameEx(String host) {
    ensureOpen();
    return join(gethostbynameEx(host, blocking));
  }

  /** {@code setipaddr} first, so its gaierror comes before {@code gethostbyname_r}'s herror. */
  private CompletableFuture<HostEntry> gethostbynameEx(String host, BackendCalls calls) {
    String name = hostArg("gethostbyname_ex", host);
    return setipaddr(name, AF_INET, calls).thenCompose(r -> calls.gethostbyname().call(name, AF_INET)
        .thenApply(h -> checkFamily(h, r.family(), name)));
  }

  @Override
  public HostEntry gethostbyaddr(String ip) {
    ensureOpen();
    return join(gethostbyaddr(ip, blocking));
  }

  private CompletableFuture<HostEntry> gethostbyaddr(String ip, BackendCalls calls) {
    String name = hostArg("gethostbyaddr", ip);
    return setipaddr(name, AF_UNSPEC, calls).thenCompose(r -> calls.gethostbyaddr()
        .call(r.address(), r.family())
        .thenApply(h -> checkFamily(h, r.family(), name)));
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
    ensureOpen();
    return join(getfqdn(name, blocking));
  }

  private CompletableFuture<String> getfqdn(String name, BackendCalls calls) {
    Objects.requireNonNull(name, "name");
    String stripped = PyStrings.strip(name);
    String n = stripped.isEmpty() || stripped.equals("0.0.0.0") || stripped.equals("::")
        ? gethostname()
        : stripped;
    return attempt(() -> gethostbyaddr(n, calls)).handle((h, t) -> {
      if (t != null) {
        // socket.py catches OSError only: gaierror, herror and OSError, not UnicodeError.
        if (unwrap(t) instanceof NetDbException e) {
          return switch (e.kind()) {
            case GAIERROR, HERROR, OSERROR -> n;
            default -> throw e;
          };
        }
        throw unchecked(unwrap(t));
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
    });
  }

  // ---- services and protocols ----

  @Override
  public int getservbyname(String name, String proto) {
    ensureOpen();
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
    ensureOpen();
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
    ensureOpen();
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
    ensureOpen();
    String h = host == null ? null : Idna.encode(host);
    Object event = Events.lookupBegin();
    if (event != null) {
      return recorded(event, host, backend.getaddrinfoAsync(h, port, family, type, proto, flags), port);
    }
    try {
      return backend.getaddrinfo(h, port, family, type, proto, flags);
    } catch (NetDbException e) {
      throw withInput(e, host, port);
    }
  }

  /** Waits for a getaddrinfo answer and commits its {@code dev.netdb.Lookup} JFR event. */
  private List<AddrInfo> recorded(Object event, String host, CompletableFuture<List<AddrInfo>> f, String port) {
    boolean cached = f.isDone() && !backend.name().equals("os");
    try {
      List<AddrInfo> answer = join(f);
      Events.lookupEnd(event, host, "getaddrinfo", backend.name(), "ok", cached,
          String.join(" ", answer.stream().map(AddrInfo::host).distinct().toList()));
      return answer;
    } catch (NetDbException e) {
      NetDbException named = withInput(e, host, port);
      Events.lookupEnd(event, host, "getaddrinfo", backend.name(), named.pythonStr(), cached, "");
      throw named;
    }
  }

  @Override
  public dev.netdb.NetDbStats stats() {
    return backend.stats();
  }

  @Override
  public Traced<List<AddrInfo>> getaddrinfoTraced(
      String host, String port, int family, int type, int proto, int flags) {
    ensureOpen();
    TraceRecorder recorder = backend.recorder();
    try {
      String h = host == null ? null : Idna.encode(host);
      List<AddrInfo> answer =
          join(backend.getaddrinfoTraced(h, port, family, type, proto, flags, recorder));
      return Traced.of(recorder.trace(), answer, null);
    } catch (NetDbException e) {
      return Traced.of(recorder.trace(), null, withInput(e, host, port));
    }
  }

  @Override
  public NameInfo getnameinfo(String host, long port, int flags) {
    ensureOpen();
    return join(nameinfo(host, port, 0, 0, false, flags, blocking));
  }

  @Override
  public NameInfo getnameinfo(String host, long port, long flowInfo, long scopeId, int flags) {
    ensureOpen();
    return join(nameinfo(host, port, flowInfo, scopeId, true, flags, blocking));
  }

  /** CPython's {@code socket_getnameinfo}: a numeric getaddrinfo, then getnameinfo(3). */
  private CompletableFuture<NameInfo> nameinfo(
      String host, long port, long flowInfo, long scopeId, boolean fourTuple, int flags,
      BackendCalls calls) {
    String h = cString("getnameinfo", host);
    int p = cInt(port);
    // "II" format: unsigned ints taken modulo 2**32 without an overflow check.
    long flow = flowInfo & 0xffffffffL;
    long scope = scopeId & 0xffffffffL;
    if (flow > 0xfffff) {
      throw new OverflowException("getnameinfo(): flowinfo must be 0-1048575.", h);
    }
    return calls.getaddrinfo().call(h, Integer.toString(p), AF_UNSPEC, SOCK_DGRAM, 0, AI_NUMERICHOST)
        .thenCompose(res -> {
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
          return calls.getnameinfo().call(sa, flags);
        });
  }

  // ---- getent-style database entries ----

  @Override
  public List<ServiceEntry> services() {
    ensureOpen();
    return backend.services();
  }

  @Override
  public List<ProtocolEntry> protocols() {
    ensureOpen();
    return backend.protocols();
  }

  @Override
  public Optional<ServiceEntry> serviceByName(String name, String proto) {
    ensureOpen();
    return Optional.ofNullable(backend.getservbyname(name, proto));
  }

  @Override
  public Optional<ServiceEntry> serviceByPort(int port, String proto) {
    ensureOpen();
    return Optional.ofNullable(backend.getservbyport(port, proto));
  }

  @Override
  public Optional<ProtocolEntry> protocolByName(String name) {
    ensureOpen();
    return Optional.ofNullable(backend.getprotobyname(name));
  }

  @Override
  public Optional<ProtocolEntry> protocolByNumber(int number) {
    ensureOpen();
    return Optional.ofNullable(backend.getprotobynumber(number));
  }

  @Override
  public HostEntry hostByName(String name, AddressFamily family) {
    ensureOpen();
    return backend.gethostbyname(name, family.value());
  }

  @Override
  public HostEntry hostByAddress(byte[] address) {
    ensureOpen();
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
    ensureOpen();
    return backend.getaddrinfo(host, service, family, type, proto, flags);
  }

  // ---- async variants: the same compositions over the back end's asynchronous calls ----

  @Override
  public CompletableFuture<List<AddrInfo>> getaddrinfoAsync(
      String host, String port, int family, int type, int proto, int flags) {
    String h;
    try {
      ensureOpen();
      h = host == null ? null : Idna.encode(host);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Object event = Events.lookupBegin();
    CompletableFuture<List<AddrInfo>> f = backend.getaddrinfoAsync(h, port, family, type, proto, flags);
    if (event != null) {
      boolean cached = f.isDone() && !backend.name().equals("os");
      f = f.whenComplete((answer, t) -> Events.lookupEnd(event, host, "getaddrinfo", backend.name(),
          t == null ? "ok" : unwrap(t) instanceof NetDbException e ? e.pythonStr() : String.valueOf(unwrap(t)), cached,
          answer == null ? "" : String.join(" ", answer.stream().map(AddrInfo::host).distinct().toList())));
    }
    return f
        .exceptionallyCompose(
            t -> CompletableFuture.failedFuture(
                unwrap(t) instanceof NetDbException e ? withInput(e, host, port) : unwrap(t)));
  }

  @Override
  public dev.netdb.ResolvedAddresses resolve(String host, dev.netdb.AddrInfoHints hints)
      throws java.net.UnknownHostException {
    Backend.Expiring answer;
    try {
      ensureOpen();
      answer = backend.getaddrinfoExpiring(Idna.encode(host), null, hints.family().value(), hints.type().value(),
          hints.proto(), dev.netdb.AddrInfoFlag.mask(hints.flags()));
    } catch (NetDbException e) {
      throw withInput(e, host, null).toUnknownHostException();
    }
    return javaFace(host, answer);
  }

  @Override
  public CompletableFuture<dev.netdb.ResolvedAddresses> resolveAsync(String host, dev.netdb.AddrInfoHints hints) {
    String h;
    try {
      ensureOpen();
      h = Idna.encode(host);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(javaFailure(e, host));
    }
    return backend
        .getaddrinfoExpiringAsync(h, null, hints.family().value(), hints.type().value(), hints.proto(),
            dev.netdb.AddrInfoFlag.mask(hints.flags()))
        .handle((answer, failure) -> {
          if (failure != null) {
            throw new CompletionException(javaFailure(unwrap(failure), host));
          }
          try {
            return javaFace(host, answer);
          } catch (java.net.UnknownHostException e) {
            throw new CompletionException(e);
          }
        });
  }

  /**
   * Returns the Java face of an answer. Every hit of one cached answer shares its memo: the
   * {@code InetAddress} list is built once per entry and spelling of the host.
   */
  private static dev.netdb.ResolvedAddresses javaFace(String host, Backend.Expiring answer)
      throws java.net.UnknownHostException {
    java.time.Duration ttl = java.time.Duration.ofNanos(answer.ttlNanos());
    if (answer.memo() != null && answer.memo().get() instanceof dev.netdb.ResolvedAddresses kept
        && kept.addresses().getFirst().getHostName().equals(host)) {
      return new dev.netdb.ResolvedAddresses(kept.addresses(), ttl);
    }
    dev.netdb.ResolvedAddresses r = dev.netdb.ResolvedAddresses.of(host, PublicEdge.addrInfos(answer.answer()), ttl);
    if (answer.memo() != null) {
      answer.memo().set(r);
    }
    return r;
  }

  /** Returns the Java face's failure for a lookup's: an {@code UnknownHostException} for ours. */
  private static Throwable javaFailure(Throwable t, String host) {
    return t instanceof NetDbException e ? withInput(e, host, null).toUnknownHostException() : t;
  }

  @Override
  public CompletableFuture<String> gethostbynameAsync(String host) {
    return attempt(() -> {
      ensureOpen();
      return gethostbyname(host, async);
    });
  }

  @Override
  public CompletableFuture<HostEntry> gethostbynameExAsync(String host) {
    return attempt(() -> {
      ensureOpen();
      return gethostbynameEx(host, async);
    });
  }

  @Override
  public CompletableFuture<HostEntry> gethostbyaddrAsync(String ip) {
    return attempt(() -> {
      ensureOpen();
      return gethostbyaddr(ip, async);
    });
  }

  @Override
  public CompletableFuture<String> getfqdnAsync(String name) {
    return attempt(() -> {
      ensureOpen();
      return getfqdn(name, async);
    });
  }

  @Override
  public CompletableFuture<NameInfo> getnameinfoAsync(
      String host, long port, long flowInfo, long scopeId, int flags) {
    return attempt(() -> {
      ensureOpen();
      return nameinfo(host, port, flowInfo, scopeId, true, flags, async);
    });
  }

  /** Runs a step that returns a future; an exception it throws becomes the future's failure. */
  private static <T> CompletableFuture<T> attempt(Supplier<CompletableFuture<T>> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Waits for a composition and throws its failure as it was raised (not wrapped). */
  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (unwrap(e) instanceof Error error) {
        throw error;
      }
      throw unchecked(unwrap(e));
    }
  }

  private static RuntimeException unchecked(Throwable t) {
    return t instanceof RuntimeException r ? r : new CompletionException(t);
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
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
      case GaiException g -> new GaiException(code, g.pythonMessage(), input);
      case HostException h -> new HostException(code, h.pythonMessage(), input);
      case SystemException s -> new SystemException(code, s.pythonMessage(), input);
      default -> e;
    };
  }
}
