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

  /** Returns the public exception for a failure of a back-end call; other throwables unchanged. */
  static RuntimeException toPublic(LookupFailure f) {
    return switch (f.kind()) {
      case GAI -> new GaiException(f.code(), f.text(), f.input());
      case HOST -> new HostException(f.code(), f.text(), f.input());
      case SYSTEM -> new SystemException(f.code(), f.text(), f.input());
      case CLOSED -> new NetDbClosedException();
    };
  }

  /** Runs a blocking back-end call, throwing a failure as the public exception. */
  private static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (LookupFailure f) {
      throw toPublic(f);
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

  /** Converts an asynchronous back-end call's result, and its failure as {@link #toPublic}. */
  private static <T, R> CompletableFuture<R> async(CompletableFuture<T> f, Function<T, R> convert) {
    return f.handle((v, t) -> {
      if (t == null) {
        return convert.apply(v);
      }
      Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      throw new CompletionException(cause instanceof LookupFailure lf ? toPublic(lf) : cause);
    });
  }

  /** Returns a public {@link AddrInfo} for one {@code struct addrinfo}. */
  static AddrInfo addrInfo(AddressInfo a) {
    return new AddrInfo(a.family(), a.type(), a.protocol(), a.canonicalName(), a.host(), a.port(),
        a.flowInfo(), a.scopeId());
  }

  private static List<AddrInfo> addrInfos(List<AddressInfo> list) {
    return list.stream().map(PublicEdge::addrInfo).toList();
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

  List<AddrInfo> getaddrinfo(String host, String service, int family, int type, int proto, int flags) {
    return addrInfos(call(() -> backend.getaddrinfo(host, service, family, type, proto, flags)).entries());
  }

  List<AddrInfo> getaddrinfo(
      ThreadHErrno.Call py, String host, String service, int family, int type, int proto, int flags) {
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

  HostEntry gethostbyname(String host, int family) {
    return hostEntry(call(() -> backend.gethostbyname(host, family)));
  }

  HostEntry gethostbyaddr(byte[] address, int family) {
    return hostEntry(call(() -> backend.gethostbyaddr(address, family)));
  }

  NameInfo getnameinfo(AddrInfo sockaddr, int flags) {
    return nameInfo(call(() -> backend.getnameinfo(addressInfo(sockaddr), flags)));
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

  CompletableFuture<List<AddrInfo>> getaddrinfoAsync(
      String host, String service, int family, int type, int proto, int flags) {
    return async(backend.getaddrinfoAsync(host, service, family, type, proto, flags),
        r -> addrInfos(r.entries()));
  }

  CompletableFuture<HostEntry> gethostbynameAsync(String host, int family) {
    return async(backend.gethostbynameAsync(host, family), PublicEdge::hostEntry);
  }

  CompletableFuture<HostEntry> gethostbyaddrAsync(byte[] address, int family) {
    return async(backend.gethostbyaddrAsync(address, family), PublicEdge::hostEntry);
  }

  CompletableFuture<NameInfo> getnameinfoAsync(AddrInfo sockaddr, int flags) {
    return async(backend.getnameinfoAsync(addressInfo(sockaddr), flags), PublicEdge::nameInfo);
  }

  void close() {
    backend.close();
  }

  boolean isClosed() {
    return backend.isClosed();
  }
}
