package dev.netdb;

import dev.netdb.backend.AddressInfo;
import dev.netdb.backend.AddrinfoResult;
import dev.netdb.backend.Backend;
import dev.netdb.backend.HostAndService;
import dev.netdb.backend.Hostent;
import dev.netdb.dns.HErrnoEffect;
import dev.netdb.dns.LookupFailure;
import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import dev.netdb.observe.ResolverStats;
import dev.netdb.observe.TraceRecorder;
import dev.netdb.os.OsUnavailableException;
import dev.netdb.text.IpLiterals;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The public edge of a back end: its calls with the internal results turned into the public
 * records and every {@link LookupFailure} into the public exception of its kind ({@link
 * GaiException}, {@link HostException}, {@link SystemException}, {@link NetDbClosedException}).
 * The packages below {@code dev.netdb} never see the API's types, so the package graph has no
 * cycle; this class and the Python layer above it are the only places the two meet.
 */
final class PublicEdge {
  private final Backend backend;

  PublicEdge(Backend backend) {
    this.backend = backend;
  }

  /** Returns the back end behind this edge. */
  Backend backend() {
    return backend;
  }

  /** Returns the public exception for a failure of a back-end call. */
  static RuntimeException toPublic(LookupFailure f) {
    return switch (f.kind()) {
      case GAI -> new GaiException(f.code(), f.text(), f.input());
      case HOST -> new HostException(f.code(), f.text(), f.input());
      case SYSTEM -> new SystemException(f.code(), f.text(), f.input());
      case CLOSED -> new NetDbClosedException();
    };
  }

  /**
   * Returns the public exception for an OS back end that cannot run here, with the same message
   * and cause.
   */
  static OsBackendUnavailableException toPublic(OsUnavailableException e) {
    return new OsBackendUnavailableException(e.getMessage(), e.getCause());
  }

  /** Runs a blocking back-end call, throwing a failure as the public exception. */
  private static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (LookupFailure f) {
      throw toPublic(f);
    } catch (OsUnavailableException e) {
      throw toPublic(e);
    }
  }

  /**
   * Runs a blocking back-end call for a Python call, applying its {@code h_errno} effect to {@code
   * py} (from the result, or from the failure before it becomes the public exception).
   */
  private static <T> T call(ThreadHErrno.Call py, Supplier<T> call, Function<T, HErrnoEffect> effect) {
    T v;
    try {
      v = call.get();
    } catch (LookupFailure f) {
      py.step(f.hErrno());
      throw toPublic(f);
    } catch (OsUnavailableException e) {
      throw toPublic(e);
    }
    py.step(effect.apply(v));
    return v;
  }

  /** {@link #async(CompletableFuture, Function)}, applying the call's effect to {@code py}. */
  private static <T, R> CompletableFuture<R> async(
      ThreadHErrno.Call py, CompletableFuture<T> f, Function<T, HErrnoEffect> effect, Function<T, R> convert) {
    return async(f.whenComplete((v, t) -> {
      Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      if (cause instanceof LookupFailure lf) {
        py.step(lf.hErrno());
      } else if (t == null) {
        py.step(effect.apply(v));
      }
    }), convert);
  }

  /** Returns the public form of a back-end failure; other throwables unchanged. */
  private static Throwable publicFailure(Throwable cause) {
    return switch (cause) {
      case LookupFailure lf -> toPublic(lf);
      case OsUnavailableException e -> toPublic(e);
      default -> cause;
    };
  }

  /** Converts an asynchronous back-end call's result, and its failure as {@link #toPublic}. */
  private static <T, R> CompletableFuture<R> async(CompletableFuture<T> f, Function<T, R> convert) {
    return f.handle((v, t) -> {
      if (t == null) {
        return convert.apply(v);
      }
      Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      throw new CompletionException(publicFailure(cause));
    });
  }

  /** Returns a public {@link AddrInfo} for one {@code struct addrinfo}. */
  static AddrInfo addrInfo(AddressInfo a) {
    return new AddrInfo(a.family(), a.type(), a.protocol(), a.canonicalName(), a.host(), a.port(),
        a.flowInfo(), a.scopeId());
  }

  /** Returns the public {@link AddrInfo} list of a back end's answer. */
  static List<AddrInfo> addrInfos(List<AddressInfo> list) {
    AddrInfo[] out = new AddrInfo[list.size()];
    for (int i = 0; i < out.length; i++) out[i] = addrInfo(list.get(i));
    return List.of(out); // unmodifiable, as Stream.toList's
  }

  /**
   * Returns the {@code struct addrinfo} of a public socket address, whose host is numeric text
   * of its family (the Python layer takes it from a numeric getaddrinfo first, as CPython does).
   */
  private static AddressInfo addressInfo(AddrInfo a) {
    byte[] packed = a.family() == AddressFamily.INET6.value()
        ? IpLiterals.pton6(a.host())
        : IpLiterals.pton4(a.host());
    if (packed == null) {
      throw new IllegalArgumentException("not a numeric address of family " + a.family() + ": " + a.host());
    }
    return new AddressInfo(a.family(), a.type(), a.protocol(), a.canonicalName(), packed, a.port(),
        a.flowInfo(), a.scopeId());
  }

  private static HostEntry hostEntry(Hostent h) {
    return new HostEntry(h.name(), h.aliases(), h.addresses());
  }

  private static NameInfo nameInfo(HostAndService n) {
    return new NameInfo(n.host(), n.service());
  }

  private static ServiceEntry serviceEntry(Servent s) {
    return s == null ? null : new ServiceEntry(s.name(), s.aliases(), s.port(), s.protocol());
  }

  private static ProtocolEntry protocolEntry(Protoent p) {
    return p == null ? null : new ProtocolEntry(p.name(), p.aliases(), p.number());
  }

  String name() {
    return backend.name();
  }

  String gethostname() {
    return call(backend::gethostname);
  }

  /**
   * Returns the back end's answer as public records. A fresh answer-cache entry is converted once
   * and its records shared by every hit (an immutable list, as the cache shares its own).
   */
  List<AddrInfo> getaddrinfo(String host, String service, int family, int type, int proto, int flags) {
    // The same path as Python's getaddrinfo; its h_errno effect goes to a Call nobody reads.
    return getaddrinfo(new ThreadHErrno.Call(), host, service, family, type, proto, flags);
  }

  List<AddrInfo> getaddrinfo(
      ThreadHErrno.Call py, String host, String service, int family, int type, int proto, int flags) {
    Backend.Expiring hit = backend.getaddrinfoHit(host, service, family, type, proto, flags);
    if (hit != null && hit.memo() != null) {
      py.step(hit.hErrno()); // a hit leaves what the lookup that filled the entry left
      return Kept.of(hit).addrInfos(hit.answer());
    }
    return addrInfos(call(py, () -> backend.getaddrinfo(host, service, family, type, proto, flags),
        AddrinfoResult::hErrno).entries());
  }

  HostEntry gethostbyname(ThreadHErrno.Call py, String host, int family) {
    return hostEntry(call(py, () -> backend.gethostbyname(host, family), Hostent::hErrno));
  }

  HostEntry gethostbyaddr(ThreadHErrno.Call py, byte[] address, int family) {
    return hostEntry(call(py, () -> backend.gethostbyaddr(address, family), Hostent::hErrno));
  }

  NameInfo getnameinfo(ThreadHErrno.Call py, AddrInfo sockaddr, int flags) {
    return nameInfo(call(py, () -> backend.getnameinfo(addressInfo(sockaddr), flags), HostAndService::hErrno));
  }

  CompletableFuture<List<AddrInfo>> getaddrinfoAsync(
      ThreadHErrno.Call py, String host, String service, int family, int type, int proto, int flags) {
    return async(py, backend.getaddrinfoAsync(host, service, family, type, proto, flags),
        AddrinfoResult::hErrno, r -> addrInfos(r.entries()));
  }

  CompletableFuture<HostEntry> gethostbynameAsync(ThreadHErrno.Call py, String host, int family) {
    return async(py, backend.gethostbynameAsync(host, family), Hostent::hErrno, PublicEdge::hostEntry);
  }

  CompletableFuture<HostEntry> gethostbyaddrAsync(ThreadHErrno.Call py, byte[] address, int family) {
    return async(py, backend.gethostbyaddrAsync(address, family), Hostent::hErrno, PublicEdge::hostEntry);
  }

  CompletableFuture<NameInfo> getnameinfoAsync(ThreadHErrno.Call py, AddrInfo sockaddr, int flags) {
    return async(py, backend.getnameinfoAsync(addressInfo(sockaddr), flags), HostAndService::hErrno,
        PublicEdge::nameInfo);
  }

  /**
   * What the public edge derives from one cached answer, kept in its entry's memo ({@link
   * Backend.Expiring#memo()}) and shared by every hit: the public records, made on first use, and
   * the Java face of the spelling last asked (the Python layer's).
   */
  static final class Kept {
    private volatile List<AddrInfo> addrInfos;
    /** The Java face's value for this answer, or null; the Python layer reads and sets it. */
    volatile Object javaFace;

    /** Returns the slot of a cached answer, or null for one not cached ({@code memo} null). */
    static Kept of(Backend.Expiring answer) {
      if (answer.memo() == null) {
        return null;
      }
      if (answer.memo().get() instanceof Kept k) {
        return k;
      }
      Kept mine = new Kept();
      return answer.memo().compareAndExchange(null, mine) instanceof Kept theirs ? theirs : mine;
    }

    /** Returns {@code answer} as public records; two racing callers make equal lists. */
    List<AddrInfo> addrInfos(List<AddressInfo> answer) {
      List<AddrInfo> a = addrInfos;
      if (a == null) {
        addrInfos = a = PublicEdge.addrInfos(answer);
      }
      return a;
    }
  }

  /**
   * Returns the public snapshot of the back end's DNS figures, field for field.
   */
  NetDbStats stats() {
    ResolverStats s = backend.stats();
    if (s.equals(ResolverStats.NONE)) {
      return NetDbStats.NONE;
    }
    return new NetDbStats(s.queries(), s.timeouts(), s.cacheHits(), s.cacheMisses(), s.cacheEntries(),
        s.cacheStaleServed(), s.cacheNegativeEntries(), s.servers().stream().map(v -> new NetDbStats.Server(v.address(), v.queries(), v.replies(),
            v.timeouts(), v.errors(), v.meanRtt(), v.maxRtt())).toList());
  }

  /** Returns the back end's recorder for a traced lookup. */
  TraceRecorder recorder() {
    return backend.recorder();
  }

  CompletableFuture<List<AddrInfo>> getaddrinfoTraced(String host, String service, int family,
      int type, int proto, int flags, TraceRecorder recorder) {
    return async(backend.getaddrinfoTraced(host, service, family, type, proto, flags, recorder),
        r -> addrInfos(r.entries()));
  }

  /** {@link #getaddrinfoTraced}, applying the call's {@code h_errno} effect as Python's calls do. */
  CompletableFuture<List<AddrInfo>> getaddrinfoTraced(ThreadHErrno.Call py, String host,
      String service, int family, int type, int proto, int flags, TraceRecorder recorder) {
    return async(py, backend.getaddrinfoTraced(host, service, family, type, proto, flags, recorder),
        AddrinfoResult::hErrno, r -> addrInfos(r.entries()));
  }

  /**
   * Returns the back end's answer with how long it holds; the entries stay the back end's (the
   * Java face converts them once per cached answer, see {@link Backend.Expiring#memo()}).
   */
  Backend.Expiring getaddrinfoExpiring(String host, String service, int family, int type, int proto, int flags) {
    return call(() -> backend.getaddrinfoExpiring(host, service, family, type, proto, flags));
  }

  /**
   * Returns the back end's fresh in-memory answer ({@link Backend#getaddrinfoHit}), or null. Not
   * wrapped in {@code call}: a hit is a map lookup that fails with nothing to convert, and the Java
   * face's warm path allocates nothing here.
   */
  Backend.Expiring getaddrinfoHit(String host, String service, int family, int type, int proto, int flags) {
    return backend.getaddrinfoHit(host, service, family, type, proto, flags);
  }

  CompletableFuture<Backend.Expiring> getaddrinfoExpiringAsync(
      String host, String service, int family, int type, int proto, int flags) {
    return async(backend.getaddrinfoExpiringAsync(host, service, family, type, proto, flags), e -> e);
  }

  HostEntry gethostbyname(String host, int family) {
    return hostEntry(call(() -> backend.gethostbyname(host, family)));
  }

  HostEntry gethostbyaddr(byte[] address, int family) {
    return hostEntry(call(() -> backend.gethostbyaddr(address, family)));
  }

  ServiceEntry getservbyname(String name, String proto) {
    return serviceEntry(call(() -> backend.getservbyname(name, proto)));
  }

  ServiceEntry getservbyport(int port, String proto) {
    return serviceEntry(call(() -> backend.getservbyport(port, proto)));
  }

  ProtocolEntry getprotobyname(String name) {
    return protocolEntry(call(() -> backend.getprotobyname(name)));
  }

  ProtocolEntry getprotobynumber(int number) {
    return protocolEntry(call(() -> backend.getprotobynumber(number)));
  }

  List<ServiceEntry> services() {
    return call(backend::services).stream().map(PublicEdge::serviceEntry).toList();
  }

  List<ProtocolEntry> protocols() {
    return call(backend::protocols).stream().map(PublicEdge::protocolEntry).toList();
  }

  void close() {
    backend.close();
  }

  boolean isClosed() {
    return backend.isClosed();
  }
}
