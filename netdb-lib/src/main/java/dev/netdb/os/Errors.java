package dev.netdb.os;

import dev.netdb.dns.DnsError;
import dev.netdb.dns.Eai;
import dev.netdb.dns.LookupFailure;
import dev.netdb.os.bindings.Libc;

/**
 * Turns glibc's error codes into the failures CPython raises exceptions for. The {@code gai_strerror}
 * and {@code hstrerror} texts come from the one vocabulary ({@link Eai}, {@link DnsError}), which
 * holds glibc's C-locale texts as Python shows them; asking libc would translate them when the
 * JVM's locale has a message catalogue, which Python's never does ({@code LC_MESSAGES} stays C).
 * {@code strerror} is still libc's.
 */
final class Errors {
  private Errors() {}

  /** Returns {@code strerror(errnum)}, as CPython's {@code PyErr_SetFromErrno} shows it. */
  static String strerror(int errnum) {
    return NativeText.read(Libc.strerror(errnum));
  }

  /**
   * Returns CPython's {@code set_gaierror}: {@code EAI_SYSTEM} becomes {@code OSError(errno)}, any
   * other code {@code gaierror(code, gai_strerror(code))}.
   */
  static LookupFailure gai(int code, int errno, String input) {
    if (code == Libc.EAI_SYSTEM) {
      return LookupFailure.system(errno, strerror(errno), input);
    }
    return LookupFailure.gai(code, Eai.message(code), input);
  }

  /** Returns CPython's {@code set_herror}: {@code herror(h_errno, hstrerror(h_errno))}. */
  static LookupFailure host(int herr, String input) {
    return LookupFailure.host(herr, DnsError.hstrerror(herr), input);
  }
}
