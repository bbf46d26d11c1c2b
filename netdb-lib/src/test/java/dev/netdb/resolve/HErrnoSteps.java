package dev.netdb.resolve;

import dev.netdb.NetDb;
import dev.netdb.NetDbException;
import dev.netdb.PythonErrorKind;
import java.util.List;

/**
 * Sequences of host calls for the h_errno differential suite, written once as tab-separated steps
 * and run three ways: as Python ({@link #python}), and through a {@link NetDb} ({@link #run}),
 * in-process for the java back end and by {@link HErrnoStepsMain} inside the oracle namespace for
 * the OS one. A step is {@code gai HOST FAMILY FLAGS [SERVICE]} (HOST {@code None} for a null
 * host), {@code ghbn HOST}, {@code ghbnex HOST}, {@code ghba HOST}, {@code gni HOST FLAGS} or
 * {@code fqdn [HOST]}; its outcome is {@code ok}, or the Python exception's type and errno.
 */
final class HErrnoSteps {
  private HErrnoSteps() {}

  /** Returns the Python expression of a step. */
  static String python(String step) {
    String[] f = step.split("\t", -1);
    return switch (f[0]) {
      case "gai" -> "socket.getaddrinfo(" + str(f[1]) + ", " + (f.length > 4 ? str(f[4]) : "None")
          + ", " + f[2] + ", 0, 0, " + f[3] + ")";
      case "ghbn" -> "socket.gethostbyname(" + str(f[1]) + ")";
      case "ghbnex" -> "socket.gethostbyname_ex(" + str(f[1]) + ")";
      case "ghba" -> "socket.gethostbyaddr(" + str(f[1]) + ")";
      case "gni" -> "socket.getnameinfo((" + str(f[1]) + ", 0), " + f[2] + ")";
      case "fqdn" -> f.length > 1 ? "socket.getfqdn(" + str(f[1]) + ")" : "socket.getfqdn()";
      default -> throw new IllegalArgumentException(step);
    };
  }

  private static String str(String s) {
    return s.equals("None") ? "None" : "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** The Python driver: one outcome line per expression line. */
  static final String DRIVER = """
      import socket, sys
      for line in sys.stdin:
          try:
              eval(line, {'socket': socket})
              print('ok')
          except OSError as e:
              name = type(e).__name__ if isinstance(e, (socket.gaierror, socket.herror)) else 'OSError'
              print(name, e.errno)
      """;

  /** Runs a step through {@code db} and returns its outcome as the driver prints it. */
  static String run(NetDb db, String step) {
    String[] f = step.split("\t", -1);
    try {
      switch (f[0]) {
        case "gai" -> db.getaddrinfo(host(f[1]), f.length > 4 ? f[4] : null, Integer.parseInt(f[2]), 0, 0,
            Integer.parseInt(f[3]));
        case "ghbn" -> db.gethostbyname(f[1]);
        case "ghbnex" -> db.gethostbynameEx(f[1]);
        case "ghba" -> db.gethostbyaddr(f[1]);
        case "gni" -> db.getnameinfo(f[1], 0, Integer.parseInt(f[2]));
        case "fqdn" -> {
          if (f.length > 1) {
            db.getfqdn(f[1]);
          } else {
            db.getfqdn();
          }
        }
        default -> throw new IllegalArgumentException(step);
      }
      return "ok";
    } catch (NetDbException e) {
      String name = e.kind() == PythonErrorKind.GAIERROR ? "gaierror"
          : e.kind() == PythonErrorKind.HERROR ? "herror" : "OSError";
      return name + " " + (e.code().isPresent() ? Integer.toString(e.code().getAsInt()) : "None");
    }
  }

  private static String host(String h) {
    return h.equals("None") ? null : h;
  }

  /** Returns the steps, each followed by the probes. */
  static List<String> withProbes(List<String> steps, List<String> probes) {
    return steps.stream().flatMap(s -> java.util.stream.Stream.concat(java.util.stream.Stream.of(s),
        probes.stream())).toList();
  }
}
