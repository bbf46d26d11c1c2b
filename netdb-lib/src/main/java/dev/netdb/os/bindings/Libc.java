package dev.netdb.os.bindings;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Declares the glibc functions the OS back end calls, as downcall handles with one static invoker
 * each (the shape jextract generates). Each handle sits in its own holder class, so it is linked on
 * first use: linking costs a generated stub and several classes per function, and a CLI call
 * needs one or two of the eighteen. Types are for LP64 Linux: {@code size_t} is {@code long},
 * {@code socklen_t} is {@code int}.
 *
 * <p>Loading this class looks the symbols up in the default (libc) lookup, so it must be touched
 * only after {@code dev.netdb.os.NativeSupport} has accepted the platform and native access. The
 * functions that report through {@code errno} take a leading call-state segment, allocated with
 * {@link #allocateCallState}; {@link #errno} reads it.
 */
// Restricted FFM methods are used only after NativeSupport confirmed native access.
@SuppressWarnings("restricted")
public final class Libc {
  private Libc() {}

  private static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup LIBC = LINKER.defaultLookup();
  private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
  private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

  /** {@code EAI_SYSTEM}: the error is in {@code errno}. */
  public static final int EAI_SYSTEM = -11;
  /** {@code ENOENT}: end of a database listing. */
  public static final int ENOENT = 2;
  /** {@code ERANGE}: the caller's buffer is too small. */
  public static final int ERANGE = 34;
  /** {@code NETDB_INTERNAL}: the {@code h_errno} meaning "see errno". */
  public static final int NETDB_INTERNAL = -1;
  /** {@code INET6_ADDRSTRLEN}. */
  public static final int INET6_ADDRSTRLEN = 46;
  /** {@code NI_MAXHOST}, the host buffer CPython's {@code getnameinfo} passes. */
  public static final int NI_MAXHOST = 1025;
  /** {@code NI_MAXSERV}, the service buffer CPython's {@code getnameinfo} passes. */
  public static final int NI_MAXSERV = 32;

  private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... opts) {
    MemorySegment symbol =
        LIBC.find(name)
            .orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol " + name));
    return LINKER.downcallHandle(symbol, fd, opts);
  }

  private static final class GnuGetLibcVersionHandle {
    static final MethodHandle H =
        downcall("gnu_get_libc_version", FunctionDescriptor.of(ADDRESS));
  }

  private static final class GethostnameHandle {
    static final MethodHandle H =
        downcall("gethostname", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
  }

  private static final class ErrnoLocationHandle {
    static final MethodHandle H =
        downcall("__errno_location", FunctionDescriptor.of(ADDRESS.withTargetLayout(JAVA_INT)));
  }

  /**
   * Sets the calling thread's {@code errno} to 0, as it is in CPython when its socket functions
   * call glibc. glibc 2.36's lookups read the caller's leftover {@code errno}: {@code nss_dns}
   * restores the value it found on entry, which {@code gethostbyname2_r} then returns as its
   * result, so after a search list whose last query got SERVFAIL or REFUSED a nonzero leftover
   * turns {@code EAI_NONAME} into {@code EAI_NODATA} on getaddrinfo's AF_INET path (measured in
   * the oracle namespace). The JVM leaves arbitrary values there.
   */
  private static void clearErrno() {
    try {
      MemorySegment p = (MemorySegment) ErrnoLocationHandle.H.invokeExact();
      p.set(JAVA_INT, 0, 0);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static final class HErrnoLocationHandle {
    static final MethodHandle H =
        downcall("__h_errno_location", FunctionDescriptor.of(ADDRESS.withTargetLayout(JAVA_INT)));
  }

  /** A value glibc never stores in {@code h_errno}: {@link #hErrno} returning it means untouched. */
  public static final int H_ERRNO_UNTOUCHED = 0x7ead_beef;

  /**
   * Stores {@link #H_ERRNO_UNTOUCHED} in the calling thread's {@code h_errno} ({@code
   * *__h_errno_location()}), so that {@link #hErrno} after a call tells whether the call wrote
   * it. glibc never reads a value there it did not write itself in the same call, so the mark
   * changes no answer. Call it on the thread that then makes the call, with no blocking step in
   * between (a virtual thread stays on its carrier from one downcall to the next).
   */
  public static void markHErrno() {
    try {
      MemorySegment p = (MemorySegment) HErrnoLocationHandle.H.invokeExact();
      p.set(JAVA_INT, 0, H_ERRNO_UNTOUCHED);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** Returns the calling thread's {@code h_errno}, as CPython's {@code set_herror(h_errno)} reads it. */
  public static int hErrno() {
    try {
      MemorySegment p = (MemorySegment) HErrnoLocationHandle.H.invokeExact();
      return p.get(JAVA_INT, 0);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static final class GetaddrinfoHandle {
    static final MethodHandle H =
        downcall(
            "getaddrinfo",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS), CAPTURE_ERRNO);
  }

  private static final class FreeaddrinfoHandle {
    static final MethodHandle H =
        downcall("freeaddrinfo", FunctionDescriptor.ofVoid(ADDRESS));
  }

  private static final class GaiStrerrorHandle {
    static final MethodHandle H =
        downcall("gai_strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
  }

  private static final class GetnameinfoHandle {
    static final MethodHandle H =
        downcall(
            "getnameinfo",
            FunctionDescriptor.of(
                JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            CAPTURE_ERRNO);
  }

  private static final class Gethostbyname2RHandle {
    static final MethodHandle H =
        downcall(
            "gethostbyname2_r",
            FunctionDescriptor.of(
                JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
  }

  private static final class GethostbyaddrRHandle {
    static final MethodHandle H =
        downcall(
            "gethostbyaddr_r",
            FunctionDescriptor.of(
                JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS,
                ADDRESS));
  }

  private static final class GetservbynameRHandle {
    static final MethodHandle H =
        downcall(
            "getservbyname_r",
            FunctionDescriptor.of(
                JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
  }

  private static final class GetservbyportRHandle {
    static final MethodHandle H =
        downcall(
            "getservbyport_r",
            FunctionDescriptor.of(
                JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
  }

  private static final class GetprotobynameRHandle {
    static final MethodHandle H =
        downcall(
            "getprotobyname_r",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
  }

  private static final class GetprotobynumberRHandle {
    static final MethodHandle H =
        downcall(
            "getprotobynumber_r",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
  }

  private static final class SetserventHandle {
    static final MethodHandle H =
        downcall("setservent", FunctionDescriptor.ofVoid(JAVA_INT));
  }

  private static final class GetserventRHandle {
    static final MethodHandle H =
        downcall(
            "getservent_r",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
  }

  private static final class EndserventHandle {
    static final MethodHandle H =
        downcall("endservent", FunctionDescriptor.ofVoid());
  }

  private static final class SetprotoentHandle {
    static final MethodHandle H =
        downcall("setprotoent", FunctionDescriptor.ofVoid(JAVA_INT));
  }

  private static final class GetprotoentRHandle {
    static final MethodHandle H =
        downcall(
            "getprotoent_r",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
  }

  private static final class EndprotoentHandle {
    static final MethodHandle H =
        downcall("endprotoent", FunctionDescriptor.ofVoid());
  }

  private static final class InetNtopHandle {
    static final MethodHandle H =
        downcall("inet_ntop", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
  }

  private static final class InetPtonHandle {
    static final MethodHandle H =
        downcall("inet_pton", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
  }

  private static final class StrerrorHandle {
    static final MethodHandle H =
        downcall("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
  }

  private static final class HstrerrorHandle {
    static final MethodHandle H =
        downcall("hstrerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
  }


  /** Allocates a zeroed call-state segment for the functions that capture {@code errno}. */
  public static MemorySegment allocateCallState(java.lang.foreign.SegmentAllocator allocator) {
    return allocator.allocate(CALL_STATE);
  }

  /** Returns the {@code errno} captured in a call-state segment. */
  public static int errno(MemorySegment callState) {
    return (int) ERRNO.get(callState, 0L);
  }

  /** {@code const char *gnu_get_libc_version(void)}. */
  public static MemorySegment gnu_get_libc_version() {
    try {
      return (MemorySegment) GnuGetLibcVersionHandle.H.invokeExact();
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code int gethostname(char *name, size_t len)}, capturing errno. */
  public static int gethostname(MemorySegment state, MemorySegment name, long len) {
    try {
      return (int) GethostnameHandle.H.invokeExact(state, name, len);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code int getaddrinfo(node, service, hints, res)}, capturing errno. */
  public static int getaddrinfo(
      MemorySegment state,
      MemorySegment node,
      MemorySegment service,
      MemorySegment hints,
      MemorySegment res) {
    try {
      clearErrno();
      return (int) GetaddrinfoHandle.H.invokeExact(state, node, service, hints, res);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code void freeaddrinfo(struct addrinfo *res)}. */
  public static void freeaddrinfo(MemorySegment res) {
    try {
      FreeaddrinfoHandle.H.invokeExact(res);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code const char *gai_strerror(int errcode)}. */
  public static MemorySegment gai_strerror(int code) {
    try {
      return (MemorySegment) GaiStrerrorHandle.H.invokeExact(code);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code int getnameinfo(sa, salen, host, hostlen, serv, servlen, flags)}, capturing errno. */
  public static int getnameinfo(
      MemorySegment state,
      MemorySegment sa,
      int salen,
      MemorySegment host,
      int hostlen,
      MemorySegment serv,
      int servlen,
      int flags) {
    try {
      return (int) GetnameinfoHandle.H.invokeExact(
          state, sa, salen, host, hostlen, serv, servlen, flags);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code int gethostbyname2_r(name, af, ret, buf, buflen, result, h_errnop)}. */
  public static int gethostbyname2_r(
      MemorySegment name,
      int af,
      MemorySegment ret,
      MemorySegment buf,
      long buflen,
      MemorySegment result,
      MemorySegment herrnop) {
    try {
      clearErrno();
      return (int) Gethostbyname2RHandle.H.invokeExact(name, af, ret, buf, buflen, result, herrnop);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code int gethostbyaddr_r(addr, len, type, ret, buf, buflen, result, h_errnop)}. */
  public static int gethostbyaddr_r(
      MemorySegment addr,
      int len,
      int type,
      MemorySegment ret,
      MemorySegment buf,
      long buflen,
      MemorySegment result,
      MemorySegment herrnop) {
    try {
      clearErrno();
      return (int) GethostbyaddrRHandle.H.invokeExact(
          addr, len, type, ret, buf, buflen, result, herrnop);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code int getservbyname_r(name, proto, result_buf, buf, buflen, result)}. */
  public static int getservbyname_r(
      MemorySegment name,
      MemorySegment proto,
      MemorySegment resultBuf,
      MemorySegment buf,
      long buflen,
      MemorySegment result) {
    try {
      return (int) GetservbynameRHandle.H.invokeExact(name, proto, resultBuf, buf, buflen, result);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code int getservbyport_r(port, proto, result_buf, buf, buflen, result)}; port is htons'd. */
  public static int getservbyport_r(
      int port,
      MemorySegment proto,
      MemorySegment resultBuf,
      MemorySegment buf,
      long buflen,
      MemorySegment result) {
    try {
      return (int) GetservbyportRHandle.H.invokeExact(port, proto, resultBuf, buf, buflen, result);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code int getprotobyname_r(name, result_buf, buf, buflen, result)}. */
  public static int getprotobyname_r(
      MemorySegment name, MemorySegment resultBuf, MemorySegment buf, long buflen,
      MemorySegment result) {
    try {
      return (int) GetprotobynameRHandle.H.invokeExact(name, resultBuf, buf, buflen, result);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code int getprotobynumber_r(proto, result_buf, buf, buflen, result)}. */
  public static int getprotobynumber_r(
      int proto, MemorySegment resultBuf, MemorySegment buf, long buflen, MemorySegment result) {
    try {
      return (int) GetprotobynumberRHandle.H.invokeExact(proto, resultBuf, buf, buflen, result);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code void setservent(int stayopen)}. */
  public static void setservent(int stayOpen) {
    try {
      SetserventHandle.H.invokeExact(stayOpen);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code int getservent_r(result_buf, buf, buflen, result)}. */
  public static int getservent_r(
      MemorySegment resultBuf, MemorySegment buf, long buflen, MemorySegment result) {
    try {
      return (int) GetserventRHandle.H.invokeExact(resultBuf, buf, buflen, result);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code void endservent(void)}. */
  public static void endservent() {
    try {
      EndserventHandle.H.invokeExact();
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code void setprotoent(int stayopen)}. */
  public static void setprotoent(int stayOpen) {
    try {
      SetprotoentHandle.H.invokeExact(stayOpen);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code int getprotoent_r(result_buf, buf, buflen, result)}. */
  public static int getprotoent_r(
      MemorySegment resultBuf, MemorySegment buf, long buflen, MemorySegment result) {
    try {
      return (int) GetprotoentRHandle.H.invokeExact(resultBuf, buf, buflen, result);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code void endprotoent(void)}. */
  public static void endprotoent() {
    try {
      EndprotoentHandle.H.invokeExact();
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code const char *inet_ntop(af, src, dst, size)}. */
  public static MemorySegment inet_ntop(int af, MemorySegment src, MemorySegment dst, int size) {
    try {
      return (MemorySegment) InetNtopHandle.H.invokeExact(af, src, dst, size);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code int inet_pton(af, src, dst)}. */
  public static int inet_pton(int af, MemorySegment src, MemorySegment dst) {
    try {
      return (int) InetPtonHandle.H.invokeExact(af, src, dst);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code char *strerror(int errnum)} (thread-safe in glibc since 2.32). */
  public static MemorySegment strerror(int errnum) {
    try {
      return (MemorySegment) StrerrorHandle.H.invokeExact(errnum);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code const char *hstrerror(int err)}. */
  public static MemorySegment hstrerror(int err) {
    try {
      return (MemorySegment) HstrerrorHandle.H.invokeExact(err);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException("downcall failed", t);
  }
}
