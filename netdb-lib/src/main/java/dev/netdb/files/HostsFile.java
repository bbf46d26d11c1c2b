package dev.netdb.files;

import dev.netdb.text.IpLiterals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The hosts file, parsed and looked up with glibc 2.36's {@code nss_files/files-hosts.c} rules.
 *
 * <ul>
 *   <li>{@code #} starts a comment anywhere on a line; fields are separated by C whitespace; the
 *       first field is the address, the second the official name, the rest aliases.
 *   <li>The address column is parsed with {@code inet_pton}, so {@code 0x7f.1} and {@code
 *       fe80::1%lo} lines are ignored (reported as diagnostics).
 *   <li>Names match case-insensitively (ASCII, as {@code strcasecmp} in the C locale) and exactly:
 *       a trailing dot is not folded.
 * </ul>
 *
 * <p>Parsing never throws; bad lines are skipped and described in {@link #diagnostics()}. The
 * text is taken byte for byte (ISO-8859-1), as C sees it.
 */
public final class HostsFile {
  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;

  /** One valid line: its number, its packed address (4 or 16 bytes), official name and aliases. */
  public record Line(int number, byte[] address, String name, List<String> aliases) {
    /** Creates a line; the address is copied. */
    public Line {
      address = address.clone();
      Objects.requireNonNull(name, "name");
      aliases = List.copyOf(aliases);
    }

    @Override
    public byte[] address() {
      return address.clone();
    }

    boolean hasName(String n) {
      if (asciiEqualsIgnoreCase(n, name)) {
        return true;
      }
      for (String a : aliases) {
        if (asciiEqualsIgnoreCase(n, a)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Returns the address as glibc's line parser yields it for a lookup in {@code af}, or null when
     * the line is ignored for that family. For {@code AF_INET}, {@code ::ffff:a.b.c.d} becomes
     * a.b.c.d and {@code ::1} becomes 127.0.0.1; other IPv6 lines are skipped. For {@code AF_INET6}
     * IPv4 lines are skipped (their text is not an IPv6 address).
     */
    byte[] addressFor(int af) {
      return switch (af) {
        case AF_INET -> {
          if (address.length == 4) {
            yield address;
          }
          if (IpLiterals.isV4Mapped(address)) {
            yield Arrays.copyOfRange(address, 12, 16);
          }
          yield IpLiterals.isV6Loopback(address) ? new byte[] {127, 0, 0, 1} : null;
        }
        case AF_INET6 -> address.length == 16 ? address : null;
        default -> address;
      };
    }
  }

  /**
   * The result of a forward lookup: the first matching line's official name, the merged aliases
   * and every address in file order (not de-duplicated, as glibc does not).
   */
  public record Match(String name, List<String> aliases, List<byte[]> addresses) {
    /** Creates a match; the lists become immutable. */
    public Match {
      Objects.requireNonNull(name, "name");
      aliases = List.copyOf(aliases);
      addresses = List.copyOf(addresses);
    }
  }

  private final List<Line> lines;
  private final List<String> diagnostics;

  private HostsFile(List<Line> lines, List<String> diagnostics) {
    this.lines = List.copyOf(lines);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Returns a holder of the hosts file at {@code path}, checked for changes at most once per
   * {@code checkInterval} of {@code clock} (zero: every call, as glibc); a missing file has no lines.
   */
  public static ConfigFile<HostsFile> watch(
      java.nio.file.Path path, java.time.Duration checkInterval, java.util.function.LongSupplier clock) {
    return new ConfigFile<>(path, b -> parse(ConfigText.latin1(b)), HostsFile::diagnostics,
        checkInterval, clock, 0);
  }

  /** Parses hosts-file text; never throws. */
  public static HostsFile parse(String text) {
    List<Line> out = new ArrayList<>();
    List<String> diags = new ArrayList<>();
    int number = 0;
    int pos = 0;
    int n = text.length();
    while (pos < n) {
      int eol = text.indexOf('\n', pos);
      if (eol < 0) {
        eol = n;
      }
      number++;
      String raw = text.substring(pos, eol);
      pos = eol + 1;
      int hash = raw.indexOf('#');
      String line = hash >= 0 ? raw.substring(0, hash) : raw;
      int nul = line.indexOf('\0');
      if (nul >= 0) {
        line = line.substring(0, nul);
      }
      List<String> fields = fields(line);
      if (fields.isEmpty()) {
        continue;
      }
      String addr = fields.get(0);
      byte[] packed = IpLiterals.pton4(addr);
      if (packed == null) {
        packed = IpLiterals.pton6(addr);
      }
      if (packed == null) {
        diags.add("line " + number + ": ignored, address not valid for inet_pton: " + addr);
        continue;
      }
      // glibc: a line with only an address has an empty official name.
      String name = fields.size() > 1 ? fields.get(1) : "";
      out.add(new Line(number, packed, name, fields.subList(Math.min(2, fields.size()), fields.size())));
    }
    return new HostsFile(out, diags);
  }

  /** Returns the valid lines in file order. */
  public List<Line> lines() {
    return lines;
  }

  /** Returns a description of each skipped line. */
  public List<String> diagnostics() {
    return diagnostics;
  }

  /**
   * Looks a name up as {@code gethostbyname2_r} ({@code af} = AF_INET or AF_INET6) or {@code
   * gethostbyname4_r} ({@code af} = AF_UNSPEC) of glibc's files module does; null when no line
   * matches. With {@code multi} (host.conf {@code multi on}) every matching line is merged: its
   * addresses are appended, then its aliases, then its official name when it differs (case
   * counts) from the first line's; nothing is de-duplicated. Without it only the first matching
   * line counts.
   */
  public Match byName(String name, int af, boolean multi) {
    String resultName = null;
    List<String> aliases = new ArrayList<>();
    List<byte[]> addrs = new ArrayList<>();
    for (Line l : lines) {
      byte[] a = l.addressFor(af);
      if (a == null || !l.hasName(name)) {
        continue;
      }
      if (resultName == null) {
        resultName = l.name();
        aliases.addAll(l.aliases());
      } else {
        // glibc 2.36 (checked against it): a later line adds its aliases as they are, then its
        // official name unless that is byte-for-byte the first line's.
        aliases.addAll(l.aliases());
        if (!resultName.equals(l.name())) {
          aliases.add(l.name());
        }
      }
      addrs.add(a.clone());
      if (!multi) {
        break;
      }
    }
    return resultName == null ? null : new Match(resultName, aliases, addrs);
  }

  /**
   * Returns the number of the first line that {@link #byName} would match for {@code name} and
   * {@code af}, or 0 when none does (for traces).
   */
  public int firstLine(String name, int af) {
    for (Line l : lines) {
      if (l.addressFor(af) != null && l.hasName(name)) {
        return l.number();
      }
    }
    return 0;
  }

  /**
   * Looks a packed address up as {@code gethostbyaddr_r} of glibc's files module does: the first
   * line whose address (as parsed for the address's family) is equal; null when none. A v4-mapped
   * IPv6 address does not match an IPv4 line.
   */
  public Line byAddress(byte[] address) {
    int af = address.length == 4 ? AF_INET : AF_INET6;
    for (Line l : lines) {
      byte[] a = l.addressFor(af);
      if (a != null && Arrays.equals(a, address)) {
        return l;
      }
    }
    return null;
  }

  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && IpLiterals.isCSpace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !IpLiterals.isCSpace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(line.substring(start, i));
      }
    }
    return out;
  }

  /** Compares as C {@code strcasecmp} in the C locale: only ASCII letters fold. */
  static boolean asciiEqualsIgnoreCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && lower(x) != lower(y)) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
