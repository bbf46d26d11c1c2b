package dev.netdb.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netdb.text.IpLiterals;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer targets for the hosts, gai.conf and host.conf readers: they never throw, account for
 * every line, and what they accept survives a round trip. Regression inputs live in {@code
 * src/test/resources/dev/netdb/files/ConfFuzzTestInputs/<method>/} and run in every build; fuzz
 * with {@code JAZZER_FUZZ=1 ./mvnw -pl netdb-lib test -Dtest=ConfFuzzTest}.
 */
class ConfFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void hostsParser(byte[] data) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    HostsFile h = HostsFile.parse(text);
    int dataLines = 0;
    for (String line : text.split("\n", -1)) {
      String body = line;
      int cut = body.indexOf('#');
      body = cut >= 0 ? body.substring(0, cut) : body;
      cut = body.indexOf('\0');
      body = cut >= 0 ? body.substring(0, cut) : body;
      if (!body.chars().allMatch(c -> IpLiterals.isCSpace((char) c))) {
        dataLines++;
      }
    }
    assertThat(h.lines().size() + h.diagnostics().size()).isEqualTo(dataLines);
    for (HostsFile.Line l : h.lines()) {
      String again = IpLiterals.ntop(l.address()) + " " + l.name() + " " + String.join(" ", l.aliases()) + "\n";
      HostsFile.Line back = HostsFile.parse(again).lines().getFirst();
      assertThat(back.address()).isEqualTo(l.address());
      assertThat(back.name()).isEqualTo(l.name());
      assertThat(back.aliases()).isEqualTo(l.aliases());
      if (!l.name().isEmpty()) {
        // strcasecmp in the C locale folds ASCII letters only.
        StringBuilder upper = new StringBuilder();
        l.name().chars().forEach(c -> upper.append((char) (c >= 'a' && c <= 'z' ? c - 32 : c)));
        assertThat(h.byName(upper.toString(), 0, true)).isNotNull();
      }
      assertThat(h.byAddress(l.address())).isNotNull();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void gaiConfParser(byte[] data) {
    GaiConf c = GaiConf.parse(new String(data, StandardCharsets.ISO_8859_1));
    assertThat(c.labels().getLast().bits()).isZero();
    assertThat(c.precedences().getLast().bits()).isZero();
    assertThat(c.scopes().getLast().netmask()).isZero();
    // Tables read from the file are ordered longest prefix first; glibc's defaults keep their order.
    for (int i = 1; c.labels() != GaiConf.defaults().labels() && i < c.labels().size(); i++) {
      assertThat(c.labels().get(i).bits()).isLessThanOrEqualTo(c.labels().get(i - 1).bits());
    }
    byte[] probe = data.length >= 16 ? java.util.Arrays.copyOf(data, 16) : new byte[16];
    c.label(probe);
    c.precedence(probe);
    c.scopeV4(java.util.Arrays.copyOf(probe, 4));
  }

  @FuzzTest(maxDuration = "30s")
  void hostConfParser(byte[] data) {
    HostConf c = HostConf.parse(new String(data, StandardCharsets.ISO_8859_1));
    assertThat(c.diagnostics()).doesNotContainNull();
  }
}
