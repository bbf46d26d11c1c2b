package dev.netdb.os;

import dev.netdb.GaiException;
import dev.netdb.HostException;
import dev.netdb.NetDbException;
import dev.netdb.SystemException;
import dev.netdb.os.bindings.Libc;

/** Turns glibc's error codes into the exceptions CPython raises for them, with glibc's texts. */
final class Errors {
  private Errors() {}

  /** Returns {@code strerror(errnum)}, as CPython's {@code PyErr_SetFromErrno} shows it. */
  static String strerror(int errnum) {
    return NativeText.read(Libc.strerror(errnum));
  }

  /** Returns {@code hstrerror(herr)}: 1 {@code Unknown host}, 2 {@code Host name lookup failure}, ... */
  static String hstrerror(int herr) {
    return NativeText.read(Libc.hstrerror(herr));
  }

  /** Returns {@code gai_strerror(code)}. */
  static String gaiStrerror(int code) {
    return NativeText.read(Libc.gai_strerror(code));
  }

  /**
   * Returns CPython's {@code set_gaierror}: {@code EAI_SYSTEM} becomes {@code OSError(errno)}, any
   * other code {@code gaierror(code, gai_strerror(code))}.
   */
  static NetDbException gai(int code, int errno, String input) {
    if (code == Libc.EAI_SYSTEM) {
      return new SystemException(errno, strerror(errno), input);
    }
    return new GaiException(code, gaiStrerror(code), input);
  }

  /** Returns CPython's {@code set_herror}: {@code herror(h_errno, hstrerror(h_errno))}. */
  static HostException host(int herr, String input) {
    return new HostException(herr, hstrerror(herr), input);
  }
}
