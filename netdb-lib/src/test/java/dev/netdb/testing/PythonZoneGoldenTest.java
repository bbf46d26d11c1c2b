package dev.netdb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records what Python (CPython + glibc) answers for the DNS names of {@link TestZone} inside the
 * oracle namespace, as golden files the back ends and the CLI can be compared with, and checks
 * that Python still answers exactly that.
 *
 * <p>Files: {@code src/test/resources/testdata/python/zone-NETWORK.tsv}, one line per call:
 * the Python expression (evaluated after {@code from socket import *}), a tab, and the output in
 * the notation of python-semantics.md §6 (see {@code reference_eval.py}). NETWORK is {@code
 * loopback-only} or {@code dual} ({@link OracleConfig.Network}). Written only by running this
 * test with {@code -Dnetdb.golden.update=true}.
 */
class PythonZoneGoldenTest {
  /** Lists the zone names asked for. */
  static final List<String> NAMES = List.of(
      TestZone.WWW, TestZone.WEB, TestZone.HOST, TestZone.DUAL, TestZone.V4ONLY,
      TestZone.V6ONLY, TestZone.NXDOMAIN, TestZone.NODATA, TestZone.EMPTY_NON_TERMINAL,
      TestZone.ENT_CHILD, TestZone.DANGLING, TestZone.LOOP1, TestZone.WILDCARD_MATCH,
      TestZone.IDNA, TestZone.IDNA_UNICODE, TestZone.BIG40, TestZone.BIG100, TestZone.WWW + ".",
      "WWW.Example.TEST", "www", "nosuchhost.invalid");

  /** Lists the addresses given to gethostbyaddr and getnameinfo. */
  static final List<String> ADDRESSES = List.of(
      TestZone.PTR_ONE_V4, TestZone.PTR_TWO_V4, TestZone.PTR_ONE_V6, TestZone.PTR_TWO_V6,
      TestZone.PTR_NONE_V4, TestZone.V4ONLY_ADDRESS, TestZone.V6ONLY_ADDRESS, "2001:db8::99");

  /** Returns every expression, in file order. */
  static List<String> expressions() {
    List<String> e = new ArrayList<>();
    for (String name : NAMES) {
      String n = pythonString(name);
      e.add("gethostbyname(" + n + ")");
      e.add("gethostbyname_ex(" + n + ")");
      e.add("getfqdn(" + n + ")");
      e.add("getaddrinfo(" + n + ", 80, 0, SOCK_STREAM)");
      e.add("getaddrinfo(" + n + ", 'http', AF_INET, 0, 0, AI_CANONNAME)");
      e.add("getaddrinfo(" + n + ", None, AF_INET6, SOCK_DGRAM, 0, AI_V4MAPPED)");
      e.add("getaddrinfo(" + n + ", None, AF_INET6, SOCK_DGRAM, 0, AI_V4MAPPED|AI_ALL)");
      e.add("getaddrinfo(" + n + ", 53, 0, SOCK_DGRAM, 0, AI_CANONNAME|AI_ADDRCONFIG)");
      e.add("len(getaddrinfo(" + n + ", 80, AF_INET, SOCK_STREAM))");
    }
    for (String address : ADDRESSES) {
      String a = pythonString(address);
      e.add("gethostbyaddr(" + a + ")");
      e.add("getfqdn(" + a + ")");
      String sockaddr = address.contains(":") ? "(" + a + ", 80, 0, 0)" : "(" + a + ", 80)";
      e.add("getnameinfo(" + sockaddr + ", 0)");
      e.add("getnameinfo(" + sockaddr + ", NI_NAMEREQD|NI_NUMERICSERV)");
    }
    return e;
  }

  @Test
  void loopbackOnly() throws IOException {
    check("loopback-only", OracleConfig.reference());
  }

  @Test
  void dual() throws IOException {
    check("dual", OracleConfig.reference().withNetwork(OracleConfig.Network.DUAL));
  }

  private static void check(String network, OracleConfig config) throws IOException {
    List<String> expressions = expressions();
    List<String> outputs = PythonReferenceTest.evaluate(config, expressions);
    assertThat(outputs).hasSize(expressions.size());
    StringBuilder table = new StringBuilder();
    for (int i = 0; i < expressions.size(); i++) {
      table.append(expressions.get(i)).append('\t').append(outputs.get(i)).append('\n');
    }
    Path golden = Path.of(System.getProperty("basedir", "."),
        "src/test/resources/testdata/python/zone-" + network + ".tsv");
    if (Boolean.getBoolean("netdb.golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, table);
      System.err.println("PythonZoneGoldenTest: rewrote " + golden);
      return;
    }
    assertThat(golden).as("rewrite with -Dnetdb.golden.update=true").exists();
    assertThat(table.toString().lines().toList())
        .as("%s (rewrite with -Dnetdb.golden.update=true)", golden)
        .containsExactlyElementsOf(Files.readString(golden).lines().toList());
  }

  private static String pythonString(String s) {
    StringBuilder out = new StringBuilder("'");
    for (char c : s.toCharArray()) {
      if (c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }
}
