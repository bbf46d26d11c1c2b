package dev.netdb;

import dev.netdb.backend.Backend;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The four back-end calls that {@link PythonLayer}'s host functions compose, each as a future, so
 * that each function is written once: {@link #blocking} makes the back end's blocking calls on the
 * caller's thread (the futures are complete when returned), {@link #async} its asynchronous ones.
 */
record BackendCalls(
    Getaddrinfo getaddrinfo, Gethostbyname gethostbyname, Gethostbyaddr gethostbyaddr,
    Getnameinfo getnameinfo) {

  /** {@code getaddrinfo(3)}. */
  @FunctionalInterface
  interface Getaddrinfo {
    CompletableFuture<List<AddrInfo>> call(
        String host, String service, int family, int type, int proto, int flags);
  }

  /** {@code gethostbyname2_r(3)}. */
  @FunctionalInterface
  interface Gethostbyname {
    CompletableFuture<HostEntry> call(String host, int family);
  }

  /** {@code gethostbyaddr_r(3)}. */
  @FunctionalInterface
  interface Gethostbyaddr {
    CompletableFuture<HostEntry> call(byte[] address, int family);
  }

  /** {@code getnameinfo(3)}. */
  @FunctionalInterface
  interface Getnameinfo {
    CompletableFuture<NameInfo> call(AddrInfo sockaddr, int flags);
  }

  /** Returns the back end's blocking calls, made now on this thread. */
  static BackendCalls blocking(PublicEdge backend) {
    return new BackendCalls(
        (h, s, f, t, p, fl) -> Backend.completed(() -> backend.getaddrinfo(h, s, f, t, p, fl)),
        (h, f) -> Backend.completed(() -> backend.gethostbyname(h, f)),
        (a, f) -> Backend.completed(() -> backend.gethostbyaddr(a, f)),
        (sa, fl) -> Backend.completed(() -> backend.getnameinfo(sa, fl)));
  }

  /** Returns the back end's asynchronous calls. */
  static BackendCalls async(PublicEdge backend) {
    return new BackendCalls(
        backend::getaddrinfoAsync, backend::gethostbynameAsync, backend::gethostbyaddrAsync,
        backend::getnameinfoAsync);
  }
}
