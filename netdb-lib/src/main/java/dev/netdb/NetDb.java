package dev.netdb;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The naming half of Python's {@code socket} module: one method per Python function, with
 * Python's results, error kinds, codes and messages (CPython 3.11 on glibc 2.36 is the reference).
 *
 * <p>Host names given as {@code String} go through the IDNA 2003 codec first, exactly as Python's
 * {@code str} arguments do. Implementations are safe for concurrent use, and returned collections
 * are immutable. Every failure is a {@link NetDbException} whose subclass names Python's exception.
 *
 * <p>Factories: {@link #os()} calls libc through FFM, so answers match the machine's own; {@link
 * #java()} and {@link #builder()} are the pure-Java back end; {@link #system()} picks {@code os()}
 * where native access works.
 */
public interface NetDb {

  /**
   * Returns the back end that calls glibc through FFM.
   *
   * @throws OsBackendUnavailableException where the platform is not glibc on Linux x86_64 or
   *     aarch64, or native access is not enabled for netdb
   */
  static NetDb os() {
    return dev.netdb.python.Backends.os();
  }

  /** Returns the pure-Java back end reading the system's files. */
  static NetDb java() {
    return dev.netdb.python.Backends.java();
  }

  /** Returns a builder for the pure-Java back end, with every input injectable. */
  static NetDbBuilder builder() {
    return new NetDbBuilder();
  }

  /** Returns {@link #os()} where native access works here, otherwise {@link #java()}. */
  static NetDb system() {
    return dev.netdb.python.Backends.system();
  }

  /**
   * Encodes a host name with Python's {@code idna} codec ({@code str.encode('idna')}), the first
   * step of every function here that takes a {@code str} host; callers that check arguments in
   * CPython's order (the CLI) use it to fail where Python fails.
   *
   * @throws IdnaException ({@code UnicodeError}) with Python 3.11's message
   */
  static String idnaEncode(String host) {
    return dev.netdb.python.Idna.encode(host);
  }

  /** Returns a short name of the back end, {@code "os"} or {@code "java"}. */
  String backendName();

  /** Python's {@code gethostname()}. */
  String gethostname();

  /** Python's {@code gethostbyname(host)}: the first sorted IPv4 address, as text. */
  String gethostbyname(String host);

  /** Python's {@code gethostbyname_ex(host)}: name, aliases and every IPv4 address. */
  HostEntry gethostbynameEx(String host);

  /** Python's {@code getfqdn()}: the fully qualified name of this host. */
  default String getfqdn() {
    return getfqdn("");
  }

  /** Python's {@code getfqdn(name)}. */
  String getfqdn(String name);

  /** Python's {@code gethostbyaddr(ip)}; a host name is accepted and its first address used. */
  HostEntry gethostbyaddr(String ip);

  /** Python's {@code getservbyname(name)}: the port of the service for any protocol. */
  default int getservbyname(String name) {
    return getservbyname(name, null);
  }

  /** Python's {@code getservbyname(name, proto)}; a null proto means any protocol. */
  int getservbyname(String name, String proto);

  /** Python's {@code getservbyport(port)}. */
  default String getservbyport(long port) {
    return getservbyport(port, null);
  }

  /** Python's {@code getservbyport(port, proto)}; a null proto means any protocol. */
  String getservbyport(long port, String proto);

  /** Python's {@code getprotobyname(name)}. */
  int getprotobyname(String name);

  /**
   * Python's {@code getaddrinfo(host, port, family, type, proto, flags)} with a text port or none.
   * The numbers are passed through unchanged, as Python passes them, so invalid values give
   * glibc's errors.
   */
  List<AddrInfo> getaddrinfo(String host, String port, int family, int type, int proto, int flags);

  /** Python's {@code getaddrinfo(host, port, ...)} with an int port, formatted as Python does. */
  default List<AddrInfo> getaddrinfo(
      String host, long port, int family, int type, int proto, int flags) {
    return getaddrinfo(host, Long.toString(port), family, type, proto, flags);
  }

  /** Python's {@code getaddrinfo(host, port)}. */
  default List<AddrInfo> getaddrinfo(String host, String port) {
    return getaddrinfo(host, port, 0, 0, 0, 0);
  }

  /** Python's {@code getnameinfo((host, port), flags)}. */
  NameInfo getnameinfo(String host, long port, int flags);

  /** Python's {@code getnameinfo((host, port, flowinfo, scope_id), flags)}. */
  NameInfo getnameinfo(String host, long port, long flowInfo, long scopeId, int flags);

  // ---- Database entries, for getent-style output (no IDNA, no Python argument rules) ----

  /** Returns the whole services database in file order, as {@code getent services} lists it. */
  List<ServiceEntry> services();

  /** Returns the whole protocols database in file order, as {@code getent protocols} lists it. */
  List<ProtocolEntry> protocols();

  /** Returns {@code getservbyname_r(name, proto)}'s entry; a null proto means any. */
  java.util.Optional<ServiceEntry> serviceByName(String name, String proto);

  /** Returns {@code getservbyport_r(port, proto)}'s entry (port in host order); null proto = any. */
  java.util.Optional<ServiceEntry> serviceByPort(int port, String proto);

  /** Returns {@code getprotobyname_r(name)}'s entry. */
  java.util.Optional<ProtocolEntry> protocolByName(String name);

  /** Returns {@code getprotobynumber_r(number)}'s entry. */
  java.util.Optional<ProtocolEntry> protocolByNumber(int number);

  /**
   * Returns {@code gethostbyname2_r(name, family)}'s entry (addresses as text), or throws {@link
   * HostException} with glibc's {@code h_errno}. The name is used as given (no IDNA).
   */
  HostEntry hostByName(String name, AddressFamily family);

  /**
   * Returns {@code gethostbyaddr_r}'s entry for a packed 4- or 16-byte address, or throws {@link
   * HostException}.
   */
  HostEntry hostByAddress(byte[] address);

  /**
   * Returns raw {@code getaddrinfo(3)} results for an ASCII host and service (either may be null),
   * without Python's IDNA or argument handling, as {@code getent ahosts} calls it.
   */
  List<AddrInfo> addrinfo(String host, String service, int family, int type, int proto, int flags);

  /** Asynchronous {@link #getaddrinfo(String, String, int, int, int, int)}. */
  CompletableFuture<List<AddrInfo>> getaddrinfoAsync(
      String host, String port, int family, int type, int proto, int flags);

  /** Asynchronous {@link #gethostbyname(String)}. */
  CompletableFuture<String> gethostbynameAsync(String host);

  /** Asynchronous {@link #gethostbynameEx(String)}. */
  CompletableFuture<HostEntry> gethostbynameExAsync(String host);

  /** Asynchronous {@link #gethostbyaddr(String)}. */
  CompletableFuture<HostEntry> gethostbyaddrAsync(String ip);

  /** Asynchronous {@link #getfqdn(String)}. */
  CompletableFuture<String> getfqdnAsync(String name);

  /** Asynchronous {@link #getnameinfo(String, long, long, long, int)}. */
  CompletableFuture<NameInfo> getnameinfoAsync(
      String host, long port, long flowInfo, long scopeId, int flags);
}
