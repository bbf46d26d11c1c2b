package dev.netdb.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the binary search over the loader's cache against {@code ldconfig -p}, which prints the
 * names that glibc's own reader finds in this machine's {@code /etc/ld.so.cache}: every listed
 * name is found, and names next to them in the sort order (one digit more or less, a prefix, a
 * longer name) are not, unless ldconfig lists them too.
 */
class LdSoCacheTest {
  private static final Path CACHE = Path.of("/etc/ld.so.cache");

  @Test
  void findsEveryNameLdconfigListsAndNoOther() throws Exception {
    assumeTrue(Files.isReadable(CACHE), "no ld.so.cache here");
    byte[] cache = Files.readAllBytes(CACHE);
    assumeTrue(new String(cache, 0, 20, StandardCharsets.ISO_8859_1).equals("glibc-ld.so.cache1.1"),
        "not the glibc 2.32+ format");
    Set<String> listed = ldconfigNames();
    assertThat(listed).hasSizeGreaterThan(10);
    List<String> missed = listed.stream().filter(n -> !LdSoCache.lists(cache, n)).toList();
    assertThat(missed).isEmpty();
    Set<String> near = new TreeSet<>();
    for (String n : listed) {
      near.add(n + "1");
      near.add(n + ".0");
      near.add(n.substring(0, n.length() - 1));
      near.add(n.replace(".so", "x.so"));
      near.add(n.replaceAll("[0-9]", "9"));
    }
    near.addAll(List.of("libnss_db.so.2", "libnss_nis.so.2", "libnss_hesiod.so.3", "a", "zzz", ""));
    for (String n : near) {
      assertThat(LdSoCache.lists(cache, n)).as(n).isEqualTo(listed.contains(n));
    }
  }

  @ParameterizedTest(name = "[{index}] {0} vs {1} -> {2}")
  @CsvSource({
    "libz.so.1,   libz.so.1,   0",
    "libz.so.10,  libz.so.9,   1",
    "libz.so.9,   libz.so.10,  -1",
    "libz3.so,    libzstd.so,  1",
    "libzstd.so,  libz3.so,    -1",
    "liba.so,     liba.so.1,   -1",
    "liba.so.1,   liba.so,     1",
    "libc.so.6,   libc.so.06,  0",
  })
  void comparesAsGlibcDoes(String a, String b, int sign) {
    byte[] s = (b + "\0").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Integer.signum(LdSoCache.libcmp(a.getBytes(StandardCharsets.ISO_8859_1), s, 0))).isEqualTo(sign);
  }

  @Test
  void searchesAnotherFormatAsBytes() {
    byte[] old = "ld.so-1.7.0\0\0\0\0libfoo.so.2\0/usr/lib/libfoo.so.2\0".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(LdSoCache.lists(old, "libfoo.so.2")).isTrue();
    assertThat(LdSoCache.lists(old, "libbar.so.2")).isFalse();
    assertThat(LdSoCache.lists(new byte[0], "libfoo.so.2")).isFalse();
  }

  @ParameterizedTest(name = "[{index}] ''{0}'' has ''{1}'': {2}")
  @CsvSource({
    "'/usr/lib/libc.so.6\n[stack]', /libc.so.6, true",
    "'/libc.so.6', /libc.so.6, true",
    "'x/libc.so.6 (deleted)\n', /libc.so.6, true",
    "'/usr/lib/libc.so.7\n', /libc.so.6, false",
    "'libc.so.6', /libc.so.6, false",
    "'', /libc.so.6, false",
  })
  void searchesBytesFromTheEnd(String text, String word, boolean found) {
    byte[] t = text.replace("\\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(NativeSupport.containsFromEnd(t, word.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(found);
  }

  @Test
  void treatsABogusEntryCountAsAnotherFormat() {
    byte[] header = new byte[48];
    System.arraycopy("glibc-ld.so.cache1.1".getBytes(StandardCharsets.ISO_8859_1), 0, header, 0, 20);
    header[20] = 100; // 100 entries claimed, none present
    assertThat(LdSoCache.lists(header, "libfoo.so.2")).isFalse();
  }

  private static Set<String> ldconfigNames() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("/sbin/ldconfig", "-p").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    Set<String> names = new TreeSet<>();
    out.lines().filter(l -> l.contains(" => ")).map(String::strip)
        .forEach(l -> names.add(l.substring(0, l.indexOf(' '))));
    return names;
  }
}
