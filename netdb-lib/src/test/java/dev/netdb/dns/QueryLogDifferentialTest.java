package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import dev.netdb.testing.CommandResult;
import dev.netdb.testing.OracleConfig;
import dev.netdb.testing.OracleNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the queries sent, call by call: glibc's, logged by {@code query_log.py} (a UDP server
 * on 127.0.0.2:53 inside the oracle namespace that answers NXDOMAIN to everything), and the
 * pure-Java back end's, logged by the in-process {@link FakeDnsServer} answering the same way.
 * Each call must send the same multiset of {@code NAME/TYPE} questions: nothing for the names
 * glibc never sends ({@link NeverSentNamesTest}'s rows), and the same search-list candidates for
 * the others, on every getaddrinfo family path and through {@code gethostbyname} and {@code
 * gethostbyname_ex}. Skipped (failed under {@code CI=true}) where the namespace cannot be made.
 */
class QueryLogDifferentialTest {
  private static FakeDnsServer server;
  private static Path dir;

  @BeforeAll
  static void start(@TempDir Path tmp) throws IOException {
    OracleNamespace.requireAvailable();
    dir = tmp;
    server = FakeDnsServer.start(r -> new FakeDnsServer.Reply(Replies.rcode(r.query(), DnsType.NXDOMAIN)));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** One call: its batch line for query_log.py and the same call on the java back end. */
  record Call(String line, java.util.function.Function<NetDb, Object> java) {}

  private static final int[][] PATHS = {
    {0, 0}, {0, 2}, {2, 0}, {2, 2}, {10, 0}, {10, 2}, {10, 8}, {10, 8 | 2}, {10, 8 | 16}, {10, 8 | 16 | 2},
  };

  static List<String> names() {
    List<String> names = new ArrayList<>();
    Stream.concat(NeverSentNamesTest.hostNameRules(), NeverSentNamesTest.numericRules())
        .forEach(a -> names.add((String) a.get()[1]));
    names.addAll(List.of("nosuch", "nosuch.sub", "nosuch.", "a_b.example.test", "\\097bc.example.test",
        "x.-y.example.test", "1.2.3.400.", "HoSt.Example.TEST", "localhost", "127.0.0.1", "::1"));
    return names;
  }

  static List<Call> calls() {
    List<Call> calls = new ArrayList<>();
    for (String name : names()) {
      StringBuilder q = new StringBuilder("\"");
      for (char c : name.toCharArray()) {
        if (c == '"' || c == '\\') {
          q.append('\\').append(c);
        } else if (c < 0x20 || c > 0x7e) {
          q.append(String.format("\\u%04x", (int) c));
        } else {
          q.append(c);
        }
      }
      String host = q.append('"').toString();
      for (int[] p : PATHS) {
        calls.add(new Call("[\"getaddrinfo\", " + host + ", " + p[0] + ", " + p[1] + "]",
            db -> db.getaddrinfo(name, null, p[0], 1, 0, p[1])));
      }
      calls.add(new Call("[\"gethostbyname\", " + host + ", 0, 0]", db -> db.gethostbyname(name)));
      calls.add(new Call("[\"gethostbyname_ex\", " + host + ", 0, 0]", db -> db.gethostbynameEx(name)));
    }
    return calls;
  }

  @ParameterizedTest(name = "search [{0}]")
  @ValueSource(strings = {"", "example.test other.test"})
  void javaSendsWhatGlibcSends(String search) throws IOException {
    String options = (search.isEmpty() ? "" : "search " + search + "\n") + "options attempts:1 timeout:1\n";
    List<Call> calls = calls();
    CommandResult glibc;
    try (OracleNamespace ns = OracleNamespace.open(
        OracleConfig.reference().withResolvConf("nameserver 127.0.0.2\n" + options))) {
      glibc = ns.run(List.of("/usr/bin/python3", "-c", script()),
          String.join("\n", calls.stream().map(Call::line).toList()) + "\n");
    }
    assertThat(glibc.exit()).as(glibc.describe()).isZero();
    List<String> expected = glibc.lines();
    assertThat(expected).hasSize(calls.size());

    // Network safety: a private resolv.conf; the only server is the fake one on loopback.
    Path resolv = Files.writeString(dir.resolve("resolv-" + search.length() + ".conf"),
        "nameserver 127.0.0.1\n" + options);
    Path hosts = Files.writeString(dir.resolve("hosts"), OracleNamespace.fixtureHosts());
    NetDb db = NetDb.builder().hostsFile(hosts).resolvConf(resolv).nameserver(server.address())
        .gaiConf(dir.resolve("absent-gai.conf")).hostConf(dir.resolve("absent-host.conf"))
        .hostname("testhost").noInterfaceAddresses().cache(false).build();
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      int before = server.log().size();
      Call c = calls.get(i);
      Supplier<Object> call = () -> c.java().apply(db);
      try {
        call.get();
      } catch (RuntimeException e) {
        // The answers are compared by the rules suite; only the queries matter here.
      }
      List<FakeDnsServer.Request> log = server.log();
      List<String> sent = new ArrayList<>();
      for (FakeDnsServer.Request r : log.subList(before, log.size())) {
        DnsQuestion q = r.query().questions().getFirst();
        sent.add(q.name() + "/" + q.type());
      }
      List<String> quoted = sent.stream().sorted()
          .map(n -> "\"" + n.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList();
      String java = "[" + String.join(", ", quoted) + "]";
      if (!java.equals(expected.get(i))) {
        diffs.add(calls.get(i).line() + "\n    glibc: " + expected.get(i) + "\n    java:  " + java);
      }
    }
    System.out.println("[differential] query log search=[" + search + "]: " + calls.size()
        + " compared, " + diffs.size() + " differences");
    diffs.stream().limit(60).forEach(d -> System.out.println("  " + d));
    assertThat(diffs).isEmpty();
  }

  private static String script() throws IOException {
    try (InputStream in = QueryLogDifferentialTest.class.getResourceAsStream("query_log.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
