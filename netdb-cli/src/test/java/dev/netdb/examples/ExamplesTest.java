package dev.netdb.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netdb.NetDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the offline example twins in-process and compares their output byte for byte with the
 * chapter's Python programs run by {@code /usr/bin/python3}. The host-lookup twins run only with
 * hosts that glibc answers from /etc/hosts or parses as numbers for the families they ask
 * (localhost and vm with AF_INET, 127.0.0.1); their default hosts, getfqdn, and any AF_UNSPEC
 * lookup of a name would go to DNS outside the oracle namespace.
 */
class ExamplesTest {
  private static final Path PROGRAMS = Path.of("/work/shared/seed/programs");
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      getservbyname        | ''
      getservbyport        | ''
      getprotobyname       | ''
      address_packing      | ''
      ipv6_address_packing | ''
      gethostname          | ''
      getservbyname        | domain ssh
      getservbyport        | 22 53
      getprotobyname       | icmp
      address_packing      | 10.0.0.1
      ipv6_address_packing | ::1
      gethostbyname        | localhost vm 127.0.0.1
      gethostbyname_ex     | localhost vm
      gethostbyaddr        | 127.0.0.1
      getaddrinfo          | 127.0.0.1
      getaddrinfo_extra_args | 127.0.0.1 localhost
      """)
  void twinPrintsWhatPythonPrints(String name, String values) throws Exception {
    Path program = PROGRAMS.resolve("socket_" + name + ".py");
    assumeTrue(Files.isExecutable(PYTHON) && Files.exists(program), "python3 or seed missing");
    List<String> args = values.isEmpty() ? List.of() : List.of(values.split(" "));
    String expected = python(program, name, args);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
      body(name).run(new Example.Args(NetDb.system(), args), out);
    }
    assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  private static Example.Body body(String name) {
    return switch (name) {
      case "getservbyname" -> SocketGetservbyname::run;
      case "getservbyport" -> SocketGetservbyport::run;
      case "getprotobyname" -> SocketGetprotobyname::run;
      case "address_packing" -> SocketAddressPacking::run;
      case "ipv6_address_packing" -> SocketIpv6AddressPacking::run;
      case "gethostname" -> SocketGethostname::run;
      case "gethostbyname" -> SocketGethostbyname::run;
      case "gethostbyname_ex" -> SocketGethostbynameEx::run;
      case "gethostbyaddr" -> SocketGethostbyaddr::run;
      case "getaddrinfo" -> SocketGetaddrinfo::run;
      case "getaddrinfo_extra_args" -> SocketGetaddrinfoExtraArgs::run;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** Runs a host-lookup program once per host, the host replacing the chapter's literal. */
  private static String pythonHosts(String source, String name, List<String> hosts)
      throws IOException, InterruptedException {
    if (name.startsWith("gethostbyname")) {
      return run(source.replaceFirst("HOSTS = \\[[^\\]]*\\]",
          "HOSTS = ['" + String.join("', '", hosts) + "']"));
    }
    StringBuilder out = new StringBuilder();
    for (String host : hosts) {
      out.append(run(source.replace(name.equals("gethostbyaddr") ? "'10.9.0.10'"
          : "'www.python.org'", "'" + host + "'")));
    }
    return out.toString();
  }

  /**
   * Runs the Python program; given values replace the chapter's list literal in its source, the
   * same substitution the twin makes with its arguments.
   */
  private static String python(Path program, String name, List<String> values)
      throws IOException, InterruptedException {
    String source = Files.readString(program);
    if (!values.isEmpty() && name.startsWith("get") && !name.startsWith("getserv")
        && !name.startsWith("getproto")) {
      return pythonHosts(source, name, values);
    }
    if (!values.isEmpty()) {
      String literal = name.equals("getservbyport") ? "[" + String.join(", ", values) + "]"
          : "['" + String.join("', '", values) + "']";
      source = switch (name) {
        case "getservbyname" -> source.replaceFirst("services = \\[[^\\]]*\\]",
            "services = " + literal);
        case "getservbyport" -> source.replaceFirst("for port in \\[[^\\]]*\\]",
            "for port in " + literal);
        case "getprotobyname" -> source.replaceFirst("for name in \\[[^\\]]*\\]",
            "for name in " + literal);
        case "address_packing" -> source.replaceFirst("for string_address in \\[[^\\]]*\\]",
            "for string_address in " + literal);
        case "ipv6_address_packing" -> source.replaceFirst("string_address = '[^']*'",
            "string_address = '" + values.get(0) + "'");
        default -> throw new IllegalArgumentException(name);
      };
    }
    return run(source);
  }

  private static String run(String source) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(PYTHON.toString(), "-c", source)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    return out;
  }
}
