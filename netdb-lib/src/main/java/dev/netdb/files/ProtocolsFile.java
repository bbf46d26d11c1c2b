package dev.netdb.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a protocols file ({@code protocols(5)}) exactly as glibc 2.36's {@code nss_files} does.
 *
 * <p>Each line is {@code name number alias...}; the line parser is glibc's {@code files-proto.c}
 * ({@code STRING_FIELD} name, {@code INT_FIELD} number in base 10 ending at whitespace, then
 * aliases) with the line rules of {@link NssLines}. As measured against Python 3.11 and {@code
 * getent} on Debian's glibc 2.36: {@code 010} is 10, {@code 0x10} makes the line bad, a value that
 * does not fit in 32 bits (any negative one but {@code -0}) makes the line bad, and a value above
 * {@code INT_MAX} wraps ({@code 4294967295} is -1), since {@code p_proto} is an {@code int}.
 *
 * <p>Parsing never throws: a bad line is skipped and reported as a {@link Diagnostic}.
 */
public final class ProtocolsFile {
  private ProtocolsFile() {}

  /** Parses the bytes of a protocols file. */
  public static ParseResult<Protoent> parse(byte[] data) {
    List<Protoent> entries = new ArrayList<>();
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

  /**
   * Returns the first entry named or aliased {@code name}, scanning {@code data} only as far as
   * that entry, as glibc's files module reads the file on each {@code getprotobyname_r} call;
   * null when there is none. Same answers as {@link ProtocolsDatabase#protocolByName}.
   */
  public static Protoent findByName(byte[] data, String name) {
    return first(data, name, 0);
  }

  /** Returns the first entry numbered {@code number}, as {@link #findByName} scans; or null. */
  public static Protoent findByNumber(byte[] data, int number) {
    return first(data, null, number);
  }

  private static Protoent first(byte[] data, String name, int number) {
    List<Protoent> found = new ArrayList<>(1);
    int[] end = new int[1];
    NssLines.scanDataLines(
        data,
        (lineNumber, raw, line) -> {
          if (parseLine(line, end, found) != null) {
            return false;
          }
          Protoent e = found.getLast();
          boolean match =
              name == null ? e.number() == number
                  : e.name().equals(name) || e.aliases().contains(name);
          if (!match) {
            found.clear();
          }
          return match;
        });
    return found.isEmpty() ? null : found.getFirst();
  }

  private static String parseLine(byte[] line, int[] end, List<Protoent> out) {
    int n = line.length;
    int i = 0;
    while (i < n && !NssLines.isSpace(line[i])) {
      i++;
    }
    String name = NssLines.text(line, 0, i);
    while (i < n && NssLines.isSpace(line[i])) {
      i++;
    }
    // INT_FIELD (p_proto, isspace, swallow 1, base 10, no conversion)
    long value = NssLines.strtoul(line, i, 10, end);
    if (end[0] == i) {
      return i == n ? "no protocol number" : "protocol number is not a number";
    }
    if (Long.compareUnsigned(value, 0xffffffffL) > 0) {
      return "protocol number out of range";
    }
    i = end[0];
    if (i < n && !NssLines.isSpace(line[i])) {
      return "protocol number not followed by whitespace";
    }
    out.add(new Protoent(name, ServicesFile.aliases(line, i), (int) value));
    return null;
  }
}
