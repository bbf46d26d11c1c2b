package dev.netdb;

import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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

  /** Returns the back end that calls glibc through FFM; it fails here if native access is off. */
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

  // ---- Connect by name: Python's create_connection and create_server, RFC 8305, AF_UNIX ----

  /**
   * Python's {@code create_connection((host, port))}: the addresses of {@code getaddrinfo(host,
   * port, 0, SOCK_STREAM)} tried one by one, in order; returns the first connected socket, in
   * blocking mode, or throws the last attempt's error (Python's {@code OSError} subclass, see
   * {@link SystemException#pythonClass()}), or getaddrinfo's {@link GaiException}.
   */
  default SocketChannel createConnection(String host, long port) {
    return createConnection(host, Long.toString(port), ConnectOptions.python());
  }

  /**
   * Python's {@code create_connection((host, port), timeout, source_address, all_errors=...)},
   * or Happy Eyeballs where {@link ConnectOptions#happyEyeballs()} is set; {@code port} is a
   * number or a service name, as Python's may be. Blocks until connected or failed; see {@link
   * #createConnectionAsync}.
   *
   * @throws NetDbException Python's error: the last attempt's, an {@link ExceptionGroupException}
   *     with {@code allErrors}, or getaddrinfo's
   * @throws java.util.concurrent.CancellationException if the thread is interrupted (every
   *     attempt's socket is closed and the interrupt status is kept)
   */
  default SocketChannel createConnection(String host, String port, ConnectOptions options) {
    return Connector.await(createConnectionAsync(host, port, options));
  }

  /**
   * Asynchronous {@link #createConnection(String, String, ConnectOptions)}: the lookups are this
   * instance's {@link #getaddrinfoAsync}, the connects are non-blocking sockets on one shared
   * selector thread (no thread per attempt), and the future completes on another thread, never
   * the selector's. Cancelling the future cancels every attempt and closes its socket; a socket
   * that connects after cancellation is closed too.
   */
  default CompletableFuture<SocketChannel> createConnectionAsync(
      String host, String port, ConnectOptions options) {
    return Connector.connect(this, host, port, options);
  }

  /**
   * Connects to {@code host} and {@code port} the way Java programs should: Happy Eyeballs v2
   * (RFC 8305) with its recommended delays ({@link ConnectOptions#rfc8305()}), so a broken
   * IPv6 path costs 250 ms, not a connect timeout. {@link #createConnection(String, long)} is
   * Python's exact one-by-one behaviour.
   */
  default SocketChannel connect(String host, long port) {
    return createConnection(host, Long.toString(port), ConnectOptions.rfc8305());
  }

  /** Asynchronous {@link #connect(String, long)}. */
  default CompletableFuture<SocketChannel> connectAsync(String host, long port) {
    return createConnectionAsync(host, Long.toString(port), ConnectOptions.rfc8305());
  }

  /**
   * Connects a local (AF_UNIX) stream socket to a file-system path, as Python's {@code
   * socket(AF_UNIX).connect(path)} with the options' timeout: a missing file is {@code
   * FileNotFoundError} (errno 2), no listener {@code ConnectionRefusedError} (111), an over-long
   * path {@code OSError('AF_UNIX path too long')}.
   */
  default SocketChannel createConnection(UnixDomainSocketAddress path, ConnectOptions options) {
    return Connector.await(createConnectionAsync(path, options));
  }

  /** Asynchronous {@link #createConnection(UnixDomainSocketAddress, ConnectOptions)}. */
  default CompletableFuture<SocketChannel> createConnectionAsync(
      UnixDomainSocketAddress path, ConnectOptions options) {
    return Connector.connect(path, options);
  }

  /**
   * Returns the AF_UNIX address for a Python {@code str} path, with Python's {@code OSError('AF_UNIX
   * path too long')}; Linux abstract-namespace names (a leading NUL) are refused with an {@link
   * InvalidValueException}, because the JDK supports file-system paths only.
   */
  static UnixDomainSocketAddress unixAddress(String path) {
    return Connector.unixAddress(path);
  }

  /**
   * Python's {@code create_server((host, port), family=..., backlog=..., reuse_port=...,
   * dualstack_ipv6=...)}: a bound, listening socket, with Python's {@code ValueError}s for
   * unsupported combinations and its bind error text ({@code "... (while attempting to bind on
   * address ('127.0.0.1', 80))"}). The host is resolved as Python's {@code bind} does ({@code ''}
   * is the wildcard).
   */
  default ServerSocketChannel createServer(String host, int port, ServerOptions options) {
    return ServerSockets.create(this, host, port, options);
  }

  /** Python's {@code create_server(path, family=AF_UNIX, ...)}: a listening AF_UNIX socket. */
  default ServerSocketChannel createServer(UnixDomainSocketAddress path, ServerOptions options) {
    return ServerSockets.create(path, options);
  }

  /** Python's {@code has_dualstack_ipv6()}. */
  static boolean hasDualstackIpv6() {
    return Connector.hasDualstackIpv6();
  }
}
