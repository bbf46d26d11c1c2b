package dev.netdb.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/** Converts between Java strings and C strings or NULL-terminated {@code char **} arrays. */
// Restricted FFM methods are used only after NativeSupport confirmed native access.
@SuppressWarnings("restricted")
final class NativeText {
  private NativeText() {}

  /** Longest C string this class reads; glibc's netdb strings are far shorter. */
  private static final long MAX_STRING = 1L << 20;

  /**
   * Returns a NUL-terminated UTF-8 copy of {@code s} in {@code arena}, or NULL for null. A string
   * with an embedded NUL is refused: C would silently cut it there.
   */
  static MemorySegment cString(Arena arena, String s, String what) {
    if (s == null) {
      return MemorySegment.NULL;
    }
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " contains an embedded NUL character: " + s);
    }
    return arena.allocateFrom(s);
  }

  /** Returns the C string at {@code ptr} decoded as UTF-8, or null for NULL. */
  static String read(MemorySegment ptr) {
    if (ptr.equals(MemorySegment.NULL)) {
      return null;
    }
    return ptr.reinterpret(MAX_STRING).getString(0);
  }

  /** Returns the strings of a NULL-terminated {@code char **} array; empty for a NULL array. */
  static List<String> readArray(MemorySegment array) {
    List<String> out = new ArrayList<>();
    if (array.equals(MemorySegment.NULL)) {
      return out;
    }
    MemorySegment a = array.reinterpret(Long.MAX_VALUE);
    for (long i = 0; ; i++) {
      MemorySegment p = a.getAtIndex(ValueLayout.ADDRESS, i);
      if (p.equals(MemorySegment.NULL)) {
        return out;
      }
      out.add(read(p));
    }
  }
}
