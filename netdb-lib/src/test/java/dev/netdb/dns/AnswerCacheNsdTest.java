package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.AddressFamily;
import dev.netdb.NetDb;
import dev.netdb.ResolvedAddresses;
import dev.netdb.testing.NsdExtension;
import dev.netdb.testing.NsdServer;
import dev.netdb.testing.TestZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The answer cache's lifetimes for the answers of a real NSD on loopback (the test zone: every
 * record TTL {@value TestZone#TTL}, SOA minimum {@value TestZone#NEGATIVE_TTL}), read through the
 * Java face on a stopped clock, and the same answer after the lifetime has run out.
 */
@ExtendWith(NsdExtension.class)
class AnswerCacheNsdTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // name,               family, lifetime: the smallest TTL, or a missing family's negative TTL
    "www.example.test,     INET,   300",
    "dual.example.test,    UNSPEC, 300",
    "dual.example.test,    INET6,  300",
    "v4only.example.test,  UNSPEC, 60",
    "v6only.example.test,  UNSPEC, 60",
  })
  void theLifetimeIsTheAnswersTtl(String name, AddressFamily family, long lifetime, NsdServer nsd) throws Exception {
    AtomicLong clock = new AtomicLong();
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "options timeout:2 attempts:1\n");
    try (NetDb db = NetDb.builder().hostsFile(dir.resolve("none")).resolvConf(resolv).gaiConf(dir.resolve("none"))
        .hostConf(dir.resolve("none")).nameserver(nsd.ipv4()).noInterfaceAddresses().clock(clock::get).build()) {
      ResolvedAddresses first = db.resolve(name, family);
      assertThat(first.ttl()).isEqualTo(Duration.ofSeconds(lifetime));
      clock.addAndGet(Duration.ofSeconds(lifetime - 1).toNanos());
      assertThat(db.resolve(name, family)).isEqualTo(new ResolvedAddresses(first.addresses(), Duration.ofSeconds(1)));
      clock.addAndGet(Duration.ofSeconds(1).toNanos());
      ResolvedAddresses again = db.resolve(name, family);
      assertThat(again.addresses()).isEqualTo(first.addresses());
      assertThat(again.ttl()).as("asked afresh").isEqualTo(Duration.ofSeconds(lifetime));
    }
  }
}
