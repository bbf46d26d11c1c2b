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
    return dev.netdb.python.Backends.os();
  }

  /**
   * Returns the pure-Java back end reading the system's files: one instance shared by the JVM,
   * created on first use, whose {@link #close()} does nothing. Use {@link #builder()} for an
   * instance of your own that {@code close()} stops.
   *
   * @return the pure-Java back end reading the system's files
   */
  static NetDb java() {
    return dev.netdb.python.Backends.java();
  }

  /** {@return a builder for the pure-Java back end, with every input injectable} */
  static NetDbBuilder builder() {
    return new NetDbBuilder();
  }

  /** {@return {@link #os()} where native access works here, otherwise {@link #java()}} */
  static NetDb system() {
    return dev.netdb.python.Backends.system();
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
    return dev.netdb.python.Idna.encode(host);
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
}
