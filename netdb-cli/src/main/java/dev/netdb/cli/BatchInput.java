package dev.netdb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the lines of a batch from standard input as bytes, in memory bounded by the longest line
 * allowed. Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as in Python's text-mode
 * {@code sys.stdin} (universal newlines). A line longer than the limit is read past in fixed-size
 * chunks and reported once; a line that is not UTF-8 is reported with the message of CPython's
 * strict UTF-8 decoder, never decoded with U+FFFD replacements.
 */
final class BatchInput {
  /** The default longest line, in bytes, not counting the line end. */
  static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  /** A line of input: its text, or why it cannot be a call. */
  sealed interface Line {
    /** Returns the line's number, counting from 1. */
    long number();

    /** Returns the line's length in bytes, for the batch's memory budget. */
    long bytes();
  }

  /** A line decoded as UTF-8, without its line end. */
  record Text(long number, String text) implements Line {
    @Override
    public long bytes() {
      return text.length();
    }
  }

  /** A line that is too long or not UTF-8: {@code type} and {@code reason} as for Malformed. */
  record Rejected(long number, String type, String reason) implements Line {
    @Override
    public long bytes() {
      return 0;
    }

    /** Returns the outcome that reports this line. */
    Outcome.Malformed outcome() {
      return new Outcome.Malformed(number, type, reason);
    }
  }

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private boolean skipLf;
  private byte[] line = new byte[256];
  private long number;

  /** Reads from {@code in}; lines over {@code maxLineBytes} bytes are rejected. */
  BatchInput(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Returns the UTF-8 bytes of what a reader reads, for callers (tests, the AOT training run)
   * that hold their input as text.
   */
  static InputStream bytesOf(Reader reader) {
    return new InputStream() {
      private final char[] chars = new char[8192];
      private byte[] bytes = new byte[0];
      private int next;

      @Override
      public int read() throws IOException {
        return next < bytes.length || refill() ? bytes[next++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        if (next >= bytes.length && !refill()) {
          return -1;
        }
        int n = Math.min(len, bytes.length - next);
        System.arraycopy(bytes, next, b, off, n);
        next += n;
        return n;
      }

      @Override
      public int available() throws IOException {
        return next < bytes.length ? bytes.length - next : reader.ready() ? 1 : 0;
      }

      private boolean refill() throws IOException {
        int n;
        do {
          n = reader.read(chars, 0, chars.length - 1);
        } while (n == 0);
        if (n < 0) {
          return false;
        }
        if (n > 0 && Character.isHighSurrogate(chars[n - 1])) {
          int low = reader.read(); // keep a surrogate pair in one chunk
          if (low >= 0) {
            chars[n++] = (char) low;
          }
        }
        bytes = new String(chars, 0, n).getBytes(StandardCharsets.UTF_8);
        next = 0;
        return true;
      }
    };
  }

  /** Returns the next line, or null at the end of input. */
  Line next() throws IOException {
    int len = 0;
    long total = 0;
    boolean any = false;
    boolean outOfMemory = false;
    while (true) {
      if (pos == limit && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      if (skipLf) {
        skipLf = false;
        if (buf[pos] == '\n') {
          pos++;
          continue;
        }
      }
      any = true;
      int end = pos;
      while (end < limit && buf[end] != '\n' && buf[end] != '\r') {
        end++;
      }
      int n = end - pos;
      total += n;
      if (total <= maxLineBytes && !outOfMemory) {
        if (len + n > line.length) {
          try {
            line = Arrays.copyOf(line,
                (int) Math.min(maxLineBytes, Math.max(len + n, 2L * line.length)));
          } catch (OutOfMemoryError e) {
            // Only with --max-line-bytes raised past the heap: drop the line, read past the rest.
            line = new byte[256];
            outOfMemory = true;
          }
        }
        if (!outOfMemory) {
          System.arraycopy(buf, pos, line, len, n);
          len += n;
        }
      }
      pos = end;
      if (end < limit) {
        skipLf = buf[end] == '\r';
        pos++;
        break;
      }
    }
    number++;
    if (outOfMemory) {
      return new Rejected(number, "MemoryError", "out of memory reading a line of " + total
          + " bytes (lower --max-line-bytes)");
    }
    if (total > maxLineBytes) {
      if (line.length > 4096) {
        line = new byte[256]; // give back what the long line took
      }
      return new Rejected(number, "ValueError", "longer than the limit of " + maxLineBytes
          + " bytes (--max-line-bytes)");
    }
    String bad = utf8Error(line, len);
    if (bad != null) {
      return new Rejected(number, "UnicodeDecodeError", bad);
    }
    return new Text(number, new String(line, 0, len, StandardCharsets.UTF_8));
  }

  /** Reports whether a line can be read now without waiting for more input. */
  boolean ready() {
    if (pos < limit) {
      return true;
    }
    try {
      return !eof && in.available() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = n < 0;
      pos = 0;
      limit = 0;
      return n == 0 ? fill() : false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  /**
   * Returns CPython's message for the first invalid UTF-8 sequence in {@code b[0..len)}, or null
   * when all of it is UTF-8. The rules are those of CPython's decoder ({@code
   * Objects/stringlib/codecs.h}, RFC 3629): no overlong forms (C0, C1, E0 80-9F, F0 80-8F), no
   * surrogates (ED A0-BF), nothing above U+10FFFF (F4 90-BF, F5-FF); a valid prefix cut by the end
   * of the line is "unexpected end of data" and covers the bytes present.
   */
  static String utf8Error(byte[] b, int len) {
    int i = 0;
    while (i < len) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int lo = 0x80;
      int hi = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
      } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        lo = c == 0xe0 ? 0xa0 : 0x80;
        hi = c == 0xed ? 0x9f : 0xbf;
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        lo = c == 0xf0 ? 0x90 : 0x80;
        hi = c == 0xf4 ? 0x8f : 0xbf;
      } else {
        return decodeError(b, i, 1, "invalid start byte");
      }
      for (int k = 1; k <= need; k++) {
        if (i + k >= len) {
          return decodeError(b, i, k, "unexpected end of data");
        }
        int d = b[i + k] & 0xff;
        int l = k == 1 ? lo : 0x80;
        int h = k == 1 ? hi : 0xbf;
        if (d < l || d > h) {
          return decodeError(b, i, k, "invalid continuation byte");
        }
      }
      i += need + 1;
    }
    return null;
  }

  private static String decodeError(byte[] b, int start, int length, String reason) {
    String where = length == 1
        ? String.format("byte 0x%02x in position %d", b[start] & 0xff, start)
        : "bytes in position " + start + "-" + (start + length - 1);
    return "'utf-8' codec can't decode " + where + ": " + reason;
  }
}
