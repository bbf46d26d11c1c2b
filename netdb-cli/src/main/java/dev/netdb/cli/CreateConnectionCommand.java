package dev.netdb.cli;

import dev.netdb.AddressFamily;
import dev.netdb.ConnectAttempt;
import dev.netdb.ConnectOptions;
import dev.netdb.ExceptionGroupException;
import dev.netdb.HappyEyeballsOptions;
import dev.netdb.Inet;
import dev.netdb.NetDbException;
import dev.netdb.SystemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code create_connection HOST PORT [--timeout S] [--source-address IP[:PORT]] [--all-errors]
 * [--happy-eyeballs-delay S] [--interleave N]}: connects as Python's {@code
 * socket.create_connection} does (or with Happy Eyeballs when a delay is given), prints each
 * attempt as it ends (address, start offset, outcome, elapsed) and the peer of the winner, then
 * closes. With {@code --json} the same is one object. Status: 0 connected, 2 every attempt failed,
 * 1 usage error.
 */
final class CreateConnectionCommand {
  /** The command's name, Python's function's. */
  static final String NAME = "create_connection";
  static final String SYNOPSIS = "create_connection HOST PORT [--timeout S]"
      + " [--source-address IP[:PORT]] [--all-errors] [--happy-eyeballs-delay S] [--interleave N]";

  private final Writer out;

  CreateConnectionCommand(Writer out) {
    this.out = out;
  }

  /** The parsed command line. */
  record Request(String host, String port, ConnectOptions options) {}

  /** Parses the words after the command name, or throws {@link UsageException}. */
  static Request parse(List<String> words) {
    List<String> positional = new ArrayList<>();
    ConnectOptions o = ConnectOptions.python();
    Double delay = null;
    Integer interleave = null;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      switch (w) {
        case "--all-errors" -> o = o.withAllErrors(true);
        case "--timeout" -> o = o.withTimeout(seconds(w, value(words, ++i, w)));
        case "--source-address" -> {
          String[] hp = hostPort(value(words, ++i, w));
          o = o.withSourceAddress(hp[0], hp[1] == null ? 0 : port(w, hp[1]));
        }
        case "--happy-eyeballs-delay" -> delay = number(w, value(words, ++i, w));
        case "--interleave" -> {
          int n = port(w, value(words, ++i, w));
          if (n < 1) {
            throw new UsageException(NAME + ": --interleave takes a count of at least 1");
          }
          interleave = n;
        }
        default -> {
          if (w.startsWith("--")) {
            throw new UsageException(NAME + ": unknown option '" + w + "'");
          }
          positional.add(w);
        }
      }
    }
    if (positional.size() != 2) {
      throw new UsageException(NAME + " takes HOST and PORT, got " + positional.size()
          + " arguments");
    }
    if (interleave != null && delay == null) {
      throw new UsageException(NAME + ": --interleave needs --happy-eyeballs-delay");
    }
    if (delay != null) {
      var he = HappyEyeballsOptions.defaults()
          .withAttemptDelay(Duration.ofNanos((long) (delay * 1e9)))
          .withFirstAddressFamilyCount(interleave == null ? 1 : interleave);
      o = o.withHappyEyeballs(he);
    }
    return new Request(positional.get(0), positional.get(1), o);
  }

  /** Connects, prints, closes; returns the exit status. */
  int run(Session session, List<String> words) throws IOException {
    Request r = parse(words);
    boolean json = session.options().json();
    List<ConnectAttempt> attempts = new ArrayList<>();
    ConnectOptions o = r.options().withOnAttempt(a -> {
      attempts.add(a);
      if (!json) {
        write(attemptLine(a));
      }
    });
    SocketChannel ch = null;
    NetDbException error = null;
    try {
      ch = session.netDb().createConnection(r.host(), r.port(), o);
    } catch (NetDbException e) {
      error = e;
    }
    SocketAddress peer = ch == null ? null : ch.getRemoteAddress();
    if (ch != null) {
      ch.close();
    }
    StringBuilder sb = new StringBuilder();
    if (json) {
      json(sb, r, attempts, peer, error);
    } else if (error == null) {
      sb.append("connected to ").append(address(peer)).append('\n');
    } else {
      sb.append("ERROR: ").append(error.pythonStr()).append('\n');
    }
    write(sb.toString());
    return error == null ? 0 : 2;
  }

  private void write(String s) {
    try {
      out.write(s);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns one text line: address, start offset, outcome, elapsed (and the error). */
  static String attemptLine(ConnectAttempt a) {
    StringBuilder b = new StringBuilder();
    GetentCommand.padRight(b, address(a.address()), 24);
    b.append(String.format(Locale.ROOT, " start %8.1f ms  ", millis(a.start())));
    String outcome = a.outcome().name().toLowerCase(Locale.ROOT);
    b.append(String.format(Locale.ROOT, "%s after %.1f ms", outcome, millis(a.elapsed())));
    if (a.error() != null) {
      b.append(": ").append(a.error().pythonStr());
    }
    return b.append('\n').toString();
  }

  private static void json(StringBuilder sb, Request r, List<ConnectAttempt> attempts,
      SocketAddress peer, NetDbException error) {
    sb.append("{\"call\": [");
    JsonWriter.string(sb, r.host());
    sb.append(", ");
    if (r.port().chars().allMatch(Character::isDigit) && !r.port().isEmpty()
        && r.port().length() < 10) {
      sb.append(Integer.parseInt(r.port()));
    } else {
      JsonWriter.string(sb, r.port());
    }
    sb.append("], \"attempts\": [");
    for (int i = 0; i < attempts.size(); i++) {
      ConnectAttempt a = attempts.get(i);
      sb.append(i == 0 ? "{" : ", {").append("\"address\": ");
      JsonWriter.string(sb, address(a.address()));
      sb.append(String.format(Locale.ROOT, ", \"start\": %.6f, \"outcome\": ",
          a.start().toNanos() / 1e9));
      JsonWriter.string(sb, a.outcome().name().toLowerCase(Locale.ROOT));
      sb.append(String.format(Locale.ROOT, ", \"elapsed\": %.6f, \"error\": ",
          a.elapsed().toNanos() / 1e9));
      if (a.error() == null) {
        sb.append("null");
      } else {
        error(sb, a.error());
      }
      sb.append('}');
    }
    sb.append(']');
    if (error == null) {
      sb.append(", \"result\": {\"peer\": ");
      peer(sb, peer);
      sb.append('}');
    } else {
      sb.append(", \"error\": ");
      error(sb, error);
    }
    sb.append("}\n");
  }

  private static void error(StringBuilder sb, NetDbException e) {
    sb.append("{\"type\": ");
    JsonWriter.string(sb, e instanceof SystemException s ? s.pythonClass() : e.kind().pythonName());
    var code = e.code();
    sb.append(", \"code\": ").append(code.isPresent() ? Integer.toString(code.getAsInt()) : "null");
    sb.append(", \"message\": ");
    JsonWriter.string(sb, e.pythonMessage());
    if (e instanceof ExceptionGroupException g) {
      sb.append(", \"exceptions\": [");
      for (int i = 0; i < g.exceptions().size(); i++) {
        sb.append(i == 0 ? "" : ", ");
        error(sb, g.exceptions().get(i));
      }
      sb.append(']');
    }
    sb.append('}');
  }

  /** Writes Python's {@code getpeername()}: {@code [host, port]}, or 4 items for IPv6. */
  private static void peer(StringBuilder sb, SocketAddress a) {
    if (!(a instanceof InetSocketAddress i)) {
      JsonWriter.string(sb, String.valueOf(a));
      return;
    }
    byte[] b = i.getAddress().getAddress();
    sb.append('[');
    JsonWriter.string(sb, Inet.ntop(b.length == 4 ? AddressFamily.INET : AddressFamily.INET6, b));
    sb.append(", ").append(i.getPort());
    if (b.length == 16) {
      int scope = i.getAddress() instanceof Inet6Address v6 ? v6.getScopeId() : 0;
      sb.append(", 0, ").append(scope);
    }
    sb.append(']');
  }

  /** Returns {@code 127.0.0.1:80} or {@code [::1]:80}, with inet_ntop's text. */
  static String address(SocketAddress a) {
    if (!(a instanceof InetSocketAddress i)) {
      return String.valueOf(a);
    }
    byte[] b = i.getAddress().getAddress();
    if (b.length == 4) {
      return Inet.ntop(AddressFamily.INET, b) + ":" + i.getPort();
    }
    String host = Inet.ntop(AddressFamily.INET6, b);
    if (i.getAddress() instanceof Inet6Address v6 && v6.getScopeId() != 0) {
      host += "%" + v6.getScopeId();
    }
    return "[" + host + "]:" + i.getPort();
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }

  private static String value(List<String> words, int i, String option) {
    if (i >= words.size()) {
      throw new UsageException(NAME + ": " + option + " needs a value");
    }
    return words.get(i);
  }

  private static double number(String option, String text) {
    double d;
    try {
      d = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new UsageException(NAME + ": " + option + " takes seconds, not '" + text + "'");
    }
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw new UsageException(NAME + ": " + option + " takes seconds, not '" + text + "'");
    }
    return d;
  }

  private static Duration seconds(String option, String text) {
    return Duration.ofNanos((long) (number(option, text) * 1e9));
  }

  private static int port(String option, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageException(NAME + ": " + option + " takes a number, not '" + text + "'");
    }
  }

  /** Splits {@code IP}, {@code IP:PORT}, {@code [IPv6]:PORT} or a bare IPv6 address. */
  static String[] hostPort(String s) {
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new UsageException(NAME + ": --source-address: missing ']' in '" + s + "'");
      }
      String rest = s.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new UsageException(NAME + ": --source-address: junk after ']' in '" + s + "'");
      }
      return new String[] {s.substring(1, close), rest.isEmpty() ? null : rest.substring(1)};
    }
    int colon = s.indexOf(':');
    if (colon >= 0 && colon == s.lastIndexOf(':')) {
      return new String[] {s.substring(0, colon), s.substring(colon + 1)};
    }
    return new String[] {s, null};
  }
}
