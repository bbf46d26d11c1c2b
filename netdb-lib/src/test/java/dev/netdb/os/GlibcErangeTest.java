package dev.netdb.os;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.os.bindings.Libc;
import dev.netdb.os.bindings.NetdbLayouts;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Checks, against the real glibc, the two facts the buffer handling relies on: a too-small
 * buffer gets {@code ERANGE} (and a retry with a larger one succeeds), and a listing cursor stays
 * on the entry that did not fit. Buffers are shrunk on purpose; every name is in /etc/hosts or a
 * services file, so nothing reaches DNS.
 */
@EnabledOnOs(OS.LINUX)
// Restricted FFM methods are used only after NativeSupport confirmed native access.
@SuppressWarnings("restricted")
class GlibcErangeTest {

  @BeforeAll
  static void available() {
    OsBackend.create();
  }

  @Test
  void getservbynameRetriesUntilTheEntryFits() {
    List<Long> tried = new ArrayList<>();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment name = arena.allocateFrom("http");
      MemorySegment proto = arena.allocateFrom("tcp");
      MemorySegment ent = arena.allocate(NetdbLayouts.SERVENT);
      MemorySegment result = arena.allocate(ADDRESS);
      int rc =
          GrowingBuffer.run(
              arena,
              "http",
              (buf, len) -> {
                long shrunk = len / 128; // 8, 16, 32, ... bytes
                tried.add(shrunk);
                return Libc.getservbyname_r(name, proto, ent, buf, shrunk, result);
              });
      assertThat(rc).isZero();
      assertThat(tried.size()).as("tried %s", tried).isGreaterThan(1);
      MemorySegment s = result.get(ADDRESS, 0).reinterpret(NetdbLayouts.SERVENT.byteSize());
      assertThat(NativeText.read(s.get(ADDRESS, NetdbLayouts.S_NAME))).isEqualTo("http");
      assertThat(Databases.ntohs(s.get(JAVA_INT, NetdbLayouts.S_PORT))).isEqualTo(80);
    }
  }

  @Test
  void gethostbyname2RetriesUntilTheEntryFits() {
    List<Integer> codes = new ArrayList<>();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment name = arena.allocateFrom("127.0.0.1");
      MemorySegment ent = arena.allocate(NetdbLayouts.HOSTENT);
      MemorySegment result = arena.allocate(ADDRESS);
      MemorySegment herr = arena.allocate(JAVA_INT);
      int rc =
          GrowingBuffer.run(
              arena,
              "127.0.0.1",
              (buf, len) -> {
                int r =
                    Libc.gethostbyname2_r(
                        name, Sockaddrs.AF_INET, ent, buf, len / 256, result, herr);
                codes.add(r);
                return r;
              });
      assertThat(rc).isZero();
      assertThat(codes).first().isEqualTo(Libc.ERANGE);
      assertThat(result.get(ADDRESS, 0)).isNotEqualTo(MemorySegment.NULL);
    }
  }

  @Test
  void getserventRereadsTheEntryThatDidNotFit() {
    List<String> firstTwo = new ArrayList<>();
    // Tests run one at a time, so nothing else moves the process-wide services cursor here.
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment ent = arena.allocate(NetdbLayouts.SERVENT);
      MemorySegment result = arena.allocate(ADDRESS);
      MemorySegment tiny = arena.allocate(4);
      MemorySegment big = arena.allocate(4096);
      Libc.setservent(0);
      try {
        assertThat(Libc.getservent_r(ent, tiny, 4, result)).isEqualTo(Libc.ERANGE);
        for (int i = 0; i < 2; i++) {
          assertThat(Libc.getservent_r(ent, big, 4096, result)).isZero();
          MemorySegment s = result.get(ADDRESS, 0).reinterpret(NetdbLayouts.SERVENT.byteSize());
          firstTwo.add(
              NativeText.read(s.get(ADDRESS, NetdbLayouts.S_NAME))
                  + "/"
                  + Databases.ntohs(s.get(JAVA_INT, NetdbLayouts.S_PORT)));
        }
      } finally {
        Libc.endservent();
      }
    }
    List<String> listed =
        OsBackend.create().services().stream().limit(2).map(e -> e.name() + "/" + e.port())
            .toList();
    assertThat(firstTwo).isEqualTo(listed);
  }
}
