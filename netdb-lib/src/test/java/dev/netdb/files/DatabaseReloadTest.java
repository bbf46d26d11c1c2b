package dev.netdb.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-reading on change, the check interval, the embedded fallback and unreadable files. */
class DatabaseReloadTest {
  @TempDir Path dir;
  final AtomicLong clock = new AtomicLong(1_000);

  @Test
  void readsNothingBeforeTheFirstLookup() throws IOException {
    Path f = dir.resolve("services");
    ServicesDatabase db = ServicesDatabase.open(f, Duration.ofMillis(100), clock::get);
    write(f, "late 1/tcp\n"); // created after open: the first lookup must still see it
    assertThat(db.serviceByName("late", null)).isNotNull();
  }

  @Test
  void rereadsOnlyAfterTheIntervalOrOnRefresh() throws IOException {
    Path f = dir.resolve("services");
    write(f, "a 1/tcp\n");
    ServicesDatabase db = ServicesDatabase.open(f, Duration.ofMillis(100), clock::get);
    assertThat(db.serviceByName("a", "tcp").port()).isEqualTo(1);

    write(f, "a 2/tcp longer\n");
    clock.addAndGet(Duration.ofMillis(99).toNanos());
    assertThat(db.serviceByName("a", "tcp").port()).as("within the interval").isEqualTo(1);
    clock.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(db.serviceByName("a", "tcp").port()).as("after the interval").isEqualTo(2);

    write(f, "a 3/tcp longer!\n");
    db.refresh();
    assertThat(db.serviceByName("a", "tcp").port()).as("after refresh").isEqualTo(3);
  }

  @Test
  void seesAChangeOfSizeWithTheSameModificationTime() throws IOException {
    Path f = dir.resolve("protocols");
    write(f, "p 1\n");
    FileTime t = Files.getLastModifiedTime(f);
    ProtocolsDatabase db = ProtocolsDatabase.open(f, Duration.ZERO, clock::get);
    assertThat(db.protocolByName("p").number()).isEqualTo(1);
    write(f, "p 22\n");
    Files.setLastModifiedTime(f, t);
    assertThat(db.protocolByName("p").number()).isEqualTo(22);
  }

  @Test
  void usesTheEmbeddedTablesOnlyWhileTheFileDoesNotExist() throws IOException {
    Path f = dir.resolve("services");
    ServicesDatabase db = ServicesDatabase.open(f, Duration.ZERO, clock::get);
    assertThat(db.serviceByName("http", "tcp").port()).isEqualTo(80);
    assertThat(db.source()).startsWith("embedded");
    write(f, "mine 5/tcp\n");
    assertThat(db.serviceByName("http", "tcp")).isNull();
    assertThat(db.services()).containsExactly(new Servent("mine", List.of(), 5, "tcp"));
    Files.delete(f);
    assertThat(db.serviceByName("http", "tcp").port()).isEqualTo(80);
  }

  @Test
  void embeddedTablesEqualThisMachinesNetbaseFiles() {
    ServicesDatabase embeddedServices = ServicesDatabase.open(dir.resolve("none"));
    ProtocolsDatabase embeddedProtocols = ProtocolsDatabase.open(dir.resolve("none"));
    assertThat(embeddedServices.diagnostics()).isEmpty();
    assertThat(embeddedProtocols.diagnostics()).isEmpty();
    assertThat(embeddedServices.services()).hasSizeGreaterThan(300);
    assertThat(embeddedProtocols.protocolByName("ipv6-icmp"))
        .isEqualTo(new Protoent("ipv6-icmp", List.of("IPv6-ICMP"), 58));
    if (Files.exists(ServicesDatabase.DEFAULT_PATH) && Files.exists(ProtocolsDatabase.DEFAULT_PATH)) {
      assertThat(embeddedServices.services()).isEqualTo(ServicesDatabase.system().services());
      assertThat(embeddedProtocols.protocols()).isEqualTo(ProtocolsDatabase.system().protocols());
    }
  }

  @Test
  void anUnreadableFileIsAnEmptyDatabase() throws IOException {
    Path d = dir.resolve("adir"); // reading a directory fails like an unreadable file
    Files.createDirectory(d);
    ServicesDatabase db = ServicesDatabase.open(d, Duration.ZERO, clock::get);
    assertThat(db.services()).isEmpty();
    assertThat(db.serviceByName("http", null)).isNull();
  }

  @Test
  void aRepeatedAliasDoesNotRepeatTheEntry() throws IOException {
    Path f = dir.resolve("services");
    write(f, "x 1/tcp x x\ny 2/udp x\n");
    ServicesDatabase db = ServicesDatabase.open(f);
    assertThat(db.serviceByName("x", "udp").name()).isEqualTo("y");
    assertThat(db.serviceByName("x", null).name()).isEqualTo("x");
    assertThat(db.serviceByPort(65536 + 2, null).name()).as("port masked to 16 bits").isEqualTo("y");
  }

  @Test
  void skipsTheClockForAFewLookupsAfterABurstOnly() throws IOException {
    Path f = dir.resolve("services");
    write(f, "a 1/tcp\n");
    clock.set(0);
    ConfigFile<ServicesTable> w = new ConfigFile<>(f,
        b -> new ServicesTable(ServicesFile.parse(b).entries()), t -> List.of(),
        Duration.ofNanos(100), clock::get, 3);
    assertThat(w.get().byName("a", null).port()).isEqualTo(1); // loads
    w.get(); // first clock read of this thread: no burst yet
    w.get(); // a second read 0 ns later: a burst, so the next 3 lookups skip the clock
    write(f, "a 2/tcp longer\n");
    clock.set(200);
    for (int i = 0; i < 3; i++) {
      assertThat(w.get().byName("a", null).port()).as("skipped lookup %d", i).isEqualTo(1);
    }
    assertThat(w.get().byName("a", null).port()).as("clock read again").isEqualTo(2);
    clock.addAndGet(ConfigFile.BURST_NANOS * 10);
    write(f, "a 3/tcp longer!\n");
    for (int i = 0; i < 3; i++) {
      w.get(); // the burst continues (reads 0 ns apart) until ...
    }
    clock.addAndGet(ConfigFile.BURST_NANOS * 10);
    assertThat(w.get().byName("a", null).port()).isEqualTo(3);
    clock.addAndGet(ConfigFile.BURST_NANOS * 10);
    write(f, "a 4/tcp longer!!\n");
    clock.addAndGet(ConfigFile.BURST_NANOS * 10);
    assertThat(w.get().byName("a", null).port())
        .as("sparse lookups read the clock every time")
        .isEqualTo(4);
  }

  private static void write(Path f, String text) throws IOException {
    Files.write(f, text.getBytes(StandardCharsets.UTF_8));
  }
}
