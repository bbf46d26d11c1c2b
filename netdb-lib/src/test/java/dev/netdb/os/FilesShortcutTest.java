package dev.netdb.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import dev.netdb.files.ProtocolsDatabase;
import dev.netdb.files.ProtocolsFile;
import dev.netdb.files.ServicesDatabase;
import dev.netdb.files.ServicesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Checks the nsswitch.conf shortcut of {@link OsBackend#system()} against glibc itself ({@link
 * OsBackend#create()}) on this machine's files: every name, alias and port of /etc/services with
 * each protocol and none, every protocol name, alias and number, names that are not there, and
 * both listings. Also checks that the scanning finders agree with the indexed tables of the
 * pure-Java back end on the same bytes.
 */
@EnabledOnOs(OS.LINUX)
class FilesShortcutTest {
  private static OsBackend glibc;
  private static OsBackend routed;

  @BeforeAll
  static void create() {
    glibc = OsBackend.create();
    routed = OsBackend.system();
  }

  @Test
  void routeIsReportedForEveryDatabase() {
    for (String db : List.of("services", "protocols", "hosts", "passwd")) {
      NssRoute r = routed.route(db);
      assertThat(r.database()).isEqualTo(db);
      assertThat(r.reason()).isNotBlank();
    }
    assertThat(routed.route("hosts").filesReader()).isFalse();
    assertThat(glibc.route("services").filesReader()).isFalse();
  }

  @Test
  void servicesAnswersAreGlibcs() {
    assumeTrue(Files.exists(ServicesDatabase.DEFAULT_PATH), "no /etc/services");
    List<Servent> all = glibc.services();
    Set<String> names = new LinkedHashSet<>();
    Set<Integer> ports = new LinkedHashSet<>();
    Set<String> protos = new LinkedHashSet<>();
    for (Servent e : all) {
      names.add(e.name());
      names.addAll(e.aliases());
      ports.add(e.port());
      protos.add(e.protocol());
    }
    names.addAll(List.of("nosuch", "HTTP", ""));
    ports.addAll(List.of(0, 1, 65535, 65536 + 80));
    protos.add("nosuch");
    List<String> protoOrNull = new ArrayList<>(protos);
    protoOrNull.add(null);
    for (String proto : protoOrNull) {
      for (String name : names) {
        assertThat(routed.getservbyname(name, proto))
            .as("%s/%s", name, proto)
            .isEqualTo(glibc.getservbyname(name, proto));
      }
      for (int port : ports) {
        assertThat(routed.getservbyport(port, proto))
            .as("%s/%s", port, proto)
            .isEqualTo(glibc.getservbyport(port, proto));
      }
    }
    assertThat(routed.services()).isEqualTo(all);
  }

  @Test
  void protocolsAnswersAreGlibcs() {
    assumeTrue(Files.exists(ProtocolsDatabase.DEFAULT_PATH), "no /etc/protocols");
    List<Protoent> all = glibc.protocols();
    Set<String> names = new LinkedHashSet<>(List.of("nosuch", "TCP", ""));
    Set<Integer> numbers = new LinkedHashSet<>(List.of(-1, 255, 256, 1000));
    for (Protoent e : all) {
      names.add(e.name());
      names.addAll(e.aliases());
      numbers.add(e.number());
    }
    for (String name : names) {
      assertThat(routed.getprotobyname(name)).as(name).isEqualTo(glibc.getprotobyname(name));
    }
    for (int n : numbers) {
      assertThat(routed.getprotobynumber(n)).as("%s", n).isEqualTo(glibc.getprotobynumber(n));
    }
    assertThat(routed.protocols()).isEqualTo(all);
  }

  @Test
  void findersAgreeWithTheIndexedTables() throws IOException {
    for (Path services : List.of(ServicesDatabase.DEFAULT_PATH)) {
      assumeTrue(Files.exists(services), "no " + services);
      byte[] data = Files.readAllBytes(services);
      ServicesDatabase db = ServicesDatabase.open(services);
      for (Servent e : db.services()) {
        for (String name : concat(e.name(), e.aliases())) {
          for (String proto : new String[] {null, "tcp", "udp", e.protocol()}) {
            assertThat(ServicesFile.findByName(data, name, proto))
                .isEqualTo(db.serviceByName(name, proto));
          }
        }
        assertThat(ServicesFile.findByPort(data, e.port(), null)).isEqualTo(db.serviceByPort(e.port(), null));
        assertThat(ServicesFile.findByPort(data, e.port(), "udp")).isEqualTo(db.serviceByPort(e.port(), "udp"));
      }
    }
    Path protocols = ProtocolsDatabase.DEFAULT_PATH;
    assumeTrue(Files.exists(protocols), "no " + protocols);
    byte[] data = Files.readAllBytes(protocols);
    ProtocolsDatabase db = ProtocolsDatabase.open(protocols);
    for (Protoent e : db.protocols()) {
      for (String name : concat(e.name(), e.aliases())) {
        assertThat(ProtocolsFile.findByName(data, name)).isEqualTo(db.protocolByName(name));
      }
      assertThat(ProtocolsFile.findByNumber(data, e.number())).isEqualTo(db.protocolByNumber(e.number()));
    }
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> out = new ArrayList<>(rest.size() + 1);
    out.add(first);
    out.addAll(rest);
    return out;
  }
}
