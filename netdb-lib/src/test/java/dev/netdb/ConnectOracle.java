package dev.netdb;

import dev.netdb.testing.Requirements;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs connect cases through Python ({@code connect_oracle.py}, {@code /usr/bin/python3}) and
 * renders netdb's outcomes in the same JSON, so that the two compare as strings. Only numeric
 * addresses, paths and hosts-file names may be passed outside the oracle namespace.
 */
final class ConnectOracle {
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  private ConnectOracle() {}

  /** Returns the oracle script's text (for running it inside the namespace too). */
  static String script() {
    try (InputStream in = ConnectOracle.class.getResourceAsStream("connect_oracle.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Returns Python's outcome line for each case, run in one process. */
  static List<String> python(List<String> cases) throws IOException, InterruptedException {
    Requirements.require(Files.isExecutable(PYTHON), "/usr/bin/python3 missing (the oracle)");
    Path script = Files.createTempFile("netdb-connect-oracle", ".py");
    try {
      Files.writeString(script, script());
      Process p = new ProcessBuilder(PYTHON.toString(), script.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try (var w = p.outputWriter(StandardCharsets.UTF_8)) {
        for (String c : cases) {
          w.write(c + "\n");
        }
      }
      List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .lines().toList();
      p.waitFor();
      return out;
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** Returns a case line, as JSON, from alternating keys and values. */
  static String json(Object... kv) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < kv.length; i += 2) {
      b.append(i == 0 ? "" : ", ");
      str(b, (String) kv[i]);
      b.append(": ");
      value(b, kv[i + 1]);
    }
    return b.append('}').toString();
  }

  private static void value(StringBuilder b, Object v) {
    switch (v) {
      case null -> b.append("null");
      case String s -> str(b, s);
      case Boolean x -> b.append(x ? "true" : "false");
      case Number n -> b.append(n);
      case List<?> l -> {
        b.append('[');
        for (int i = 0; i < l.size(); i++) {
          b.append(i == 0 ? "" : ", ");
          value(b, l.get(i));
        }
        b.append(']');
      }
      case Raw r -> b.append(r.json());
      case Map<?, ?> m -> throw new IllegalArgumentException("no maps: " + m);
      default -> b.append(v);
    }
  }

  private static void str(StringBuilder b, String s) {
    b.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** Renders a netdb error as the oracle does: Python's class, errno, {@code str(exc)}. */
  static String error(NetDbException e) {
    String type = switch (e) {
      case SystemException s -> s.pythonClass();
      default -> e.kind().pythonName();
    };
    Object errno = e.code().isPresent() ? e.code().getAsInt() : null;
    if (e instanceof ExceptionGroupException g) {
      List<Object> sub = new ArrayList<>();
      for (NetDbException x : g.exceptions()) {
        sub.add(new Raw(error(x)));
      }
      return json("type", type, "errno", errno, "str", e.pythonStr(), "sub", sub);
    }
    return json("type", type, "errno", errno, "str", e.pythonStr());
  }

  /** Already-rendered JSON. */
  private record Raw(String json) {}

  /** Renders netdb's outcome of a connect as the oracle renders Python's. */
  static String connect(Supplier<SocketChannel> call) {
    try (SocketChannel ch = call.get()) {
      return json("ok", true, "peer", sockaddr(ch.getRemoteAddress()), "local",
          host(ch.getLocalAddress()));
    } catch (NetDbException e) {
      return error(e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Renders netdb's outcome of a server as the oracle renders Python's. */
  static String server(Supplier<ServerSocketChannel> call) {
    try (ServerSocketChannel s = call.get()) {
      SocketAddress a = s.getLocalAddress();
      String family = a instanceof UnixDomainSocketAddress ? "AF_UNIX"
          : ((InetSocketAddress) a).getAddress() instanceof Inet6Address ? "AF_INET6" : "AF_INET";
      return json("ok", true, "family", family, "host", host(a));
    } catch (NetDbException e) {
      return error(e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Object sockaddr(SocketAddress a) {
    if (a instanceof InetSocketAddress i) {
      if (i.getAddress() instanceof Inet6Address v6) {
        return List.of(host(a), i.getPort(), 0, v6.getScopeId());
      }
      return List.of(host(a), i.getPort());
    }
    return host(a);
  }

  static String host(SocketAddress a) {
    if (a instanceof InetSocketAddress i) {
      byte[] b = i.getAddress().getAddress();
      return Inet.ntop(b.length == 4 ? AddressFamily.INET : AddressFamily.INET6, b);
    }
    return ((UnixDomainSocketAddress) a).getPath().toString();
  }
}
