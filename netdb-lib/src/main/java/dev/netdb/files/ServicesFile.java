package dev.netdb.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a services file ({@code services(5)}) exactly as glibc 2.36's {@code nss_files} does.
 *
 * <p>Each line is {@code name port/proto alias...}; the line parser is glibc's
 * {@code files-service.c} ({@code STRING_FIELD} name, {@code INT_FIELD} port ending at {@code /},
 * {@code STRING_FIELD} proto, whitespace-separated aliases) with the line rules of {@link
 * NssLines}. What the parser accepts was measured against Python 3.11 and {@code getent} on Debian's
 * glibc 2.36-9+deb12u14, which differs from the upstream source in its number rule: the port is
 * read with {@code strtoul} in base 0 ({@code 0x50} is 80, {@code 010} is 8) and a value that does
 * not fit in 32 bits, including any negative one but {@code -0}, makes the line bad. A value that
 * fits is truncated to 16 bits, as {@code htons} does ({@code 70000} is 4464). A missing proto
 * ({@code "a 80"} or {@code "a 80/"}) gives the empty protocol, which only {@code proto=""} finds.
 *
 * <p>Parsing never throws: a bad line is skipped, as glibc skips it, and reported as a {@link
 * Diagnostic}.
 */
public final class ServicesFile {
  private ServicesFile() {}

  /** Parses the bytes of a services file. */
  public static ParseResult<Servent> parse(byte[] data) {
    List<Servent> entries = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    int[] count = {0};
    int[] end = new int[1];
    NssLines.forEachDataLine(
        data,
        (number, raw, line) -> {
          count[0]++;
          String reason = parseLine(line, end, entries);
          if (reason != null) {
            diagnostics.add(new Diagnostic(number, NssLines.text(raw, 0, raw.length), reason));
          }
        });
    return new ParseResult<>(entries, diagnostics, count[0]);
  }

  /** Parses one line into {@code out}; returns null, or why the line is skipped. */
  /**
   * Returns the first entry named or aliased {@code name} whose protocol is {@code proto} (any
   * when null), scanning {@code data} only as far as that entry, as glibc's files module reads the
   * file on each {@code getservbyname_r} call; null when there is none. Same answers as {@link
   * ServicesDatabase#serviceByName}, without building an index.
   */
  public static Servent findByName(byte[] data, String name, String proto) {
    return first(data, name, -1, proto);
  }

  /**
   * Returns the first entry on {@code port} (its low 16 bits, as after {@code htons}) whose
   * protocol is {@code proto} (any when null), as {@link #findByName} scans; null when none.
   */
  public static Servent findByPort(byte[] data, int port, String proto) {
    return first(data, null, port & 0xffff, proto);
  }

  private static Servent first(byte[] data, String name, int port, String proto) {
    List<Servent> found = new ArrayList<>(1);
    int[] end = new int[1];
    NssLines.scanDataLines(
        data,
        (number, raw, line) -> {
          if (parseLine(line, end, found) != null) {
            return false;
          }
          Servent e = found.getLast();
          boolean match =
              (proto == null || e.protocol().equals(proto))
                  && (name == null ? e.port() == port
                      : e.name().equals(name) || e.aliases().contains(name));
          if (!match) {
            found.clear();
          }
          return match;
        });
    return found.isEmpty() ? null : found.getFirst();
  }

  private static String parseLine(byte[] line, int[] end, List<Servent> out) {
    int n = line.length;
    int i = 0;
    while (i < n && !NssLines.isSpace(line[i])) {
      i++;
    }
    String name = NssLines.text(line, 0, i);
    while (i < n && NssLines.isSpace(line[i])) {
      i++;
    }
    // INT_FIELD (s_port, ISSLASH, base, swallow 0, htons)
    long value = NssLines.strtoul(line, i, 0, end);
    if (end[0] == i) {
      return i == n ? "no port number" : "port is not a number";
    }
    if (Long.compareUnsigned(value, 0xffffffffL) > 0) {
      return "port number out of range";
    }
    i = end[0];
    if (i < n && line[i] == '/') {
      i++; // exactly one slash is swallowed
    } else if (i < n) {
      return "port number not followed by '/'";
    }
    int protoFrom = i;
    while (i < n && !NssLines.isSpace(line[i])) {
      i++;
    }
    String proto = NssLines.text(line, protoFrom, i);
    List<String> aliases = aliases(line, i);
    out.add(new Servent(name, aliases, (int) (value & 0xffff), proto));
    return null;
  }

  /** Splits the rest of a line into whitespace-separated aliases ({@code parse_list}). */
  static List<String> aliases(byte[] line, int from) {
    List<String> aliases = new ArrayList<>(2);
    int i = from;
    int n = line.length;
    while (i < n) {
      while (i < n && NssLines.isSpace(line[i])) {
        i++;
      }
      int start = i;
      while (i < n && !NssLines.isSpace(line[i])) {
        i++;
      }
      if (i > start) {
        aliases.add(NssLines.text(line, start, i));
      }
    }
    return aliases;
  }
}
