package dev.netdb.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the nsswitch.conf reader against glibc 2.36's {@code process_line} and {@code
 * nss_action_parse}: each row is a file (with {@code |} for newlines), a database, and the
 * services in force as {@link NssSource#toString()} spells them, or the error glibc stops at.
 */
class NsswitchConfTest {
  @ParameterizedTest(name = "[{index}] {0} -> {1}: {2}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      textBlock =
          """
          # Debian's shipped lines
          services:       db files|;                     services;  db files
          hosts:          files dns|;                    hosts;     files dns
          protocols: files|;                             protocols; files
          # blanks and colons between the name and the list, in any mix
          services files|;                               services;  files
          services::: : files|;                          services;  files
          "  services:\tfiles\t|";                       services;  files
          # the last line for a database wins
          services: db files|services: files|;           services;  files
          # no comment syntax: '#' is a module name
          services: files # was: db files|;              services;  files # was: db files
          #services: sss|;                               services;  files
          # criteria: case-insensitive, '!' sets every other status, spaces allowed
          services: sss [NOTFOUND=return] files|;        services;  sss [NOTFOUND=return] files
          services: sss[notfound=Return]files|;          services;  sss [NOTFOUND=return] files
          services: sss [ !UNAVAIL = return ] files|;    services;  sss [NOTFOUND=return TRYAGAIN=return] files
          services: sss [SUCCESS=continue UNAVAIL=merge]|; services; sss [SUCCESS=continue UNAVAIL=merge]
          # a '[' with no service before it ends the list
          services: files [NOTFOUND=return] [x]|;        services;  files [NOTFOUND=return]
          # an empty list: no service at all
          services:|;                                    services;  ""
          # a last line with no newline ends at the name: skipped
          services;                                      services;  files
          # not glibc's databases
          sudoers: files sss|;                           sudoers;   ""
          Services: sss|;                                services;  files
          # defaults (Debian's glibc 2.36): files, files dns for hosts, passwd's line for shadow
          "";                                            services;  files
          "";                                            protocols; files
          "";                                            hosts;     files dns
          passwd: files systemd|;                        shadow;    files systemd
          "";                                            publickey; nis nisplus
          """)
  void sourcesInForce(String file, String database, String expected) {
    NsswitchConf conf = NsswitchConf.parse(file.replace('|', '\n').replace("\\t", "\t"));
    assertThat(conf.error()).isNull();
    assertThat(spell(conf.sources(database))).isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          services: files [NOTFOUND=stop]|;       line 1: services: unknown action in [files ...]
          hosts: files|services: files [FOUND=return]|; line 2: services: unknown status in [files ...]
          services: files [NOTFOUND return]|;     line 1: services: '=' expected after a status in [files ...]
          services: files [NOTFOUND=return|;      line 1: services: unknown status in [files ...]
          """)
  void glibcRejectsTheWholeFile(String file, String error) {
    NsswitchConf conf = NsswitchConf.parse(file.replace('|', '\n'));
    assertThat(conf.error()).isEqualTo(error);
    assertThat(conf.databases()).isEmpty();
  }

  private static String spell(List<NssSource> sources) {
    return String.join(" ", sources.stream().map(NssSource::toString).toList());
  }
}
