package dev.netdb.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.spi.ForkedJvm.Placement;
import dev.netdb.testing.NsdServer;
import dev.netdb.testing.ZoneFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JDK's own {@code HttpClient}, in a JVM with netdb-spi on its class path, fetches from a
 * local HTTP server by a name that a real NSD on loopback serves with a 1 s TTL; the test then
 * moves the name to another loopback address. With the JDK's cache off the client follows the
 * change once the TTL has run out; with the JDK's default 30 s cache it does not.
 */
class HttpClientEndToEndTest {
  @TempDir Path dir;

  static ZoneFile zone(String address) {
    return new ZoneFile("spi.test", "spi.test.zone", """
        $ORIGIN spi.test.
        $TTL 1
        @ IN SOA ns.spi.test. hostmaster.spi.test. 1 7200 3600 1209600 1
          IN NS ns
        ns IN A 127.0.0.1
        svc IN A %s
        """.formatted(address));
  }

  @ParameterizedTest(name = "JDK cache {0}")
  @CsvSource({"off, two", "on, one"})
  void followsADnsChangeWithinItsTtl(String jdkCache, String expectedSecond) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.5 localhost\n");
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
    int httpPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.ofLiteral("127.0.0.1"))) {
      httpPort = probe.getLocalPort();
    }
    NsdServer nsd = NsdServer.start(List.of(zone("127.0.0.1")));
    try {
      List<String> jvm = new ArrayList<>(List.of(
          "-Dnetdb.hosts=" + hosts,
          "-Dnetdb.resolvConf=" + resolv,
          "-Dnetdb.nameservers=127.0.0.1:" + nsd.port()));
      if (jdkCache.equals("off")) {
        jvm.add("-Dsun.net.inetaddr.ttl=0");
      }
      Process p = ForkedJvm.command(Placement.CLASS_PATH, jvm, "http", Integer.toString(httpPort), "svc.spi.test")
          .redirectError(dir.resolve("stderr").toFile())
          .start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
          OutputStream in = p.getOutputStream()) {
        List<String> lines = new ArrayList<>();
        for (String line; (line = out.readLine()) != null && !line.equals("ready"); ) {
          lines.add(line);
        }
        assertThat(lines).as("stderr: %s", Files.readString(dir.resolve("stderr"))).contains("first=one");
        int port = nsd.port();
        nsd.close();
        nsd = NsdServer.start(List.of(zone("127.0.0.2")), port);
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        for (String line; (line = out.readLine()) != null; ) {
          lines.add(line);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("stderr: %s", Files.readString(dir.resolve("stderr"))).isZero();
        assertThat(lines).contains("second=" + expectedSecond);
        assertThat(lines).contains("nosuch=!nosuch.spi.test: Name or service not known (no such name: NXDOMAIN, or not in the hosts file)");
      } finally {
        p.destroyForcibly();
      }
    } finally {
      nsd.close();
    }
  }
}
