package dev.netdb.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.dns.ResolvConfParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one configuration-file mechanism: the check interval on an injected clock, reads it does
 * not trust, and diagnostics reported through {@code System.Logger} once per change, for every
 * file it serves.
 */
class ConfigFileTest {
  @TempDir Path dir;
  final AtomicLong clock = new AtomicLong(1_000);
  final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  final Logger jul = Logger.getLogger("dev.netdb.files");
  final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      logged.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void listen() {
    jul.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    jul.removeHandler(handler);
  }

  /** A holder whose value is the file's text, and whose diagnostics are its lines "bad ...". */
  ConfigFile<String> text(Path f, Duration interval) {
    return new ConfigFile<>(f, b -> b == null ? "<missing>" : new String(b, StandardCharsets.UTF_8),
        t -> t.lines().filter(l -> l.startsWith("bad")).toList(), interval, clock::get, 0);
  }

  @ParameterizedTest(name = "interval {0} ns, change seen after {1} ns")
  @CsvSource({
    "0,    0",     // zero: every call, as glibc, even with a clock that does not move
    "100,  100",
    "5000, 5000",
  })
  void checksAtTheInterval(long interval, long seenAfter) throws IOException {
    Path f = write("f", "one\n");
    ConfigFile<String> c = text(f, Duration.ofNanos(interval));
    assertThat(c.get()).isEqualTo("one\n");
    write("f", "two!\n");
    if (seenAfter > 0) {
      clock.addAndGet(seenAfter - 1);
      assertThat(c.get()).as("within the interval").isEqualTo("one\n");
      clock.addAndGet(1);
    }
    assertThat(c.get()).as("after the interval").isEqualTo("two!\n");
  }

  @Test
  void readsNothingBeforeTheFirstGetAndPassesNullForAMissingFile() throws IOException {
    Path f = dir.resolve("late");
    ConfigFile<String> c = text(f, Duration.ofHours(1));
    write("late", "here\n");
    assertThat(c.get()).isEqualTo("here\n");
    Files.delete(f);
    assertThat(c.refresh()).isEqualTo("<missing>");
    assertThat(c.exists()).isFalse();
  }

  @Test
  void refreshChecksWhateverTheInterval() throws IOException {
    Path f = write("f", "one\n");
    ConfigFile<String> c = text(f, Duration.ofHours(1));
    c.get();
    write("f", "two!\n");
    assertThat(c.get()).isEqualTo("one\n");
    assertThat(c.refresh()).isEqualTo("two!\n");
  }

  /**
   * Issue 13's "momentarily empty resolv.conf": an in-place rewrite truncates, then writes. The
   * empty read happens (glibc would make it too), but it is not kept for the interval: the next
   * call checks again and sees the new text at once.
   */
  @Test
  void anEmptyReadOfAFileThatHadContentIsCheckedAgainOnTheNextCall() throws IOException {
    Path f = write("resolv.conf", "nameserver 192.0.2.1\n");
    ConfigFile<String> c = text(f, Duration.ofSeconds(1));
    assertThat(c.get()).isEqualTo("nameserver 192.0.2.1\n");
    write("resolv.conf", ""); // truncated...
    clock.addAndGet(Duration.ofSeconds(1).toNanos()); // ... just as the interval ends
    assertThat(c.get()).as("the one empty read").isEmpty();
    assertThat(c.get()).as("still empty: checked again, not trusted").isEmpty();
    write("resolv.conf", "nameserver 192.0.2.2\n"); // ... then written, within the interval
    assertThat(c.get()).isEqualTo("nameserver 192.0.2.2\n");
    write("resolv.conf", "nameserver 192.0.2.3\n");
    assertThat(c.get()).as("a read with content is trusted for the interval again")
        .isEqualTo("nameserver 192.0.2.2\n");
  }

  @Test
  void anEmptyFileFromTheStartIsTrustedForTheInterval() throws IOException {
    Path f = write("f", "");
    ConfigFile<String> c = text(f, Duration.ofSeconds(1));
    assertThat(c.get()).isEmpty();
    write("f", "later\n");
    assertThat(c.get()).isEmpty();
  }

  @Test
  void aReadDuringWhichTheFileChangedIsCheckedAgainOnTheNextCall() throws IOException {
    Path f = write("f", "half\n");
    AtomicInteger parses = new AtomicInteger();
    // The parser runs between the read and the second stat: it finishes the "rewrite".
    ConfigFile<String> c = new ConfigFile<>(f, b -> {
      if (parses.getAndIncrement() == 0) {
        write("f", "half and the rest\n");
      }
      return new String(b, StandardCharsets.UTF_8);
    }, t -> List.of(), Duration.ofHours(1), clock::get, 0);
    assertThat(c.get()).isEqualTo("half\n");
    assertThat(c.get()).as("not trusted for the hour").isEqualTo("half and the rest\n");
    assertThat(parses).hasValue(2);
  }

  @Test
  void anUnchangedFileIsNotParsedAgain() throws IOException {
    Path f = write("f", "same\n");
    AtomicInteger parses = new AtomicInteger();
    ConfigFile<String> c = new ConfigFile<>(f, b -> {
      parses.incrementAndGet();
      return new String(b, StandardCharsets.UTF_8);
    }, t -> List.of(), Duration.ZERO, clock::get, 0);
    for (int i = 0; i < 5; i++) {
      c.get();
    }
    Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(0)); // touched only
    c.get();
    assertThat(parses).hasValue(1);
  }

  @Test
  void anUnreadableFileIsEmptyAndWarnedAboutOnce() throws IOException {
    Path d = dir.resolve("adir"); // reading a directory fails like an unreadable file
    Files.createDirectory(d);
    ConfigFile<String> c = text(d, Duration.ZERO);
    for (int i = 0; i < 3; i++) {
      assertThat(c.get()).isEmpty();
    }
    assertThat(c.source()).endsWith("(unreadable)");
    assertThat(warnings()).hasSize(1);
    assertThat(warnings().getFirst()).contains("cannot read", d.toString());
  }

  /** Every file the back end reads, with one bad line, and how its holder is made. */
  enum Kind {
    HOSTS("hosts", "127.0.0.1 localhost\nnot-an-address name\n", 2,
        p -> HostsFile.watch(p, Duration.ZERO, () -> 0)::get),
    HOST_CONF("host.conf", "multi on\nfrobnicate yes\n", 2,
        p -> HostConf.watch(p, Duration.ZERO, () -> 0)::get),
    GAI_CONF("gai.conf", "reload yes\nlabel ::1/128 0\nprecedence nonsense\n", 3,
        p -> GaiConf.watch(p, Duration.ZERO, () -> 0)),
    SERVICES("services", "http 80/tcp\nbad08 08/tcp\n", 2,
        p -> ServicesDatabase.open(p, Duration.ZERO, () -> 0)::services),
    // Lookups: the first of a version scans only up to its answer; the second parses and reports.
    SERVICES_LOOKUPS("services", "http 80/tcp\nbad08 08/tcp\n", 2, p -> {
      ServicesDatabase db = ServicesDatabase.open(p, Duration.ZERO, () -> 0);
      return () -> db.serviceByName("http", null);
    }),
    PROTOCOLS("protocols", "tcp 6\nq1 0x10\n", 2,
        p -> ProtocolsDatabase.open(p, Duration.ZERO, () -> 0)::protocols),
    PROTOCOL_LOOKUPS("protocols", "tcp 6\nq1 0x10\n", 2, p -> {
      ProtocolsDatabase db = ProtocolsDatabase.open(p, Duration.ZERO, () -> 0);
      return () -> db.protocolByNumber(6);
    }),
    RESOLV_CONF("resolv.conf", "nameserver 192.0.2.1\nnameserver not-an-address\n", 2,
        p -> ResolvConfParser.watch(p, Map.of(), () -> "vm", Duration.ZERO, () -> 0)::get);

    final String name;
    final String text;
    final int badLine;
    final Function<Path, java.util.function.Supplier<?>> open;

    Kind(String name, String text, int badLine, Function<Path, java.util.function.Supplier<?>> open) {
      this.name = name;
      this.text = text;
      this.badLine = badLine;
      this.open = open;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  void reportsEachFilesBadLinesOncePerChange(Kind kind) throws IOException {
    Path f = write(kind.name, kind.text);
    var file = kind.open.apply(f);
    for (int i = 0; i < 3; i++) {
      file.get();
    }
    assertThat(warnings()).as("one report for three lookups").hasSize(1);
    // "line N: ..." or, for resolv.conf, glibc-style "PATH:N: ...".
    assertThat(warnings().getFirst()).contains(f.toString())
        .containsPattern("(line |:)" + kind.badLine + ":");
    write(kind.name, kind.text + "\n# changed\n");
    file.get();
    file.get();
    assertThat(warnings()).as("one more after the change").hasSize(2);
  }

  private List<String> warnings() {
    return logged.stream()
        .filter(r -> r.getLevel() == java.util.logging.Level.WARNING)
        .map(r -> r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()))
        .collect(java.util.stream.Collectors.toList());
  }

  private Path write(String name, String text) {
    Path f = dir.resolve(name);
    try {
      Files.writeString(f, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return f;
  }
}
