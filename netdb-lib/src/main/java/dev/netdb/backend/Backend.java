package dev.netdb.backend;

import dev.netdb.dns.HErrnoEffect;
import dev.netdb.dns.LookupFailure;
import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import dev.netdb.observe.ResolverStats;
import dev.netdb.observe.TraceRecorder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The libc-shaped contract that each back end implements and the one Python layer ({@code
 * dev.netdb.PythonLayer}) sits on. It sits below the API: its types are the back ends' own
 * ({@link AddressInfo}, {@link Hostent}, {@link HostAndService}, {@link Servent}, {@link
 * Protoent}), which the API edge turns into the public records.
 *
 * <p>Every host call also reports what it left in glibc's thread-local {@code h_errno} ({@link
 * dev.netdb.dns.HErrnoEffect}), on its result ({@link AddrinfoResult#hErrno}, {@link
 * Hostent#hErrno}, {@link HostAndService#hErrno}) and on its failure ({@link
 * LookupFailure#hErrno}), because CPython's {@code herror} codes are read from that global; the
 * Python layer keeps the per-thread value.
 *
 * <p>Methods mirror the C calls CPython makes, not Python's functions: host names arrive already
 * IDNA-encoded (ASCII), and failures are thrown as the C call reports them, as a {@link
 * LookupFailure} of kind {@code GAI} (the EAI code and {@code gai_strerror} text), {@code HOST}
 * ({@code h_errno} and {@code hstrerror} text), {@code SYSTEM} ({@code EAI_SYSTEM}'s errno) or
 * {@code CLOSED}; the API edge turns it into the public exception of that kind. "Not found" in
 * the services and protocols databases is null, as in C.
 */
public interface Backend extends AutoCloseable {

  /** Returns {@code "os"} or {@code "java"}. */
  String name();

  /** {@code gethostname(2)}. */
  String gethostname();

  /**
   * {@code getaddrinfo(3)}: {@code host} and {@code service} may be null; the numbers are passed
   * through unchanged. Results are in glibc's order, canonical name on the first entry only, with
   * what the call left in the thread's {@code h_errno}.
   */
  AddrinfoResult getaddrinfo(String host, String service, int family, int type, int proto, int flags);

  /**
   * {@code gethostbyname2_r(3)} for {@code AF_INET} or {@code AF_INET6} (Python's {@code
   * gethostbyname_ex} uses {@code AF_INET}); throws a {@code HOST} {@link LookupFailure} with {@code
   * h_errno} on failure. Addresses are returned as text.
   */
  Hostent gethostbyname(String host, int family);

  /**
   * {@code gethostbyaddr_r(3)} for a packed address of 4 or 16 bytes; throws a {@code HOST}
   * {@link LookupFailure} on failure.
   */
  Hostent gethostbyaddr(byte[] address, int family);

  /**
   * {@code getnameinfo(3)} for the socket address described by {@code sockaddr} (its family, host
   * text, port, flow info and scope id are used).
   */
  HostAndService getnameinfo(AddressInfo sockaddr, int flags);

  /** {@code getservbyname_r(3)}; null when not found. {@code proto} may be null. */
  Servent getservbyname(String name, String proto);

  /** {@code getservbyport_r(3)} with the port in host order; null when not found. */
  Servent getservbyport(int port, String proto);

  /** {@code getprotobyname_r(3)}; null when not found. */
  Protoent getprotobyname(String name);

  /** {@code getprotobynumber_r(3)}; null when not found. */
  Protoent getprotobynumber(int number);

  /** Lists the services database in file order, as {@code getent services} does. */
  List<Servent> services();

  /** Lists the protocols database in file order, as {@code getent protocols} does. */
  List<Protoent> protocols();

  // ---- asynchronous calls: the Python layer composes these without blocking a thread ----

  /**
   * Asynchronous {@link #getaddrinfo}; the future fails as the blocking call throws. Where the
   * future completes (so where dependent stages run) is the back end's to document: the pure-Java
   * back end never holds a thread while DNS is waited for, the OS back end runs the blocking glibc
   * call on a thread of its pool.
   */
  CompletableFuture<AddrinfoResult> getaddrinfoAsync(
      String host, String service, int family, int type, int proto, int flags);

  /** Returns the DNS figures so far; {@link ResolverStats#NONE} where the back end has none. */
  default ResolverStats stats() {
    return ResolverStats.NONE;
  }

  /** Returns a recorder for a traced lookup: one that collects, naming the files this back end reads. */
  default TraceRecorder recorder() {
    return TraceRecorder.collecting(java.util.Map.of());
  }

  /**
   * {@link #getaddrinfoAsync}, reporting its steps to {@code recorder}. A back end that cannot see
   * inside its lookups (the OS one) reports nothing: the trace then holds only the result.
   */
  default CompletableFuture<AddrinfoResult> getaddrinfoTraced(String host, String service, int family,
      int type, int proto, int flags, TraceRecorder recorder) {
    return getaddrinfoAsync(host, service, family, type, proto, flags);
  }

  /**
   * Asynchronous {@link #getaddrinfo} with how long the answer holds. The default knows no TTL
   * (glibc's {@code getaddrinfo} returns none) and says 0.
   */
  default CompletableFuture<Expiring> getaddrinfoExpiringAsync(
      String host, String service, int family, int type, int proto, int flags) {
    return getaddrinfoAsync(host, service, family, type, proto, flags)
        .thenApply(a -> new Expiring(a.entries(), 0, null));
  }

  /**
   * Blocking {@link #getaddrinfoExpiringAsync}: on the caller's thread where the back end's
   * blocking call runs there (the OS back end's glibc call). The default knows no TTL and says 0.
   */
  default Expiring getaddrinfoExpiring(String host, String service, int family, int type, int proto, int flags) {
    return new Expiring(getaddrinfo(host, service, family, type, proto, flags).entries(), 0, null);
  }

  /**
   * Returns the answer of {@link #getaddrinfoExpiring} when the back end holds it fresh in memory
   * (the java back end's answer cache), on this thread and without a future; null when it does not,
   * and the caller makes the full call. The default holds nothing.
   */
  default Expiring getaddrinfoHit(String host, String service, int family, int type, int proto, int flags) {
    return null;
  }

  /**
   * A {@code getaddrinfo} answer and how long it holds.
   *
   * @param answer the entries
   * @param ttlNanos nanoseconds from the answer; {@link Long#MAX_VALUE} for one that cannot change
   * @param memo a slot shared by every hit of the same cached answer, where a caller may keep a
   *     value derived from it (the public edge keeps its records and the Java face's {@code
   *     InetAddress} lists there); null when the answer was not cached
   * @param hErrno what the call leaves in the thread's {@code h_errno} (a cache hit leaves what the
   *     lookup that filled the entry left)
   * @param reuseUntil the back end's clock reading until which a caller may answer the same call
   *     with this answer without asking again and miss nothing the back end would do (an expiry, a
   *     file check, a refresh ahead); {@link #NO_REUSE} when it may not
   */
  record Expiring(List<AddressInfo> answer, long ttlNanos,
      java.util.concurrent.atomic.AtomicReference<Object> memo, HErrnoEffect hErrno, long reuseUntil) {
    /** The {@link #reuseUntil} of an answer that must not be reused: ask again every time. */
    public static final long NO_REUSE = Long.MIN_VALUE;

    /** An answer that may not be reused, with its effect on {@code h_errno}. */
    public Expiring(List<AddressInfo> answer, long ttlNanos,
        java.util.concurrent.atomic.AtomicReference<Object> memo, HErrnoEffect hErrno) {
      this(answer, ttlNanos, memo, hErrno, NO_REUSE);
    }

    /** An answer whose effect on {@code h_errno} nobody reads (the Java face's calls). */
    public Expiring(List<AddressInfo> answer, long ttlNanos,
        java.util.concurrent.atomic.AtomicReference<Object> memo) {
      this(answer, ttlNanos, memo, HErrnoEffect.UNTOUCHED);
    }
  }

  /** Asynchronous {@link #gethostbyname}; the future fails with a {@code HOST} {@link LookupFailure}. */
  CompletableFuture<Hostent> gethostbynameAsync(String host, int family);

  /** Asynchronous {@link #gethostbyaddr}; the future fails with a {@code HOST} {@link LookupFailure}. */
  CompletableFuture<Hostent> gethostbyaddrAsync(byte[] address, int family);

  /** Asynchronous {@link #getnameinfo}; the future fails as the blocking call throws. */
  CompletableFuture<HostAndService> getnameinfoAsync(AddressInfo sockaddr, int flags);

  /**
   * Releases what the back end started (threads, sockets) and fails its in-flight and later calls
   * with a {@code CLOSED} {@link LookupFailure}; does nothing for a back end that owns nothing.
   * Closing twice is harmless.
   */
  @Override
  default void close() {}

  /** Reports whether {@link #close()} has closed this back end (never, for one that owns nothing). */
  default boolean isClosed() {
    return false;
  }

  /**
   * Runs a call that does not block (an in-memory lookup) on this thread, as a future: its result,
   * or its exception as the failure.
   */
  static <T> CompletableFuture<T> completed(Supplier<T> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
