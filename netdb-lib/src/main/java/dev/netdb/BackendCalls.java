package dev.netdb;

import dev.netdb.backend.Backend;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The four back-end calls that {@link PythonLayer}'s host functions compose, each as a future, so
 * that each function is written once: {@link #blocking} makes the back end's blocking calls on the
 * caller's thread (the futures are complete when returned), {@link #async} its asynchronous ones.
 * Both are made for one Python call, whose {@code h_errno} effect each step adds to.
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

  /** Returns the back end's blocking calls for the Python call {@code py}, made now on this thread. */
  static BackendCalls blocking(PublicEdge backend, ThreadHErrno.Call py) {
    return new BackendCalls(
        (h, s, f, t, p, fl) -> Backend.completed(() -> backend.getaddrinfo(py, h, s, f, t, p, fl)),
        (h, f) -> Backend.completed(() -> backend.gethostbyname(py, h, f)),
        (a, f) -> Backend.completed(() -> backend.gethostbyaddr(py, a, f)),
        (sa, fl) -> Backend.completed(() -> backend.getnameinfo(py, sa, fl)));
  }

  /** Returns the back end's asynchronous calls for the Python call {@code py}. */
  static BackendCalls async(PublicEdge backend, ThreadHErrno.Call py) {
    return new BackendCalls(
        (h, s, f, t, p, fl) -> backend.getaddrinfoAsync(py, h, s, f, t, p, fl),
        (h, f) -> backend.gethostbynameAsync(py, h, f),
        (a, f) -> backend.gethostbyaddrAsync(py, a, f),
        (sa, fl) -> backend.getnameinfoAsync(py, sa, fl));
  }
}
