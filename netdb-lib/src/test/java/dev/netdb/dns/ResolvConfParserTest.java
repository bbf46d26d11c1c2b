package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the parser with glibc 2.36's own {@code res_ninit} on the same files, environment and
 * host name: {@code testdata/resolv/glibc-2.36.golden} was written by {@code capture.sh} there.
 */
class ResolvConfParserTest {
  record Case(String name, String conf, Map<String, String> env, String glibc) {
    @Override
    public String toString() {
      return name;
    }
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ResolvConfParserTest.class.getResourceAsStream("/testdata/resolv/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Stream<Case> cases() throws IOException {
    Map<String, String> golden = new HashMap<>();
    for (String line : resource("glibc-2.36.golden").split("\n")) {
      if (line.isBlank()) continue;
      int bar = line.indexOf('|');
      golden.put(line.substring(0, bar), line.substring(bar + 1));
    }
    List<Case> out = new ArrayList<>();
    for (String line : resource("cases.txt").split("\n")) {
      if (line.isBlank()) continue;
      String[] f = line.split("\\|", -1);
      Map<String, String> env = new HashMap<>();
      if (!f[2].isEmpty()) env.put("LOCALDOMAIN", f[2]);
      if (!f[4].isEmpty()) env.put("LOCALDOMAIN", "");
      if (!f[3].isEmpty()) env.put("RES_OPTIONS", f[3]);
      String conf = f[1].replace("\\n", "\n").replace("\\t", "\t");
      out.add(new Case(f[0], conf, env, golden.get(f[0])));
    }
    return out.stream();
  }

  /** Renders settings as res_state_dump.py prints glibc's, with glibc's raw values made effective. */
  static String render(ResolverConfig c) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"timeout\": ").append(c.timeout().toSeconds());
    sb.append(", \"attempts\": ").append(c.attempts());
    sb.append(", \"nscount\": ").append(c.nameservers().size());
    sb.append(", \"nameservers\": ").append(quoted(c.nameservers().stream()
        .map(InetSocketAddress::getAddress).map(a -> a.getHostAddress()).toList()));
    sb.append(", \"search\": ").append(quoted(c.search()));
    sb.append(", \"ndots\": ").append(c.ndots());
    TreeSet<String> opts = new TreeSet<>();
    if (c.rotate()) opts.add("rotate");
    if (c.edns0()) opts.add("edns0");
    if (c.singleRequest()) opts.add("single-request");
    if (c.noTldQuery()) opts.add("no-tld-query");
    if (c.trustAd()) opts.add("trust-ad");
    if (c.noAaaa()) opts.add("no-aaaa");
    if (c.useVc()) opts.add("use-vc");
    return sb.append(", \"options\": ").append(quoted(List.copyOf(opts))).append("}").toString();
  }

  static String quoted(List<String> items) {
    return items.stream().map(s -> "\"" + s + "\"").toList().toString();
  }

  /**
   * Returns glibc's line with its raw values turned into their effect: a timeout below 1 waits 1 s
   * (send_dg), attempts below 0 make no attempt like 0, single-request-reopen acts as single-request.
   */
  static String effective(String glibc) {
    java.util.regex.Matcher t = java.util.regex.Pattern.compile("\"timeout\": (-?\\d+)").matcher(glibc);
    t.find();
    String s = glibc.replace(t.group(), "\"timeout\": " + Math.max(1, Integer.parseInt(t.group(1))));
    java.util.regex.Matcher a = java.util.regex.Pattern.compile("\"attempts\": (-?\\d+)").matcher(s);
    a.find();
    s = s.replace(a.group(), "\"attempts\": " + Math.max(0, Integer.parseInt(a.group(1))));
    return s.replace("\"single-request-reopen\"", "\"single-request\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithGlibc(Case c) {
    ResolverConfig cfg = ResolvConfParser.parse(c.conf(), "resolv.conf", c.env(), "vm.corp.example");
    assertThat(render(cfg)).isEqualTo(effective(c.glibc()));
  }

  @Test
  void reportsWhatItIgnores() {
    ResolverConfig cfg = ResolvConfParser.parse(
        "nameserver bogus\nfrobnicate yes\noptions ndots:99 wat\nnameserver 192.0.2.1\nnameserver 192.0.2.2\n"
            + "nameserver 192.0.2.3\nnameserver 192.0.2.4\n",
        "rc", Map.of(), "vm");
    assertThat(cfg.diagnostics())
        .containsExactly(
            "rc:1: not an IP address: nameserver bogus",
            "rc:2: unknown line ignored: frobnicate yes",
            "rc:3: ndots:99 clamped to 15 as glibc does",
            "rc:3: unknown option ignored: wat",
            "rc: only the first 3 nameservers are used (glibc MAXNS), 1 ignored");
    assertThat(cfg.search()).isEmpty(); // host name without a dot: no default domain
  }

  @Test
  void readsIpv6NameserversWithScope() {
    ResolverConfig cfg = ResolvConfParser.parse("nameserver ::1\nnameserver fe80::1%2\n", "rc", Map.of(), null);
    assertThat(cfg.nameservers()).extracting(s -> s.getAddress().getHostAddress() + " " + s.getPort())
        .containsExactly("0:0:0:0:0:0:0:1 53", "fe80:0:0:0:0:0:0:1%2 53");
  }

  @Test
  void missingFileGivesDefaults() {
    ResolverConfig cfg = ResolvConfParser.parse(null, "rc", Map.of(), "h.example");
    assertThat(render(cfg))
        .isEqualTo("{\"timeout\": 5, \"attempts\": 2, \"nscount\": 1, \"nameservers\": [\"127.0.0.1\"], "
            + "\"search\": [\"example\"], \"ndots\": 1, \"options\": []}");
  }

  @Test
  void fileIsReadAgainWhenItChanges(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("resolv.conf");
    Files.writeString(file, "nameserver 192.0.2.1\n");
    AtomicLong now = new AtomicLong();
    var source = ResolvConfParser.watch(file, Map.of(), () -> "vm", Duration.ofSeconds(1), now::get);
    assertThat(source.get().nameservers().getFirst().getAddress().getHostAddress()).isEqualTo("192.0.2.1");
    Files.writeString(file, "nameserver 192.0.2.222\noptions ndots:4\n");
    assertThat(source.get().ndots()).as("within the check interval").isEqualTo(1);
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(source.get().ndots()).isEqualTo(4);
    assertThat(source.get().nameservers().getFirst().getAddress().getHostAddress()).isEqualTo("192.0.2.222");
    Files.delete(file);
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    ResolverConfig gone = source.get();
    assertThat(gone.nameservers().getFirst().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(gone.diagnostics()).anyMatch(d -> d.contains("missing"));
  }
}
