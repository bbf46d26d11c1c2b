package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Compares {@code createConnection} (Python's exact mode), {@code createServer}, the AF_UNIX forms
 * and {@code hasDualstackIpv6} with CPython 3.11 call for call, on loopback servers this test
 * starts: numeric addresses and the system hosts file's {@code localhost} only (no name is looked
 * up anywhere). Each row runs through Python and through both back ends.
 */
class ConnectionOracleTest {
  /** One create_connection row: destination, timeout, source address, all_errors. */
  record Row(String host, int port, Double timeout, List<Object> source, boolean allErrors) {
    String json() {
      return ConnectOracle.json("op", "create_connection", "host", host, "port", port,
          "timeout", timeout, "source", source, "all_errors", allErrors);
    }

    String netdb(NetDb db) {
      ConnectOptions o = ConnectOptions.python().withAllErrors(allErrors);
      if (timeout != null) {
        o = o.withTimeout(Duration.ofNanos((long) (timeout * 1e9)));
      }
      if (source != null) {
        o = o.withSourceAddress((String) source.get(0), (Integer) source.get(1));
      }
      ConnectOptions opts = o;
      return ConnectOracle.connect(() -> db.createConnection(host, Integer.toString(port), opts));
    }
  }

  private static List<NetDb> backends() {
    List<NetDb> dbs = new ArrayList<>(List.of(NetDb.java()));
    if (NetDb.system().backendName().equals("os")) {
      dbs.add(NetDb.system());
    }
    return dbs;
  }

  @Test
  void createConnectionMatchesPython() throws Exception {
    try (LoopbackServers up = LoopbackServers.onFreePort().accepting("127.0.0.1").silent("::1");
        LoopbackServers closed = LoopbackServers.onFreePort()) {
      int p = up.port();
      int c = closed.port();
      List<Row> rows = List.of(
          new Row("127.0.0.1", p, null, null, false),
          new Row("localhost", p, null, null, false),
          new Row("127.1", p, null, null, false),
          new Row("::1", c, null, null, false),
          new Row("127.0.0.1", c, null, null, true),
          new Row("::1", p, 0.3, null, false),
          new Row("::1", p, 0.3, null, true),
          new Row("127.0.0.1", p, 0.0, null, false),
          new Row("127.0.0.1", p, 2.0, List.of("127.0.0.1", 0), false),
          new Row("127.0.0.1", p, null, List.of("", 0), false),
          new Row("127.0.0.1", p, null, List.of("::1", 0), false),
          new Row("127.0.0.1", p, null, List.of("::1", 0), true),
          new Row("::1", c, null, List.of("::1", 0), false),
          new Row("127.0.0.1", p, null, List.of("127.0.0.1", 70000), false),
          new Row("127.0.0.1", p, null, List.of("192.0.2.1", 0), false),
          new Row("::1", c, null, List.of("<broadcast>", 0), false),
          new Row("127.0.0.1", p, null, List.of("localhost", 0), false));
      List<String> python = ConnectOracle.python(rows.stream().map(Row::json).toList());
      assertThat(python).hasSize(rows.size());
      for (NetDb db : backends()) {
        for (int i = 0; i < rows.size(); i++) {
          assertThat(rows.get(i).netdb(db))
              .as("%s on %s", rows.get(i), db.backendName())
              .isEqualTo(python.get(i));
        }
      }
      assertThat(python.get(0)).contains("\"ok\": true");
      assertThat(python.get(5)).contains("TimeoutError");
    }
  }

  @Test
  void createServerMatchesPython() throws Exception {
    Path dir = Files.createTempDirectory("netdb-unix");
    try (LoopbackServers busy = LoopbackServers.onFreePort().accepting("127.0.0.1")) {
      String sock = dir.resolve("s.sock").toString();
      Files.createFile(Path.of(sock)); // bind on an existing path: EADDRINUSE
      String longPath = dir.resolve("x".repeat(120)).toString();
      String missing = dir.resolve("no/such/dir/s.sock").toString();
      record Srv(String host, int port, AddressFamily family, Integer backlog, boolean reusePort,
          boolean dualstack, String path) {}
      List<Srv> rows = List.of(
          new Srv("127.0.0.1", 0, AddressFamily.INET, null, false, false, null),
          new Srv("127.0.0.1", busy.port(), AddressFamily.INET, null, false, false, null),
          new Srv("::1", 0, AddressFamily.INET6, 5, false, false, null),
          new Srv("::1", 0, AddressFamily.INET6, null, false, true, null),
          new Srv("", 0, AddressFamily.INET6, null, false, true, null),
          new Srv("127.0.0.1", 0, AddressFamily.INET, null, false, true, null),
          new Srv("127.0.0.1", 0, AddressFamily.INET, null, true, false, null),
          new Srv("127.0.0.1", 70000, AddressFamily.INET, null, false, false, null),
          new Srv("::1", 0, AddressFamily.INET, null, false, false, null),
          new Srv("127.0.0.1", 0, AddressFamily.INET6, null, false, false, null),
          new Srv("192.0.2.1", 0, AddressFamily.INET, null, false, false, null),
          new Srv("localhost", 0, AddressFamily.INET, null, false, false, null),
          new Srv(null, 0, AddressFamily.UNIX, null, false, false, sock),
          new Srv(null, 0, AddressFamily.UNIX, null, false, false, longPath),
          new Srv(null, 0, AddressFamily.UNIX, null, false, false, missing),
          new Srv(null, 0, AddressFamily.UNIX, null, false, true, dir.resolve("d").toString()),
          new Srv(null, 0, AddressFamily.UNIX, 3, false, false, dir.resolve("ok").toString()));
      List<String> cases = rows.stream().map(r -> ConnectOracle.json("op", "create_server",
          "host", r.host(), "port", r.port(), "family", r.family().pythonName(),
          "backlog", r.backlog(), "reuse_port", r.reusePort(), "dualstack", r.dualstack(),
          "path", r.path())).toList();
      List<String> python = ConnectOracle.python(cases);
      Files.deleteIfExists(dir.resolve("ok"));
      for (NetDb db : backends()) {
        for (int i = 0; i < rows.size(); i++) {
          Srv r = rows.get(i);
          ServerOptions o = new ServerOptions(r.family(), r.backlog(), r.reusePort(),
              r.dualstack());
          Supplier<java.nio.channels.ServerSocketChannel> call = r.path() == null
              ? () -> db.createServer(r.host(), r.port(), o)
              : () -> db.createServer(UnixDomainSocketAddress.of(r.path()), o);
          assertThat(ConnectOracle.server(call)).as("%s on %s", r, db.backendName())
              .isEqualTo(python.get(i));
          Files.deleteIfExists(dir.resolve("ok"));
        }
      }
      assertThat(python.getFirst()).contains("\"ok\": true");
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  void unixConnectMatchesPython() throws Exception {
    Path dir = Files.createTempDirectory("netdb-unix");
    NetDb db = NetDb.java();
    String live = dir.resolve("live.sock").toString();
    String stale = dir.resolve("stale.sock").toString();
    try (var server = db.createServer(UnixDomainSocketAddress.of(live), ServerOptions.python())) {
      assertThat(server.isOpen()).isTrue();
      db.createServer(UnixDomainSocketAddress.of(stale), ServerOptions.python()).close();
      List<String> paths = List.of(live, stale, dir.resolve("missing.sock").toString(),
          dir.resolve("y".repeat(110)).toString(), "/" + "z".repeat(106));
      List<String> python = ConnectOracle.python(paths.stream()
          .map(p -> ConnectOracle.json("op", "unix_connect", "path", p, "timeout", 1.0)).toList());
      for (int i = 0; i < paths.size(); i++) {
        String p = paths.get(i);
        String netdb;
        try (var ch = db.createConnection(NetDb.unixAddress(p),
            ConnectOptions.python().withTimeout(Duration.ofSeconds(1)))) {
          netdb = ConnectOracle.json("ok", true, "peer", ConnectOracle.host(ch.getRemoteAddress()));
        } catch (NetDbException e) {
          netdb = ConnectOracle.error(e);
        }
        if (p.length() == 107) {
          // Python accepts 107 bytes (len < sizeof(sun_path)); the JDK refuses them.
          assertThat(netdb).isEqualTo(ConnectOracle.json("type", "OSError", "errno", null, "str",
              "AF_UNIX path too long"));
          continue;
        }
        assertThat(netdb).as(p).isEqualTo(python.get(i));
      }
      assertThat(python.getFirst()).contains("\"ok\": true");
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  void abstractNamespaceNamesAreRefusedWithTheReason() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NetDb.unixAddress("\0netdb"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("abstract-namespace")
        .hasMessageContaining("not supported by the JDK");
  }

  @Test
  void hasDualstackIpv6MatchesPython() throws Exception {
    List<String> python = ConnectOracle.python(
        List.of(ConnectOracle.json("op", "has_dualstack_ipv6")));
    assertThat(ConnectOracle.json("ok", true, "value", NetDb.hasDualstackIpv6()))
        .isEqualTo(python.getFirst());
  }
}
