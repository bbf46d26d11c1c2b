package dev.netdb.os;

import dev.netdb.dns.LookupFailure;
import dev.netdb.os.bindings.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Runs a glibc {@code _r} call with a scratch buffer that starts at 1 KiB and doubles each time
 * the call answers {@code ERANGE} (glibc's "buffer too small"), up to 4 MiB.
 */
final class GrowingBuffer {
  private GrowingBuffer() {}

  static final long INITIAL = 1024;
  static final long MAX = 4L << 20;

  /** One attempt of a {@code _r} call with the given scratch buffer; returns its status. */
  @FunctionalInterface
  interface Attempt {
    int call(MemorySegment buf, long buflen);
  }

  /**
   * Calls {@code attempt} with growing buffers from {@code arena} until it answers anything but
   * {@code ERANGE}, and returns that answer. Past the bound, throws {@code OSError(ERANGE)}.
   */
  static int run(Arena arena, String input, Attempt attempt) {
    for (long size = INITIAL; ; size *= 2) {
      int rc = attempt.call(arena.allocate(size), size);
      if (rc != Libc.ERANGE) {
        return rc;
      }
      if (size >= MAX) {
        throw LookupFailure.system(Libc.ERANGE, Errors.strerror(Libc.ERANGE), input);
      }
    }
  }
}
