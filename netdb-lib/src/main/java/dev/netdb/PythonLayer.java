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
 *
 * <p>The {@code herror} of {@code gethostbyname_ex} and {@code gethostbyaddr} carries the calling
 * thread's leftover {@code h_errno}, as CPython's does; {@link ThreadHErrno} keeps it, per thread,
 * from the effect every back-end step reports.
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
  /** The per-thread {@code h_errno} CPython's herror codes come from. */
  private final ThreadHErrno hErrno;
  /** The Java face's lists in front of the answer cache, or null (see {@link NetDbBuilder#coarseClock}). */
  private final AddressFrontCache front;

  /** Creates the layer over a back end; {@link #close()} closes the back end. */
  PythonLayer(Backend backend) {
    this(backend, null);
  }

  /** Creates the layer over a back end with a front cache; {@link #close()} closes both. */
  PythonLayer(Backend backend, AddressFrontCache front) {
    this(new PublicEdge(Objects.requireNonNull(backend, "backend")), false, new ThreadHErrno(), front);
  }

  private PythonLayer(PublicEdge backend, boolean shared, ThreadHErrno hErrno, AddressFrontCache front) {
    this.backend = backend;
    this.shared = shared;
    this.hErrno = hErrno;
    this.front = front;
  }

  /**
   * Returns a layer over the same back end that is shared (as {@code NetDb.java()} is): its {@link
   * #close()} does nothing, so no holder of the shared instance can close it for the others.
   */
  static PythonLayer shared(PythonLayer layer) {
    return new PythonLayer(layer.backend, true, layer.hErrno, layer.front);
  }

  /** Returns the Java face's front cache, or null when there is none (for tests). */
  AddressFrontCache frontCache() {
    return front;
  }

  /** Returns the calling thread's {@code h_errno} as CPython would read it now. */
  int threadHErrno() {
    return hErrno.current();
  }

  /** Runs a blocking Python host call with its back-end calls, applying its h_errno effect. */
  private <T> T blocking(java.util.function.BiFunction<BackendCalls, ThreadHErrno.Call, CompletableFuture<T>> body) {
    ThreadHErrno.Call py = new ThreadHErrno.Call();
    return hErrno.blocking(py, () -> join(body.apply(BackendCalls.blocking(backend, py), py)));
  }

  /** Starts an asynchronous Python host call, chained after this thread's earlier ones. */
  private <T> CompletableFuture<T> async(
      java.util.function.BiFunction<BackendCalls, ThreadHErrno.Call, CompletableFuture<T>> body) {
    ThreadHErrno.Call py = new ThreadHErrno.Call();
    return hErrno.async(py, attempt(() -> {
      ensureOpen();
      return body.apply(BackendCalls.async(backend, py), py);
    }));
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
      if (front != null) {
        front.close(); // first: every later call takes the exact path, which fails closed
      }
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
    return blocking((calls, py) -> gethostbyname(host, calls));
  }

  private CompletableFuture<String> gethostbyname(String host, BackendCalls calls) {
    String name = hostArg("gethostbyname", host);
    return setipaddr(name, AF_INET, calls).thenApply(Resolved::text);
  }

  @Override
  public HostEntry gethostbynameEx(String host) {
    ensureOpen();
    return blocking((calls, py) -> gethostbynameEx(host, calls, py));
  }

  /**
   * {@code setipaddr} first, so its gaierror comes before {@code gethostbyname_r}'s herror, whose
   * code is the thread's {@code h_errno} after the call.
   */
  private CompletableFuture<HostEntry> gethostbynameEx(String host, BackendCalls calls, ThreadHErrno.Call py) {
    String name = hostArg("gethostbyname_ex", host);
    return setipaddr(name, AF_INET, calls).thenCompose(r -> leftover(py,
        calls.gethostbyname().call(name, AF_INET)).thenApply(h -> checkFamily(h, r.family(), name)));
  }

  @Override
  public HostEntry gethostbyaddr(String ip) {
    ensureOpen();
    return blocking((calls, py) -> gethostbyaddr(ip, calls, py));
  }

  private CompletableFuture<HostEntry> gethostbyaddr(String ip, BackendCalls calls, ThreadHErrno.Call py) {
    String name = hostArg("gethostbyaddr", ip);
    return setipaddr(name, AF_UNSPEC, calls).thenCompose(r -> leftover(py,
        calls.gethostbyaddr().call(r.address(), r.family())).thenApply(h -> checkFamily(h, r.family(), name)));
  }

  /**
   * Marks the herror of a failed {@code gethostbyname_r}/{@code gethostbyaddr_r} as the one
   * CPython raises with the thread's {@code h_errno} ({@code set_herror(h_errno)}).
   */
  private static <T> CompletableFuture<T> leftover(ThreadHErrno.Call py, CompletableFuture<T> step) {
    return step.whenComplete((v, t) -> {
      if (unwrap(t) instanceof HostException e) {
        py.leftover(e);
      }
    });
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
    return blocking((calls, py) -> getfqdn(name, calls, py));
  }

  private CompletableFuture<String> getfqdn(String name, BackendCalls calls, ThreadHErrno.Call py) {
    Objects.requireNonNull(name, "name");
    String stripped = PyStrings.strip(name);
    String n = stripped.isEmpty() || stripped.equals("0.0.0.0") || stripped.equals("::")
        ? gethostname()
        : stripped;
    return attempt(() -> gethostbyaddr(n, calls, py)).handle((h, t) -> {
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
    ThreadHErrno.Call py = new ThreadHErrno.Call();
    Object event = Events.lookupBegin();
    if (event != null) {
      TraceRecorder noted = TraceRecorder.noting();
      CompletableFuture<List<AddrInfo>> f =
          backend.getaddrinfoTraced(py, h, port, family, type, proto, flags, noted);
      return hErrno.blocking(py, () -> recorded(event, host, f, port, noted));
    }
    return hErrno.blocking(py, () -> {
      try {
        return backend.getaddrinfo(py, h, port, family, type, proto, flags);
      } catch (NetDbException e) {
        throw withInput(e, host, port);
      }
    });
  }

  /** Waits for a getaddrinfo answer and commits its {@code dev.netdb.Lookup} JFR event. */
  private List<AddrInfo> recorded(Object event, String host, CompletableFuture<List<AddrInfo>> f, String port,
      TraceRecorder noted) {
    boolean cached = cached(f, noted);
    try {
      List<AddrInfo> answer = join(f);
      Events.lookupEnd(event, host, "getaddrinfo", backend.name(), "ok", cached, noted.servedStale(),
          String.join(" ", answer.stream().map(AddrInfo::host).distinct().toList()));
      return answer;
    } catch (NetDbException e) {
      NetDbException named = withInput(e, host, port);
      Events.lookupEnd(event, host, "getaddrinfo", backend.name(), named.pythonStr(), cached,
          noted.servedStale(), "");
      throw named;
    }
  }

  /**
   * Reports whether a lookup was answered without waiting for DNS: by the answer cache, or at
   * once (hosts file, numeric host, DNS cache); never on the OS back end, which cannot tell.
   */
  private boolean cached(CompletableFuture<List<AddrInfo>> f, TraceRecorder noted) {
    // Done at once and no DNS exchange waited for (a DNS reply can complete the future before
    // this check, so isDone alone would call a fast miss cached).
    return !backend.name().equals("os")
        && (noted.answerCacheHit() || f.isDone() && !noted.waited());
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
    return blocking((calls, py) -> nameinfo(host, port, 0, 0, false, flags, calls));
  }

  @Override
  public NameInfo getnameinfo(String host, long port, long flowInfo, long scopeId, int flags) {
    ensureOpen();
    return blocking((calls, py) -> nameinfo(host, port, flowInfo, scopeId, true, flags, calls));
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
    ThreadHErrno.Call py = new ThreadHErrno.Call();
    Object event = Events.lookupBegin();
    CompletableFuture<List<AddrInfo>> f;
    if (event != null) {
      TraceRecorder noted = TraceRecorder.noting();
      f = backend.getaddrinfoTraced(py, h, port, family, type, proto, flags, noted);
      boolean cached = cached(f, noted);
      f = f.whenComplete((answer, t) -> Events.lookupEnd(event, host, "getaddrinfo", backend.name(),
          t == null ? "ok" : unwrap(t) instanceof NetDbException e ? e.pythonStr() : String.valueOf(unwrap(t)), cached,
          noted.servedStale(),
          answer == null ? "" : String.join(" ", answer.stream().map(AddrInfo::host).distinct().toList())));
    } else {
      f = backend.getaddrinfoAsync(py, h, port, family, type, proto, flags);
    }
    return hErrno.async(py, f
        .exceptionallyCompose(
            t -> CompletableFuture.failedFuture(
                unwrap(t) instanceof NetDbException e ? withInput(e, host, port) : unwrap(t))));
  }

  @Override
  public dev.netdb.ResolvedAddresses resolve(String host, dev.netdb.AddrInfoHints hints)
      throws java.net.UnknownHostException {
    Backend.Expiring answer = expiring(host, hints.family().value(), hints.type().value(), hints.proto(),
        dev.netdb.AddrInfoFlag.mask(hints.flags()));
    return new dev.netdb.ResolvedAddresses(kept(host, answer).face.addresses(),
        java.time.Duration.ofNanos(answer.ttlNanos()));
  }

  @Override
  public List<java.net.InetAddress> lookup(String host, AddressFamily family) throws java.net.UnknownHostException {
    int face = front != null && host != null ? AddressFrontCache.face(family) : -1;
    if (face >= 0 && front.get(host, face) instanceof List<java.net.InetAddress> held) {
      return held;
    }
    Backend.Expiring answer = expiring(host, family.value(), dev.netdb.SocketType.STREAM.value(), 0, 0);
    List<java.net.InetAddress> addresses = kept(host, answer).face.addresses();
    if (face >= 0) {
      front.put(host, face, addresses, answer);
    }
    return addresses;
  }

  @Override
  public List<java.net.InetAddress> lookupPreferring(String host, AddressFamily first)
      throws java.net.UnknownHostException {
    Objects.requireNonNull(first, "first");
    int face = front != null && host != null ? AddressFrontCache.preferringFace(first) : -1;
    if (face >= 0 && front.get(host, face) instanceof List<java.net.InetAddress> held) {
      return held;
    }
    Backend.Expiring answer =
        expiring(host, AddressFamily.UNSPEC.value(), dev.netdb.SocketType.STREAM.value(), 0, 0);
    List<java.net.InetAddress> addresses = kept(host, answer).preferring(first);
    if (face >= 0) {
      front.put(host, face, addresses, answer);
    }
    return addresses;
  }

  /**
   * The blocking call of the Java face: {@code getaddrinfo(host, None, ...)} with how long the
   * answer holds. A fresh answer-cache entry already answered for this very spelling of {@code
   * host} is served on this thread without the IDNA step (its outcome is a function of the string,
   * and the entry's key is that outcome) and without a future.
   */
  private Backend.Expiring expiring(String host, int family, int type, int proto, int flags)
      throws java.net.UnknownHostException {
    try {
      ensureOpen();
      Backend.Expiring hit = hit(host, family, type, proto, flags);
      return hit != null ? hit : backend.getaddrinfoExpiring(Idna.encode(host), null, family, type, proto, flags);
    } catch (NetDbException e) {
      throw withInput(e, host, null).toUnknownHostException();
    }
  }

  /**
   * Returns the back end's fresh in-memory answer for {@code host} as spelled, when that spelling
   * is its own IDNA encoding; else null. An entry is keyed by the encoded name, so the spelling
   * finds one only when it is ASCII; it is its own encoding when the Java face has answered it
   * before (the memo says so) or when encoding it changes nothing. A spelling cached by a call
   * without IDNA (such as the CLI's ahosts) that IDNA refuses throws here as the full call would.
   */
  private Backend.Expiring hit(String host, int family, int type, int proto, int flags) {
    Backend.Expiring hit = backend.getaddrinfoHit(host, null, family, type, proto, flags);
    if (hit != null && (PublicEdge.Kept.of(hit) instanceof PublicEdge.Kept slot
        && slot.javaFace instanceof JavaAnswer k && k.host.equals(host) || Idna.encode(host).equals(host))) {
      return hit;
    }
    return null;
  }

  @Override
  public CompletableFuture<dev.netdb.ResolvedAddresses> resolveAsync(String host, dev.netdb.AddrInfoHints hints) {
    String h;
    try {
      ensureOpen();
      Backend.Expiring hit = hit(host, hints.family().value(), hints.type().value(), hints.proto(),
          dev.netdb.AddrInfoFlag.mask(hints.flags()));
      if (hit != null) {
        return CompletableFuture.completedFuture(new dev.netdb.ResolvedAddresses(kept(host, hit).face.addresses(),
            java.time.Duration.ofNanos(hit.ttlNanos())));
      }
      h = Idna.encode(host);
    } catch (RuntimeException | java.net.UnknownHostException e) {
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
            return new dev.netdb.ResolvedAddresses(kept(host, answer).face.addresses(),
                java.time.Duration.ofNanos(answer.ttlNanos()));
          } catch (java.net.UnknownHostException e) {
            throw new CompletionException(e);
          }
        });
  }

  /**
   * Returns the Java face of an answer. Every hit of one cached answer shares its memo: the
   * {@code InetAddress} list is built once per entry and spelling of the host.
   */
  private static JavaAnswer kept(String host, Backend.Expiring answer) throws java.net.UnknownHostException {
    PublicEdge.Kept slot = PublicEdge.Kept.of(answer);
    if (slot != null && slot.javaFace instanceof JavaAnswer k && k.host.equals(host)) {
      return k;
    }
    JavaAnswer k = new JavaAnswer(host, dev.netdb.ResolvedAddresses.of(host,
        slot != null ? slot.addrInfos(answer.answer()) : PublicEdge.addrInfos(answer.answer()), java.time.Duration.ZERO));
    if (slot != null) {
      slot.javaFace = k;
    }
    return k;
  }

  /**
   * The Java face of one answer for one spelling of its host, kept in the answer-cache entry's
   * memo: the {@code InetAddress} list in glibc's order (its lifetime unused: each call says its
   * own), and the same reordered with each family first, made on first use.
   */
  private static final class JavaAnswer {
    final String host;
    final dev.netdb.ResolvedAddresses face;
    private volatile List<java.net.InetAddress> v4First;
    private volatile List<java.net.InetAddress> v6First;

    JavaAnswer(String host, dev.netdb.ResolvedAddresses face) {
      this.host = host;
      this.face = face;
    }

    /** Returns the addresses with those of {@code first} ahead; two racing callers make equal lists. */
    List<java.net.InetAddress> preferring(AddressFamily first) {
      boolean v4 = first == AddressFamily.INET;
      if (!v4 && first != AddressFamily.INET6) {
        return face.preferring(first).addresses(); // UNSPEC: as is; UNIX: its error
      }
      List<java.net.InetAddress> kept = v4 ? v4First : v6First;
      if (kept == null) {
        kept = face.preferring(first).addresses();
        if (v4) {
          v4First = kept;
        } else {
          v6First = kept;
        }
      }
      return kept;
    }
  }

  /** Returns the Java face's failure for a lookup's: an {@code UnknownHostException} for ours. */
  private static Throwable javaFailure(Throwable t, String host) {
    return t instanceof NetDbException e ? withInput(e, host, null).toUnknownHostException() : t;
  }

  @Override
  public CompletableFuture<String> gethostbynameAsync(String host) {
    return async((calls, py) -> gethostbyname(host, calls));
  }

  @Override
  public CompletableFuture<HostEntry> gethostbynameExAsync(String host) {
    return async((calls, py) -> gethostbynameEx(host, calls, py));
  }

  @Override
  public CompletableFuture<HostEntry> gethostbyaddrAsync(String ip) {
    return async((calls, py) -> gethostbyaddr(ip, calls, py));
  }

  @Override
  public CompletableFuture<String> getfqdnAsync(String name) {
    return async((calls, py) -> getfqdn(name, calls, py));
  }

  @Override
  public CompletableFuture<NameInfo> getnameinfoAsync(
      String host, long port, long flowInfo, long scopeId, int flags) {
    return async((calls, py) -> nameinfo(host, port, flowInfo, scopeId, true, flags, calls));
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
