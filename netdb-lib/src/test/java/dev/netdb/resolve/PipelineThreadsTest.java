package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.AddrInfo;
import dev.netdb.backend.AddressInfo;
import dev.netdb.dns.CallbackExecutor;
import dev.netdb.dns.DnsCache;
import dev.netdb.dns.ResolverConfig;
import dev.netdb.files.FilesDatabases;
import dev.netdb.files.GaiConf;
import dev.netdb.files.HostConf;
import dev.netdb.files.HostsFile;
import dev.netdb.testing.NsdServer;
import dev.netdb.testing.TestZone;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where the getaddrinfo pipeline runs after a DNS answer (issue 7 §2): the RFC 3484 sort, the
 * gai.conf read and the source probe all run on the executor, never on the selector thread, for
 * the blocking and the asynchronous call alike. DNS from NSD on loopback.
 */
class PipelineThreadsTest {
  private static NsdServer nsd;

  @BeforeAll
  static void startNsd() throws IOException {
    nsd = NsdServer.start();
  }

  @AfterAll
  static void stopNsd() {
    if (nsd != null) nsd.close();
  }

  @Test
  void sortGaiConfAndSourceProbeRunOffTheIoThread() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    ResolverConfig cfg = ResolverConfig.builder().nameserver(nsd.ipv4()).timeout(Duration.ofSeconds(2))
        .attempts(1).build();
    DnsHostResolver dns = new DnsHostResolver(
        DnsHostResolver.creating(() -> cfg, DnsCache.disabled(), CallbackExecutor.get()));
    List<LocalAddress> locals = Fixture.Network.DUAL.addresses;
    SourceProbe fromInterfaces = SourceProbe.fromInterfaces(locals);
    GaiConf gai = GaiConf.parse("# all comments\n");
    HostConf hostConf = HostConf.parse("multi on\n");
    HostsFile hosts = HostsFile.parse("");
    Environment env = new Environment(
        () -> hosts,
        () -> hostConf,
        () -> {
          threads.add("gai.conf " + Thread.currentThread().getName());
          return gai;
        },
        ServiceDirectory.of(FilesDatabases.open(Path.of("/nonexistent/s"), Path.of("/nonexistent/p"))),
        dns,
        () -> "testhost",
        () -> locals,
        (dest, scope, port) -> {
          threads.add("probe " + Thread.currentThread().getName());
          return fromInterfaces.sourceFor(dest, scope, port);
        },
        name -> 0,
        index -> null);
    try (JavaBackend backend = new JavaBackend(env, CallbackExecutor.get(), dns)) {
      List<AddressInfo> async = backend.getaddrinfoAsync(TestZone.DUAL, "80", 0, 1, 0, 0).get(10, TimeUnit.SECONDS);
      List<AddressInfo> blocking = backend.getaddrinfo(TestZone.DUAL, "80", 0, 1, 0, 0);
      assertThat(async).hasSize(5).isEqualTo(blocking);
    }
    assertThat(threads).isNotEmpty()
        .allMatch(t -> t.endsWith(" netdb-callback"), "every stage on the default executor");
  }
}
