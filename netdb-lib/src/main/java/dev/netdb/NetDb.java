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
 *
 * <p><b>Lifecycle.</b> An instance from {@link #builder()} owns its DNS client's two threads
 * ({@code netdb-dns-io}, the selector, and {@code netdb-dns-sockets}, the socket pool), started by
 * its first DNS lookup. Close it when done, for instance with try-with-resources: {@link #close()}
 * fails its lookups in flight and stops those threads; every later call throws {@link
 * NetDbClosedException}. {@link #os()}, {@link #java()} and {@link #system()} are not closed by
 * {@code close()}: the OS back end owns nothing, and {@code java()} is one instance shared by the
 * JVM.
 *
 * <p><b>Asynchronous calls.</b> The {@code *Async} methods never block the caller and hold no
 * thread while they wait. A future that is not already complete when returned (answers from
 * numbers, the hosts file or the cache are) completes, and runs the dependent stages added
 * without an executor, off the resolver's I/O thread: on the pure-Java back end on the builder's
 * {@linkplain NetDbBuilder#executor executor}, by default a new virtual thread named {@code
 * netdb-callback} for each completed DNS exchange; on the OS back end on the thread of its shared
 * {@code netdb-os-N} pool that ran glibc's call. Such a stage may itself make blocking calls on
 * the same instance. A future fails with the exception the blocking call would throw
 * ({@code join()} wraps it in a {@code CompletionException}, {@code get()} in an {@code
 * ExecutionException}).
 */
public interface NetDb extends AutoCloseable {

  /**
   * Returns the back end that calls glibc through FFM. It owns no thread of its own: its {@code
   * *Async} calls run on a pool shared by the JVM, and its {@link #close()} does nothing.
   *
   * @return the back end that calls glibc through FFM
   * @throws OsBackendUnavailableException where the platform is not glibc on Linux x86_64 or
   *     aarch64, or native access is not enabled for netdb
   */
  static NetDb os() {
    return Backends.os();
  }

  /**
   * Returns the pure-Java back end reading the system's files: one instance shared by the JVM,
   * created on first use, whose {@link #close()} does nothing. Use {@link #builder()} for an
   * instance of your own that {@code close()} stops.
   *
   * @return the pure-Java back end reading the system's files
   */
  static NetDb java() {
    return Backends.java();
  }

  /** {@return a builder for the pure-Java back end, with every input injectable} */
  static NetDbBuilder builder() {
    return new NetDbBuilder();
  }

  /** {@return {@link #os()} where native access works here, otherwise {@link #java()}} */
  static NetDb system() {
    return Backends.system();
  }

  /**
   * Closes this instance. For one built by {@link #builder()}: fails every lookup in flight with
   * {@link NetDbClosedException} at once, stops the threads the instance started (before
   * returning; none were started if no DNS lookup was made), and makes every later call throw
   * {@link NetDbClosedException} (or return a future failed with it). For {@link #os()}, {@link
   * #java()} and {@link #system()}, and by default, it does nothing. Closing twice is harmless.
   */
  @Override
  default void close() {}

  /**
   * Encodes a host name with Python's {@code idna} codec ({@code str.encode('idna')}), the first
   * step of every function here that takes a {@code str} host; callers that check arguments in
   * CPython's order (the CLI) use it to fail where Python fails.
   *
   * @param host the host name
   * @return the ASCII (ACE) form of the name
   * @throws IdnaException ({@code UnicodeError}) with Python 3.11's message
   */
  static String idnaEncode(String host) {
    return Idna.encode(host);
  }

  /** {@return a short name of the back end, {@code "os"} or {@code "java"}} */
  String backendName();

  /**
   * Python's {@code gethostname()}.
   *
   * @return the machine's host name
   */
  String gethostname();

  /**
   * Python's {@code gethostbyname(host)}: the first sorted IPv4 address, as text.
   *
   * @param host the host name or numeric address
   * @return the first IPv4 address, as text
   */
  String gethostbyname(String host);

  /**
   * Python's {@code gethostbyname_ex(host)}: name, aliases and every IPv4 address.
   *
   * @param host the host name or numeric address
   * @return the canonical name, the aliases and every IPv4 address
   */
  HostEntry gethostbynameEx(String host);

  /**
   * Python's {@code getfqdn()}: the fully qualified name of this host.
   *
   * @return the fully qualified name, or the name itself when none is found
   */
  default String getfqdn() {
    return getfqdn("");
  }

  /**
   * Python's {@code getfqdn(name)}.
   *
   * @param name a host name or address; {@code ""} for this host
   * @return the fully qualified name, or the name itself when none is found
   */
  String getfqdn(String name);

  /**
   * Python's {@code gethostbyaddr(ip)}; a host name is accepted and its first address used.
   *
   * @param ip the address, or a host name whose first address is used
   * @return the name, the aliases and the addresses of the host
   */
  HostEntry gethostbyaddr(String ip);

  /**
   * Python's {@code getservbyname(name)}: the port of the service for any protocol.
   *
   * @param name the service name
   * @return the port, in host byte order
   */
  default int getservbyname(String name) {
    return getservbyname(name, null);
  }

  /**
   * Python's {@code getservbyname(name, proto)}; a null proto means any protocol.
   *
   * @param name the service name
   * @param proto the protocol name, or null for any protocol
   * @return the port, in host byte order
   */
  int getservbyname(String name, String proto);

  /**
   * Python's {@code getservbyport(port)}.
   *
   * @param port the port number, 0-65535
   * @return the service's official name
   */
  default String getservbyport(long port) {
    return getservbyport(port, null);
  }

  /**
   * Python's {@code getservbyport(port, proto)}; a null proto means any protocol.
   *
   * @param port the port number, 0-65535
   * @param proto the protocol name, or null for any protocol
   * @return the service's official name
   */
  String getservbyport(long port, String proto);

  /**
   * Python's {@code getprotobyname(name)}.
   *
   * @param name the protocol name
   * @return the protocol number
   */
  int getprotobyname(String name);

  /**
   * Python's {@code getaddrinfo(host, port, family, type, proto, flags)} with a text port or none.
   * The numbers are passed through unchanged, as Python passes them, so invalid values give
   * glibc's errors.
   *
   * @param host the host name or numeric address, or null for none
   * @param port the service name or port number, or null for none
   * @param family the address family ({@code AF_*} value), 0 for any
   * @param type the socket type ({@code SOCK_*} value), 0 for any
   * @param proto the protocol number ({@code IPPROTO_*}), 0 for any
   * @param flags the {@code AI_*} flags, OR-ed together
   * @return the results in the order glibc sorts them; never empty
   */
  List<AddrInfo> getaddrinfo(String host, String port, int family, int type, int proto, int flags);

  /**
   * Python's {@code getaddrinfo(host, port, ...)} with an int port, formatted as Python does.
   *
   * @param host the host name or numeric address, or null for none
   * @param port the service name or port number, or null for none
   * @param family the address family ({@code AF_*} value), 0 for any
   * @param type the socket type ({@code SOCK_*} value), 0 for any
   * @param proto the protocol number ({@code IPPROTO_*}), 0 for any
   * @param flags the {@code AI_*} flags, OR-ed together
   * @return the results in the order glibc sorts them; never empty
   */
  default List<AddrInfo> getaddrinfo(
      String host, long port, int family, int type, int proto, int flags) {
    return getaddrinfo(host, Long.toString(port), family, type, proto, flags);
  }

  /**
   * Python's {@code getaddrinfo(host, port)}.
   *
   * @param host the host name or numeric address, or null for none
   * @param port the service name or port number, or null for none
   * @return the results in the order glibc sorts them; never empty
   */
  default List<AddrInfo> getaddrinfo(String host, String port) {
    return getaddrinfo(host, port, 0, 0, 0, 0);
  }

  /**
   * Python's {@code getnameinfo((host, port), flags)}.
   *
   * @param host the numeric address (a name is resolved first, as Python does)
   * @param port the port number
   * @param flags the {@code NI_*} flags, OR-ed together
   * @return the host and the service, as text
   */
  NameInfo getnameinfo(String host, long port, int flags);

  /**
   * Python's {@code getnameinfo((host, port, flowinfo, scope_id), flags)}.
   *
   * @param host the numeric address (a name is resolved first, as Python does)
   * @param port the port number
   * @param flowInfo the IPv6 flow information (20 bits)
   * @param scopeId the IPv6 scope id (an interface index), 0 for none
   * @param flags the {@code NI_*} flags, OR-ed together
   * @return the host and the service, as text
   */
  NameInfo getnameinfo(String host, long port, long flowInfo, long scopeId, int flags);

  // ---- Database entries, for getent-style output (no IDNA, no Python argument rules) ----

  /** {@return the whole services database in file order, as {@code getent services} lists it} */
  List<ServiceEntry> services();

  /** {@return the whole protocols database in file order, as {@code getent protocols} lists it} */
  List<ProtocolEntry> protocols();

  /**
   * {@return {@code getservbyname_r(name, proto)}'s entry; a null proto means any}
   *
   * @param name the service name
   * @param proto the protocol name, or null for any protocol
   */
  java.util.Optional<ServiceEntry> serviceByName(String name, String proto);

  /**
   * {@return {@code getservbyport_r(port, proto)}'s entry (port in host order); null proto = any}
   *
   * @param port the port, in host byte order
   * @param proto the protocol name, or null for any protocol
   */
  java.util.Optional<ServiceEntry> serviceByPort(int port, String proto);

  /**
   * {@return {@code getprotobyname_r(name)}'s entry}
   *
   * @param name the protocol name
   */
  java.util.Optional<ProtocolEntry> protocolByName(String name);

  /**
   * {@return {@code getprotobynumber_r(number)}'s entry}
   *
   * @param number the protocol number
   */
  java.util.Optional<ProtocolEntry> protocolByNumber(int number);

  /**
   * Returns {@code gethostbyname2_r(name, family)}'s entry (addresses as text), or throws {@link
   * HostException} with glibc's {@code h_errno}. The name is used as given (no IDNA).
   *
   * @param name the host name, used as given (no IDNA)
   * @param family {@link AddressFamily#INET} or {@link AddressFamily#INET6}
   * @return the entry
   */
  HostEntry hostByName(String name, AddressFamily family);

  /**
   * Returns {@code gethostbyaddr_r}'s entry for a packed 4- or 16-byte address, or throws {@link
   * HostException}.
   *
   * @param address the packed address, 4 or 16 bytes
   * @return the entry
   */
  HostEntry hostByAddress(byte[] address);

  /**
   * Returns raw {@code getaddrinfo(3)} results for an ASCII host and service (either may be null),
   * without Python's IDNA or argument handling, as {@code getent ahosts} calls it.
   *
   * @param host the ASCII host name or numeric address, or null
   * @param service the service name or port number, or null
   * @param family the address family ({@code AF_*} value), 0 for any
   * @param type the socket type ({@code SOCK_*} value), 0 for any
   * @param proto the protocol number ({@code IPPROTO_*}), 0 for any
   * @param flags the {@code AI_*} flags, OR-ed together
   * @return glibc's results, in its order
   */
  List<AddrInfo> addrinfo(String host, String service, int family, int type, int proto, int flags);

  /**
   * Asynchronous {@link #getaddrinfo(String, String, int, int, int, int)}: on the pure-Java back
   * end no thread waits for DNS, and the sort after the answer runs on the executor (see the class
   * comment for where the future completes).
   *
   * @param host the host name or numeric address, or null for none
   * @param port the service name or port number, or null for none
   * @param family the address family ({@code AF_*} value), 0 for any
   * @param type the socket type ({@code SOCK_*} value), 0 for any
   * @param proto the protocol number ({@code IPPROTO_*}), 0 for any
   * @param flags the {@code AI_*} flags, OR-ed together
   * @return a future with the same results, or failed with the same exception
   */
  CompletableFuture<List<AddrInfo>> getaddrinfoAsync(
      String host, String port, int family, int type, int proto, int flags);

  /**
   * Asynchronous {@link #gethostbyname(String)}; completes as {@link #getaddrinfoAsync} does.
   *
   * @param host the host name or numeric address
   * @return a future with the same result, or failed with the same exception
   */
  CompletableFuture<String> gethostbynameAsync(String host);

  /**
   * Asynchronous {@link #gethostbynameEx(String)}: {@code setipaddr}'s lookup, then {@code
   * gethostbyname_r}'s, each without blocking; completes as {@link #getaddrinfoAsync} does.
   *
   * @param host the host name or numeric address
   * @return a future with the same result, or failed with the same exception
   */
  CompletableFuture<HostEntry> gethostbynameExAsync(String host);

  /**
   * Asynchronous {@link #gethostbyaddr(String)}; completes as {@link #getaddrinfoAsync} does.
   *
   * @param ip the address, or a host name whose first address is used
   * @return a future with the same result, or failed with the same exception
   */
  CompletableFuture<HostEntry> gethostbyaddrAsync(String ip);

  /**
   * Asynchronous {@link #getfqdn(String)}, with {@code socket.py}'s fallback to the name when the
   * reverse lookup fails; completes as {@link #getaddrinfoAsync} does.
   *
   * @param name a host name or address; {@code ""} for this host
   * @return a future with the same result, or failed with the same exception
   */
  CompletableFuture<String> getfqdnAsync(String name);

  /**
   * Asynchronous {@link #getnameinfo(String, long, long, long, int)}; completes as {@link
   * #getaddrinfoAsync} does.
   *
   * @param host the numeric address (a name is resolved first, as Python does)
   * @param port the port number
   * @param flowInfo the IPv6 flow information (20 bits)
   * @param scopeId the IPv6 scope id (an interface index), 0 for none
   * @param flags the {@code NI_*} flags, OR-ed together
   * @return a future with the same result, or failed with the same exception
   */
  CompletableFuture<NameInfo> getnameinfoAsync(
      String host, long port, long flowInfo, long scopeId, int flags);

  /**
   * Runs {@link #getaddrinfo(String, String, int, int, int, int)} with a trace: on the pure-Java
   * back end, the configuration in force, the hosts-file line, each cache look-up, each DNS query
   * (name, type, server, transport, attempt, elapsed time, RCODE, answer count, smallest TTL, TC),
   * the CNAME chains and the RFC 3484 decisions, then the result or the error. The OS back end
   * cannot see inside glibc: its trace holds only the result or the error. Lookups not made
   * through this method record nothing. The lookup's own errors do not throw: they are the
   * outcome's {@link Traced#error()}.
   *
   * @param host the host name or numeric address, or null
   * @param port the service name or port number as text, or null
   * @param family the {@code AF_*} value, 0 for any
   * @param type the {@code SOCK_*} value, 0 for any
   * @param proto the protocol number, 0 for any
   * @param flags the {@code AI_*} flags, OR-ed together
   * @return the answer or the error, with the trace
   */
  default Traced<List<AddrInfo>> getaddrinfoTraced(
      String host, String port, int family, int type, int proto, int flags) {
    try {
      return Traced.of(new dev.netdb.trace.Trace(List.of()),
          getaddrinfo(host, port, family, type, proto, flags), null);
    } catch (NetDbException e) {
      return Traced.of(new dev.netdb.trace.Trace(List.of()), null, e);
    }
  }

  /**
   * Returns a snapshot of this instance's DNS figures: queries sent, timeouts, the hits, misses
   * and entries of the cache in front (the answer cache where it is on, else the DNS cache) and
   * each server's round-trip times. The OS back end reports {@link NetDbStats#NONE}.
   *
   * @return the figures now
   */
  default NetDbStats stats() {
    return NetDbStats.NONE;
  }

  // ---- The Java face: JDK types, for Java callers and the client adapters ----

  /**
   * Returns the addresses of {@code host} in connect order, one {@link java.net.InetAddress} per
   * distinct address, each carrying {@code host} as its name (so no reverse lookup is ever made
   * for it): Python's {@code getaddrinfo(host, None, family, SOCK_STREAM)}, in glibc's order.
   *
   * @param host the host name or numeric address
   * @param family {@link AddressFamily#UNSPEC} for both families, or {@code INET} / {@code INET6}
   * @return the addresses, at least one, in the order to connect to them
   * @throws java.net.UnknownHostException naming the host, glibc's message and why (see {@link
   *     NetDbException#toUnknownHostException()})
   */
  default List<java.net.InetAddress> lookup(String host, AddressFamily family)
      throws java.net.UnknownHostException {
    return resolve(host, family).addresses();
  }

  /**
   * Runs {@link #lookup(String, AddressFamily)} with a trace, as {@link #getaddrinfoTraced} does.
   *
   * @param host the host name or numeric address
   * @param family {@link AddressFamily#UNSPEC} for both families, or {@code INET} / {@code INET6}
   * @return the addresses in connect order, or the {@link java.net.UnknownHostException} that
   *     {@code lookup} would throw (wrapped in an {@link java.io.UncheckedIOException}), with the
   *     trace
   */
  default Traced<List<java.net.InetAddress>> lookupTraced(String host, AddressFamily family) {
    Traced<List<AddrInfo>> t = getaddrinfoTraced(host, null, family.value(), SocketType.STREAM.value(), 0, 0);
    try {
      if (t.error() instanceof NetDbException e) {
        throw e.toUnknownHostException();
      }
      if (t.error() != null) {
        return new Traced<>(null, t.error(), t.trace());
      }
      return new Traced<>(JavaFace.addresses(host, t.value()), null, t.trace());
    } catch (java.net.UnknownHostException e) {
      return new Traced<>(null, new java.io.UncheckedIOException(e), t.trace());
    }
  }

  /**
   * Asynchronous {@link #lookup}: the future fails with the {@link java.net.UnknownHostException}
   * that {@code lookup} would throw.
   *
   * @param host the host name or numeric address
   * @param family {@link AddressFamily#UNSPEC} for both families, or {@code INET} / {@code INET6}
   * @return a future with the addresses in connect order
   */
  default CompletableFuture<List<java.net.InetAddress>> lookupAsync(String host, AddressFamily family) {
    return resolveAsync(host, AddrInfoHints.of(family)).thenApply(ResolvedAddresses::addresses);
  }

  /**
   * Returns what {@link #lookup} returns, and how long it holds: for the pure-Java back end the
   * rest of the answer's lifetime in its answer cache (see {@link ResolvedAddresses#ttl()}).
   *
   * @param host the host name or numeric address
   * @param family {@link AddressFamily#UNSPEC} for both families, or {@code INET} / {@code INET6}
   * @return the addresses in connect order and their lifetime
   * @throws java.net.UnknownHostException as {@link #lookup} throws it
   */
  default ResolvedAddresses resolve(String host, AddressFamily family) throws java.net.UnknownHostException {
    return resolve(host, AddrInfoHints.of(family));
  }

  /**
   * Returns the addresses of {@code host} for typed hints, in connect order, with how long they
   * hold: Python's {@code getaddrinfo(host, None, family, type, proto, flags)} as {@link
   * ResolvedAddresses}.
   *
   * @param host the host name or numeric address
   * @param hints the family, socket type, protocol and flags
   * @return the addresses in connect order and their lifetime
   * @throws java.net.UnknownHostException naming the host, glibc's message and why
   */
  default ResolvedAddresses resolve(String host, AddrInfoHints hints) throws java.net.UnknownHostException {
    try {
      return resolveAsync(host, hints).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof java.net.UnknownHostException u) {
        throw u;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Asynchronous {@link #resolve(String, AddrInfoHints)}: the future fails with the {@link
   * java.net.UnknownHostException} that {@code resolve} would throw. This default knows no TTL
   * and says zero; the instances of {@link #java()}, {@link #os()} and {@link #builder()} say
   * what their back end knows.
   *
   * @param host the host name or numeric address
   * @param hints the family, socket type, protocol and flags
   * @return a future with the addresses in connect order and their lifetime
   */
  default CompletableFuture<ResolvedAddresses> resolveAsync(String host, AddrInfoHints hints) {
    return getaddrinfoAsync(host, null, hints.family().value(), hints.type().value(), hints.proto(), hints.mask())
        .handle((answer, failure) ->
            new ResolvedAddresses(JavaFace.addressesOrThrow(host, answer, failure), java.time.Duration.ZERO));
  }

  // ---- Connect by name: Python's create_connection and create_server, RFC 8305, AF_UNIX ----

  /**
   * Python's {@code create_connection((host, port))}: the addresses of {@code getaddrinfo(host,
   * port, 0, SOCK_STREAM)} tried one by one, in order; returns the first connected socket, in
   * blocking mode, or throws the last attempt's error (Python's {@code OSError} subclass, see
   * {@link SystemException#pythonClass()}), or getaddrinfo's {@link GaiException}.
   *
   * @param host the host name or numeric address
   * @param port the port number or service name
   * @return the connected socket, in blocking mode
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
   *
   * @param host the host name or numeric address
   * @param port the port number or service name
   * @param options the attempt's options: timeout, source address, all errors, Happy Eyeballs
   * @return the connected socket, in blocking mode
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
   *
   * @param host the host name or numeric address
   * @param port the port number or service name
   * @param options the attempt's options: timeout, source address, all errors, Happy Eyeballs
   * @return a future with the connected socket
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
   *
   * @param host the host name or numeric address
   * @param port the port number or service name
   * @return the connected socket, in blocking mode
   */
  default SocketChannel connect(String host, long port) {
    return createConnection(host, Long.toString(port), ConnectOptions.rfc8305());
  }

  /**
   * Asynchronous {@link #connect(String, long)}.
   *
   * @param host the host name or numeric address
   * @param port the port number or service name
   * @return a future with the connected socket
   */
  default CompletableFuture<SocketChannel> connectAsync(String host, long port) {
    return createConnectionAsync(host, Long.toString(port), ConnectOptions.rfc8305());
  }

  /**
   * Connects a local (AF_UNIX) stream socket to a file-system path, as Python's {@code
   * socket(AF_UNIX).connect(path)} with the options' timeout: a missing file is {@code
   * FileNotFoundError} (errno 2), no listener {@code ConnectionRefusedError} (111), an over-long
   * path {@code OSError('AF_UNIX path too long')}.
   *
   * @param path the file-system path of the socket
   * @param options the attempt's options: timeout, source address, all errors, Happy Eyeballs
   * @return the connected socket, in blocking mode
   */
  default SocketChannel createConnection(UnixDomainSocketAddress path, ConnectOptions options) {
    return Connector.await(createConnectionAsync(path, options));
  }

  /**
   * Asynchronous {@link #createConnection(UnixDomainSocketAddress, ConnectOptions)}.
   *
   * @param path the file-system path of the socket
   * @param options the attempt's options: timeout, source address, all errors, Happy Eyeballs
   * @return a future with the connected socket
   */
  default CompletableFuture<SocketChannel> createConnectionAsync(
      UnixDomainSocketAddress path, ConnectOptions options) {
    return Connector.connect(path, options);
  }

  /**
   * Returns the AF_UNIX address for a Python {@code str} path, with Python's {@code OSError('AF_UNIX
   * path too long')}; Linux abstract-namespace names (a leading NUL) are refused with an {@link
   * InvalidValueException}, because the JDK supports file-system paths only.
   *
   * @param path the file-system path of the socket
   * @return the JDK address
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
   *
   * @param host the host name or numeric address
   * @param port the port number or service name
   * @param options the attempt's options: timeout, source address, all errors, Happy Eyeballs
   * @return the bound, listening socket
   */
  default ServerSocketChannel createServer(String host, int port, ServerOptions options) {
    return ServerSockets.create(this, host, port, options);
  }

  /**
   * Python's {@code create_server(path, family=AF_UNIX, ...)}: a listening AF_UNIX socket.
   *
   * @param path the file-system path of the socket
   * @param options the attempt's options: timeout, source address, all errors, Happy Eyeballs
   * @return the bound, listening socket
   */
  default ServerSocketChannel createServer(UnixDomainSocketAddress path, ServerOptions options) {
    return ServerSockets.create(path, options);
  }

  /**
   * Python's {@code has_dualstack_ipv6()}.
   *
   * @return whether an IPv6 socket here can accept IPv4 too
   */
  static boolean hasDualstackIpv6() {
    return Connector.hasDualstackIpv6();
  }
}
