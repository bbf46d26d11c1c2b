package dev.netdb.files;

import dev.netdb.ProtocolEntry;
import dev.netdb.ServiceEntry;
import dev.netdb.python.Backend;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Formats and answers {@code getent services} and {@code getent protocols} as glibc 2.36's
 * {@code nss/getent.c} does, byte for byte, over either back end.
 *
 * <p>Lines are {@code printf("%-21s %d/%s", s_name, ntohs(s_port), s_proto)} and {@code
 * printf("%-21s %d", p_name, p_proto)}, each alias preceded by one space, then a newline. The
 * {@code %-21s} pads to 21 bytes, so a name's width is its UTF-8 length. Exit statuses are
 * getent's: 0 when every key was found (or when listing), 2 when any key was not.
 */
public final class GetentFormat {
  private GetentFormat() {}

  /** Exit status when every key was found. */
  public static final int FOUND = 0;

  /** Exit status when at least one key was not found ({@code getent}'s "not found"). */
  public static final int NOT_FOUND = 2;

  /** The lookups {@code getent} makes, answered by one back end. */
  public interface Source {
    /** {@code getservbyname(name, proto)}; null when not found. */
    ServiceEntry serviceByName(String name, String proto);

    /** {@code getservbyport(htons(port), proto)}; null when not found. */
    ServiceEntry serviceByPort(int port, String proto);

    /** {@code setservent}/{@code getservent} enumeration. */
    List<ServiceEntry> services();

    /** {@code getprotobyname(name)}; null when not found. */
    ProtocolEntry protocolByName(String name);

    /** {@code getprotobynumber(number)}; null when not found. */
    ProtocolEntry protocolByNumber(int number);

    /** {@code setprotoent}/{@code getprotoent} enumeration. */
    List<ProtocolEntry> protocols();

    /** Returns a source over the pure-Java databases. */
    static Source of(FilesDatabases db) {
      Objects.requireNonNull(db, "db");
      return new Source() {
        @Override public ServiceEntry serviceByName(String name, String proto) {
          return db.services().serviceByName(name, proto);
        }
        @Override public ServiceEntry serviceByPort(int port, String proto) {
          return db.services().serviceByPort(port, proto);
        }
        @Override public List<ServiceEntry> services() {
          return db.services().services();
        }
        @Override public ProtocolEntry protocolByName(String name) {
          return db.protocols().protocolByName(name);
        }
        @Override public ProtocolEntry protocolByNumber(int number) {
          return db.protocols().protocolByNumber(number);
        }
        @Override public List<ProtocolEntry> protocols() {
          return db.protocols().protocols();
        }
      };
    }

    /** Returns a source over a back end's libc-shaped calls. */
    static Source of(Backend backend) {
      Objects.requireNonNull(backend, "backend");
      return new Source() {
        @Override public ServiceEntry serviceByName(String name, String proto) {
          return backend.getservbyname(name, proto);
        }
        @Override public ServiceEntry serviceByPort(int port, String proto) {
          return backend.getservbyport(port, proto);
        }
        @Override public List<ServiceEntry> services() {
          return backend.services();
        }
        @Override public ProtocolEntry protocolByName(String name) {
          return backend.getprotobyname(name);
        }
        @Override public ProtocolEntry protocolByNumber(int number) {
          return backend.getprotobynumber(number);
        }
        @Override public List<ProtocolEntry> protocols() {
          return backend.protocols();
        }
      };
    }
  }

  /** Returns {@code entry} as one {@code getent services} line, newline included. */
  public static String serviceLine(ServiceEntry entry) {
    StringBuilder sb = new StringBuilder(48);
    padded(sb, entry.name()).append(' ').append(entry.port()).append('/').append(entry.protocol());
    return aliases(sb, entry.aliases());
  }

  /** Returns {@code entry} as one {@code getent protocols} line, newline included. */
  public static String protocolLine(ProtocolEntry entry) {
    StringBuilder sb = new StringBuilder(48);
    padded(sb, entry.name()).append(' ').append(entry.number());
    return aliases(sb, entry.aliases());
  }

  /**
   * Runs {@code getent services [KEY...]}: with no key lists the database; otherwise, per key, a
   * key {@code NAME[/PROTO]} whose name part is all decimal digits (first character a digit, value
   * 0-65535 by {@code strtol}) is looked up as a port, any other as a name; the text after the
   * first {@code /}, even empty, is the protocol.
   *
   * @return {@link #FOUND} or {@link #NOT_FOUND}
   */
  public static int services(Source source, List<String> keys, StringBuilder out) {
    if (keys.isEmpty()) {
      source.services().forEach(e -> out.append(serviceLine(e)));
      return FOUND;
    }
    int status = FOUND;
    for (String key : keys) {
      int slash = key.indexOf('/');
      String name = slash < 0 ? key : key.substring(0, slash);
      String proto = slash < 0 ? null : key.substring(slash + 1);
      long port = allDigits(name) ? strtol(name) : -1;
      ServiceEntry e =
          port >= 0 && port <= 65535
              ? source.serviceByPort((int) port, proto)
              : source.serviceByName(name, proto);
      if (e == null) {
        status = NOT_FOUND;
      } else {
        out.append(serviceLine(e));
      }
    }
    return status;
  }

  /**
   * Runs {@code getent protocols [KEY...]}: with no key lists the database; a key starting with a
   * digit is a number ({@code atol}, then cut to an {@code int}: {@code 4294967302} is 6), any other
   * a name.
   *
   * @return {@link #FOUND} or {@link #NOT_FOUND}
   */
  public static int protocols(Source source, List<String> keys, StringBuilder out) {
    if (keys.isEmpty()) {
      source.protocols().forEach(e -> out.append(protocolLine(e)));
      return FOUND;
    }
    int status = FOUND;
    for (String key : keys) {
      ProtocolEntry e =
          !key.isEmpty() && isDigit(key.charAt(0))
              ? source.protocolByNumber((int) strtol(key))
              : source.protocolByName(key);
      if (e == null) {
        status = NOT_FOUND;
      } else {
        out.append(protocolLine(e));
      }
    }
    return status;
  }

  private static StringBuilder padded(StringBuilder sb, String name) {
    sb.append(name);
    int width = name.getBytes(StandardCharsets.UTF_8).length; // printf pads bytes, not characters
    for (int i = width; i < 21; i++) {
      sb.append(' ');
    }
    return sb;
  }

  private static String aliases(StringBuilder sb, List<String> aliases) {
    for (String alias : aliases) {
      sb.append(' ').append(alias);
    }
    return sb.append('\n').toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Returns the leading decimal digits of {@code s} as {@code strtol} does, saturating. */
  private static long strtol(String s) {
    long v = 0;
    for (int i = 0; i < s.length() && isDigit(s.charAt(i)); i++) {
      int d = s.charAt(i) - '0';
      if (v > (Long.MAX_VALUE - d) / 10) {
        return Long.MAX_VALUE; // ERANGE
      }
      v = v * 10 + d;
    }
    return v;
  }
}
