package dev.netdb.dns;

/**
 * What one libc call leaves in glibc's thread-local {@code h_errno} ({@code *__h_errno_location()}):
 * nothing, or a value. CPython 3.11 reads that global, not the {@code _r} functions' own {@code
 * h_errnop}, when {@code gethostbyname_r} or {@code gethostbyaddr_r} fails ({@code socketmodule.c}
 * {@code gethost_common} → {@code set_herror(h_errno)}), so its {@code herror} code is whatever the
 * calls before it on the same thread left there. Every back-end host call reports its effect, on
 * its result and on its failure, and the Python layer keeps the per-thread value from them.
 *
 * <p>The rules glibc 2.36 follows, measured in the oracle namespace (ctypes presetting {@code
 * h_errno} before each call and reading it after) and read in its sources:
 *
 * <ul>
 *   <li>{@code getaddrinfo} passes {@code &h_errno} as the {@code h_errnop} of every NSS module it
 *       calls ({@code sysdeps/posix/getaddrinfo.c}: {@code try_simple_gethostbyname}'s {@code
 *       __gethostbyname2_r} and {@code get_nss_addresses}' {@code gethostbyname4_r}/{@code 3_r}),
 *       so a name that reaches NSS leaves the last module's answer: {@code files} that matched
 *       leaves HOST_NOT_FOUND (its scan ends at end of file, {@code internal_getent}), {@code dns}
 *       leaves its own result ({@code getanswer_r}/{@code gaih_getanswer} set NETDB_SUCCESS on an
 *       answer; on AF_UNSPEC the AAAA slice comes last, so an empty one leaves HOST_NOT_FOUND).
 *       Numeric hosts, a null host and checks before the lookup (flags, family, service) leave it
 *       alone.
 *   <li>{@code gethostbyname_r} and {@code gethostbyaddr_r} pass their caller's {@code
 *       h_errnop}; only the resolver touches the global, through {@code RES_SET_H_ERRNO} ({@code
 *       resolv/res_query.c}): {@code __res_context_search} sets HOST_NOT_FOUND before its first
 *       query and each failed query sets its code, so a search that succeeds leaves
 *       HOST_NOT_FOUND (or the code of its last failed candidate), and one that fails leaves its
 *       final code. Answers from {@code files}, numeric forms ({@code
 *       __nss_hostname_digits_dots}) and names {@code nss_dns} refuses before querying leave it
 *       alone; a PTR query that succeeds ({@code __res_context_query}) leaves it alone too.
 * </ul>
 *
 * @param sets whether the call sets {@code h_errno}
 * @param value the value set; 0 when {@code sets} is false
 */
public record HErrnoEffect(boolean sets, int value) {
  /** The effect of a call that leaves {@code h_errno} as it was. */
  public static final HErrnoEffect UNTOUCHED = new HErrnoEffect(false, 0);

  /** Returns the effect of a call that sets {@code h_errno} to {@code value}. */
  public static HErrnoEffect set(int value) {
    return new HErrnoEffect(true, value);
  }

  /** Returns the effect of this call followed by {@code next}: the later value wins. */
  public HErrnoEffect then(HErrnoEffect next) {
    return next.sets ? next : this;
  }

  /** Returns {@code h_errno} after the call, given its value before. */
  public int applyTo(int before) {
    return sets ? value : before;
  }

  /** Returns {@code "untouched"} or {@code "set N"}. */
  @Override
  public String toString() {
    return sets ? "set " + value : "untouched";
  }
}
