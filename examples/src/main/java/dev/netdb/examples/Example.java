package dev.netdb.examples;

import dev.netdb.NetDb;
import dev.netdb.NetDbException;
import dev.netdb.PythonErrorKind;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared plumbing of the chapter's example twins: the {@code [--backend os|java] [VALUE...]}
 * arguments, Python's {@code repr} of the values they print, and Python's treatment of uncaught
 * exceptions (a traceback line on stderr, exit status 1).
 */
final class Example {
  /** The arguments of a run: the back end and the values that replace the chapter's defaults. */
  static final class Args {
    private final String backend;
    private final List<String> values;
    private NetDb netDb;

    Args(String backend, List<String> values) {
      this.backend = backend;
      this.values = List.copyOf(values);
    }

    /** Creates an argument set with a given back end, for tests. */
    Args(NetDb netDb, List<String> values) {
      this((String) null, values);
      this.netDb = netDb;
    }

    /** Returns the given values, or the chapter's defaults when none were given. */
    List<String> valuesOr(List<String> defaults) {
      return values.isEmpty() ? defaults : values;
    }

    /** Returns the back end, created on first use (the packing programs never need one). */
    NetDb netDb() {
      if (netDb == null) {
        netDb = backend == null ? NetDb.system() : switch (backend) {
          case "os" -> NetDb.os();
          case "java" -> NetDb.java();
          default -> throw new IllegalArgumentException("--backend takes os or java");
        };
      }
      return netDb;
    }
  }

  /** Signals an exception the Python program does not catch. */
  static final class Uncaught extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Uncaught(String message) {
      super(message, null, false, false);
    }
  }

  /** A program body that writes to a stream. */
  interface Body {
    /** Runs the program. */
    void run(Args args, PrintStream out);
  }

  private Example() {}

  /** Parses {@code [--backend os|java] [VALUE...]}. */
  static Args parse(String[] argv) {
    String backend = null;
    List<String> values = new ArrayList<>();
    for (int i = 0; i < argv.length; i++) {
      if (argv[i].equals("--backend") && i + 1 < argv.length) {
        backend = argv[++i];
      } else {
        values.add(argv[i]);
      }
    }
    return new Args(backend, values);
  }

  /** Runs a program as its {@code main}: exit status 1 and a Python-style last line on errors. */
  static void main(Body body, String[] argv) {
    try {
      body.run(parse(argv), System.out);
      System.out.flush();
    } catch (Uncaught e) {
      System.out.flush();
      System.err.println(e.getMessage());
      System.exit(1);
    } catch (NetDbException e) {
      System.out.flush();
      System.err.println(uncaught(e).getMessage());
      System.exit(1);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      System.out.flush();
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Reports whether Python's {@code except socket.error} (OSError) catches the failure. */
  static boolean isOsError(NetDbException e) {
    return e.kind() == PythonErrorKind.GAIERROR || e.kind() == PythonErrorKind.HERROR
        || e.kind() == PythonErrorKind.OSERROR;
  }

  /** Returns the last line Python prints for an uncaught exception, such as {@code socket.gaierror: ...}. */
  static Uncaught uncaught(NetDbException e) {
    String type = switch (e.kind()) {
      case GAIERROR -> "socket.gaierror";
      case HERROR -> "socket.herror";
      default -> e.kind().pythonName();
    };
    return new Uncaught(type + ": " + e.pythonStr());
  }

  /** Returns Python's {@code repr} of a str. */
  static String repr(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder b = new StringBuilder().append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == q || c == '\\') {
        b.append('\\').append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append(q).toString();
  }

  /** Returns Python's {@code repr} of a list of str. */
  static String repr(List<String> items) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      b.append(i > 0 ? ", " : "").append(repr(items.get(i)));
    }
    return b.append(']').toString();
  }

  /** Returns what {@code print(binascii.hexlify(packed))} shows: {@code b'7f000001'}. */
  static String hexlify(byte[] packed) {
    StringBuilder b = new StringBuilder("b'");
    for (byte x : packed) {
      b.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
    }
    return b.append('\'').toString();
  }

  /** Returns Python's {@code '{:>N}'.format(s)}. */
  static String right(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }

  /** Returns Python's {@code '{:<N}'.format(s)}. */
  static String left(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
