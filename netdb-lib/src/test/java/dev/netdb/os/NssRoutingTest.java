package dev.netdb.os;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netdb.files.NsswitchConf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks which databases the OS back end may answer from the pure-Java reader, as a pure function
 * of nsswitch.conf and the installed modules (here: {@code sss} and {@code systemd} installed,
 * {@code db} and {@code nis} not). Each row: the line, the database, the expected route, and a
 * word of its reason.
 */
class NssRoutingTest {
  private static final Set<String> INSTALLED = Set.of("sss", "systemd");

  @ParameterizedTest(name = "[{index}] {0} / {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          services: files;                            services;  files; services: files
          services: db files;                         services;  files; other modules are absent
          services: nis [NOTFOUND=return] files;      services;  files; other modules are absent
          services: files db;                         services;  files; other modules are absent
          services: files [NOTFOUND=return] nis;      services;  files; other modules are absent
          services: files dns;                        services;  files; other modules are absent
          protocols: db files;                        protocols; files; other modules are absent
          '';                                         services;  files; services: files
          '';                                         protocols; files; protocols: files
          services: sss files;                        services;  glibc; module sss is installed
          services: files sss;                        services;  glibc; module sss is installed
          services: db [UNAVAIL=return] files;        services;  glibc; absent module db stops the lookup
          services: db [!SUCCESS=return] files;       services;  glibc; absent module db stops the lookup
          services: db;                               services;  glibc; files is not consulted
          services:;                                  services;  glibc; files is not consulted
          services: files files;                      services;  glibc; files is listed twice
          services: files [BAD=return];               services;  glibc; glibc rejects nsswitch.conf
          hosts: files;                               hosts;     glibc; host lookups always go to glibc
          hosts: files dns;                           hosts;     glibc; host lookups always go to glibc
          """)
  void decide(String line, String database, String route, String reason) {
    NssRoute r = NssRouting.decide(database, NsswitchConf.parse(line + "\n"), INSTALLED::contains);
    assertThat(r.database()).isEqualTo(database);
    assertThat(r.filesReader()).as(r.reason()).isEqualTo(route.equals("files"));
    assertThat(r.reason()).contains(reason);
  }

  @Test
  void moduleLookupFindsInstalledModulesOnly() throws IOException {
    assertThat(NssRouting.moduleInstalled("nosuchmodule-netdb-test")).isFalse();
    // Every libnss_NAME.so.2 this machine has in its library directory counts as installed.
    Path dir = Path.of("/lib/x86_64-linux-gnu");
    assumeTrue(Files.isDirectory(dir), "no " + dir);
    try (var files = Files.list(dir)) {
      List<String> modules =
          files.map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("libnss_") && n.endsWith(".so.2"))
              .map(n -> n.substring("libnss_".length(), n.length() - ".so.2".length()))
              .toList();
      assumeTrue(!modules.isEmpty(), "no NSS module in " + dir);
      for (String m : modules) {
        assertThat(NssRouting.moduleInstalled(m)).as(m).isTrue();
      }
    }
  }
}
