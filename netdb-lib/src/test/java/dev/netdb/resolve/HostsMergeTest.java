package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import dev.netdb.files.FilesDatabases;
import dev.netdb.files.GaiConf;
import dev.netdb.files.HostConf;
import dev.netdb.files.HostsFile;
import dev.netdb.PythonLayers;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How {@code multi on} merges hosts lines, on two scenario files. Expected outputs were taken from
 * CPython 3.11.2 on glibc 2.36 in a private network namespace with the file bind-mounted as
 * /etc/hosts, nsswitch {@code hosts: files} and only a loopback interface (so no query could
 * leave the machine).
 */
class HostsMergeTest {
  private static NetDb netdb(String file) {
    HostsFile hosts = HostsFile.parse(Fixture.resource("hosts/" + file));
    HostConf multi = HostConf.parse("multi on\n");
    // The experiment ran with only a loopback interface.
    Environment base = Fixture.environment(Fixture.Network.LO_ONLY, "", "multi on", NssDns.none());
    return PythonLayers.over(new JavaBackend(new Environment(
        () -> hosts, () -> multi, GaiConf::defaults, base.services(), base.dns(), base.hostname(),
        base.interfaces(), base.sourceProbe(), base.interfaceIndex(), base.interfaceName())));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("multi-merge", "gethostbyname_ex('a.example')", (Function<NetDb, Object>) db -> db.gethostbynameEx("a.example"),
            "('a.example', ['x', 'A.EXAMPLE', 'y', 'B.Example', 'z'], ['192.0.2.1', '192.0.2.2', '192.0.2.3', '127.0.0.1'])"),
        Arguments.of("multi-merge", "gethostbyname_ex('A.EXAMPLE')", (Function<NetDb, Object>) db -> db.gethostbynameEx("A.EXAMPLE"),
            "('a.example', ['x', 'A.EXAMPLE', 'y', 'B.Example', 'z'], ['192.0.2.1', '192.0.2.2', '192.0.2.3', '127.0.0.1'])"),
        Arguments.of("multi-merge", "gethostbyname_ex('y')", (Function<NetDb, Object>) db -> db.gethostbynameEx("y"),
            "('B.Example', ['A.EXAMPLE', 'y'], ['192.0.2.2'])"),
        Arguments.of("multi-merge", "gethostbyname_ex('c.example')", (Function<NetDb, Object>) db -> db.gethostbynameEx("c.example"),
            "('c.example', ['c.example', 'other.example'], ['192.0.2.4', '192.0.2.4'])"),
        Arguments.of("multi-merge", "gethostbyname_ex('other.example')", (Function<NetDb, Object>) db -> db.gethostbynameEx("other.example"),
            "('other.example', ['c.example'], ['192.0.2.4'])"),
        Arguments.of("multi-merge", "gethostbyaddr('192.0.2.4')", (Function<NetDb, Object>) db -> db.gethostbyaddr("192.0.2.4"),
            "('c.example', [], ['192.0.2.4'])"),
        Arguments.of("multi-merge", "gethostbyaddr('192.0.2.2')", (Function<NetDb, Object>) db -> db.gethostbyaddr("192.0.2.2"),
            "('B.Example', ['A.EXAMPLE', 'y'], ['192.0.2.2'])"),
        Arguments.of("multi-merge", "getaddrinfo('a.example', 80, 0, SOCK_STREAM, 0, AI_CANONNAME)",
            (Function<NetDb, Object>) db -> db.getaddrinfo("a.example", 80, 0, 1, 0, 2),
            "[6/S/6 canon='a.example' ('::1', 80, 0, 0); 4/S/6 ('192.0.2.1', 80); 4/S/6 ('192.0.2.2', 80); 4/S/6 ('192.0.2.3', 80)]"),
        Arguments.of("multi-case", "gethostbyname_ex('d.example')", (Function<NetDb, Object>) db -> db.gethostbynameEx("d.example"),
            "('d.example', ['e', 'D.EXAMPLE', 'd.example'], ['192.0.2.5', '192.0.2.6', '192.0.2.7'])"),
        Arguments.of("multi-case", "gethostbyname_ex('e')", (Function<NetDb, Object>) db -> db.gethostbynameEx("e"),
            "('D.EXAMPLE', ['e'], ['192.0.2.6'])"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void mergesAsGlibc(String file, String call, Function<NetDb, Object> run, String expected) {
    assertThat(Fixture.outcome(() -> run.apply(netdb(file)))).isEqualTo(expected);
  }
}
