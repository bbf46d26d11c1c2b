package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the generated completion with the shells themselves: bash sources the script, {@code
 * complete -p} shows it registered, and {@code _netdb} is called with {@code COMP_WORDS} set as
 * bash sets them on TAB; zsh runs its completion system in a pseudo-terminal and TAB is typed.
 */
class ShellCompletionTest {
  /** One TAB press: the words on the line (the last one being completed) and the expected offer. */
  record Row(String line, String expected) {}

  private static final List<Row> ROWS = List.of(
      new Row("netdb geta", "getaddrinfo"),
      new Row("netdb getserv", "getservbyname getservbyport"),
      new Row("netdb he", "help"),
      new Row("netdb --backend ''", "os java"),
      new Row("netdb --backend j", "java"),
      new Row("netdb --hos", "--hosts --hostname"),
      new Row("netdb --json --backend java inet_p", "inet_pton"),
      new Row("netdb --nameserver 127.0.0.1:53 getaddrinfo localhost http --family AF_INET",
          "AF_INET AF_INET6"),
      new Row("netdb getaddrinfo localhost http --type SOCK_D", "SOCK_DGRAM"),
      new Row("netdb getaddrinfo localhost http --proto IPPROTO_UD", "IPPROTO_UDP IPPROTO_UDPLITE"),
      new Row("netdb getaddrinfo localhost http --flags AI_C", "AI_CANONNAME"),
      new Row("netdb getaddrinfo localhost http --flags AI_PASSIVE,AI_NUMERICS",
          "AI_PASSIVE,AI_NUMERICSERV"),
      new Row("netdb getaddrinfo localhost http --flags AI_PASSIVE,AI_CANONNAME,AI_V",
          "AI_PASSIVE,AI_CANONNAME,AI_V4MAPPED"),
      new Row("netdb getaddrinfo --f", "--family --flags"),
      new Row("netdb getnameinfo 127.0.0.1 80 --flags NI_NUMERICH", "NI_NUMERICHOST"),
      new Row("netdb inet_pton AF_INET", "AF_INET AF_INET6"),
      new Row("netdb inet_ntop AF_UN", "AF_UNIX AF_UNSPEC"),
      new Row("netdb inet_pton AF_INET6 ::", ""),
      new Row("netdb help getn", "getnameinfo"),
      new Row("netdb completion ''", "bash zsh"),
      new Row("netdb services --", "--help"),
      new Row("netdb gethostbyname loc", ""));

  @Test
  void bashCompletesCommandsOptionsAndConstants(@TempDir Path dir) throws Exception {
    Path script = Files.writeString(dir.resolve("netdb.bash"), ShellCompletion.bash());
    Files.writeString(dir.resolve("hosts.test"), "");
    List<Row> rows = new ArrayList<>(ROWS);
    rows.add(new Row("netdb --hosts " + dir + "/hosts.t", dir + "/hosts.test"));
    rows.add(new Row("netdb --", String.join(" ", optionNames())));
    rows.add(new Row("netdb ''", String.join(" ", Usage.names())));
    StringBuilder driver = new StringBuilder("""
        source "$1" || exit 9
        complete -p netdb
        tab() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
          _netdb; echo "${COMPREPLY[*]}"; }
        """);
    for (Row r : rows) {
      driver.append("tab ").append(r.line()).append('\n');
    }
    Path drive = Files.writeString(dir.resolve("drive.bash"), driver);
    String out = run(List.of("bash", "--norc", "--noprofile", drive.toString(),
        script.toString()));
    List<String> lines = out.lines().toList();
    assertThat(lines.getFirst()).isEqualTo("complete -F _netdb netdb");
    for (int i = 0; i < rows.size(); i++) {
      assertThat(lines.get(i + 1)).as(rows.get(i).line()).isEqualTo(rows.get(i).expected());
    }
    assertThat(lines).hasSize(rows.size() + 1);
  }

  @Test
  void everyTableConstantIsOffered() {
    String bash = ShellCompletion.bash();
    String zsh = ShellCompletion.zsh();
    for (String name : List.of("AF_INET6", "SOCK_SEQPACKET", "IPPROTO_ICMPV6", "AI_ADDRCONFIG",
        "NI_NAMEREQD")) {
      assertThat(bash).contains(name);
      assertThat(zsh).contains(name);
    }
    for (Usage.Entry e : Usage.COMMANDS) {
      assertThat(zsh).contains("'" + e.name() + ":");
    }
  }

  @Test
  void zshCompletesThroughItsCompletionSystem(@TempDir Path dir) throws Exception {
    boolean zsh = Files.isExecutable(Path.of("/usr/bin/zsh"))
        || Files.isExecutable(Path.of("/bin/zsh"));
    assumeTrue(zsh || "true".equals(System.getenv("CI")), "zsh is not installed");
    Path script = Files.writeString(dir.resolve("_netdb"), ShellCompletion.zsh());
    run(List.of("zsh", "-n", script.toString()));
    // An interactive zsh in a pseudo-terminal (zpty) loads the function with compinit; compadd is
    // wrapped to record every match it is given. Each line is typed with a TAB and run (netdb is
    // a no-op function there), then a marker command whose output ends that completion. No ^U:
    // typed ahead while zsh is between lines, the tty would treat it as its kill character.
    List<Row> rows = List.of(
        new Row("netdb geta", "getaddrinfo"),
        new Row("netdb --backend ", "java os"),
        new Row("netdb --fam", ""),
        new Row("netdb getaddrinfo localhost http --family AF_INET", "AF_INET AF_INET6"),
        new Row("netdb getaddrinfo localhost http --flags AI_PASSIVE,AI_C", "AI_CANONNAME"),
        new Row("netdb getaddrinfo localhost http --", "--family --flags --help --proto --type"),
        new Row("netdb inet_pton AF_UN", "AF_UNIX AF_UNSPEC"),
        new Row("netdb help getn", "getnameinfo"),
        new Row("netdb getnameinfo 127.0.0.1 80 --flags NI_NUMERICH", "NI_NUMERICHOST"));
    StringBuilder driver = new StringBuilder("""
        zmodload zsh/zpty
        D=$1
        n=1000
        zpty z 'zsh -f -i'
        zpty -w z "fpath=($D \\$fpath); autoload -Uz compinit; compinit -u -D; netdb() { :; }; \\
        compadd() { local -a h; builtin compadd -O h \\"\\$@\\"; print -rl -- \\$h >> $D/hits; \\
        builtin compadd \\"\\$@\\"; }"
        tab() {
          rm -f $D/hits
          (( n++ ))
          zpty -w -n z "$1"$'\\t\\n'"print \\$(( $n ))done"$'\\n'
          zpty -r z out "*${n}done*"
          local -a hits
          [[ -f $D/hits ]] && hits=(${(f)"$(sort -u $D/hits)"})
          print -r -- "${(j: :)${hits:#}}"
        }
        """);
    for (Row r : rows) {
      driver.append("tab '").append(r.line()).append("'\n");
    }
    driver.append("zpty -d z\n");
    Path drive = Files.writeString(dir.resolve("drive.zsh"), driver);
    String out = run(List.of("timeout", "60", "zsh", "-f", drive.toString(), dir.toString()));
    List<String> lines = out.lines().toList();
    for (int i = 0; i < rows.size(); i++) {
      assertThat(lines.get(i)).as(rows.get(i).line()).isEqualTo(rows.get(i).expected());
    }
    assertThat(lines).hasSize(rows.size());
  }

  private static List<String> optionNames() {
    List<String> names = new ArrayList<>();
    for (Usage.Option o : Usage.OPTIONS) {
      names.add(o.name());
    }
    return names;
  }

  /** Runs a shell, bounded in time, and returns its output; fails on a non-zero exit. */
  static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
