package dev.netdb.os;

import dev.netdb.os.OsBackendPythonTest.Case;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The table of calls {@link OsBackendPythonTest} makes on both sides. Every getaddrinfo host is
 * NULL, {@code "*"}, a literal, or carries {@code AI_NUMERICHOST}; host names appear only where
 * /etc/hosts holds them with an IPv4 address.
 */
final class OsBackendCases {
  private OsBackendCases() {}

  // Linux constants, spelled out so each row reads like the Python call.
  static final int UNSPEC = 0, UNIX = 1, INET = 2, INET6 = 10;
  static final int STREAM = 1, DGRAM = 2, RAW = 3, RDM = 4, SEQPACKET = 5, CLOEXEC = 0x80000;
  static final int PASSIVE = 1, CANONNAME = 2, NUMERICHOST = 4, V4MAPPED = 8, ALL = 16;
  static final int ADDRCONFIG = 32, NUMERICSERV = 1024;
  static final int TCP = 6, UDP = 17, SCTP = 132;
  static final int NI_NUMERICHOST = 1, NI_NUMERICSERV = 2, NI_NOFQDN = 4, NI_NAMEREQD = 8;
  static final int NI_DGRAM = 16;

  private static Case gai(String host, String service, int family, int type, int proto, int flags) {
    return new Case("gai", host, service, family, type, proto, flags);
  }

  private static Case gai(String host, String service) {
    return gai(host, service, UNSPEC, 0, 0, 0);
  }

  static Stream<Case> all() {
    return Stream.of(getaddrinfo(), getnameinfo(), databases(), hosts())
        .flatMap(List::stream);
  }

  static List<Case> getaddrinfo() {
    return List.of(
        // Literals, both families, the triplets when no type is given.
        gai("127.0.0.1", "80"),
        gai("127.0.0.1", "80", INET, STREAM, 0, 0),
        gai("::1", "80"),
        gai("::1", "80", INET6, DGRAM, 0, 0),
        gai("::", "0"),
        gai("0.0.0.0", null),
        gai("::ffff:127.0.0.1", "80", INET, STREAM, 0, 0),
        gai("::ffff:127.0.0.1", "80"),
        gai("2001:db8::1", "443", UNSPEC, STREAM, TCP, 0),
        // inet_aton forms are accepted by getaddrinfo's numeric parse, trailing text is not.
        gai("127.1", "80", UNSPEC, STREAM, 0, 0),
        gai("127.1", "80", UNSPEC, STREAM, 0, NUMERICHOST),
        gai("0x7f.1", "80", UNSPEC, STREAM, 0, NUMERICHOST),
        gai("017700000001", "80", UNSPEC, STREAM, 0, NUMERICHOST),
        gai("127.0.0.1 ", "80", INET, STREAM, 0, NUMERICHOST),
        gai("256.0.0.1", "80", UNSPEC, STREAM, 0, NUMERICHOST),
        gai("localhost", "80", INET, STREAM, 0, NUMERICHOST),
        // Scopes: decimal for any address, names only for link-local.
        gai("fe80::1%1", "80"),
        gai("fe80::1%lo", "80", UNSPEC, STREAM, 0, 0),
        gai("fe80::1%01", "80", UNSPEC, STREAM, 0, NUMERICHOST),
        gai("::1%1", "80", UNSPEC, STREAM, 0, 0),
        gai("::1%lo", "80", UNSPEC, STREAM, 0, NUMERICHOST),
        gai("fe80::1%nosuchif0", "80", UNSPEC, STREAM, 0, NUMERICHOST),
        gai("fe80::1%4294967295", "80", UNSPEC, STREAM, 0, NUMERICHOST),
        gai("fe80::1%4294967296", "80", UNSPEC, STREAM, 0, NUMERICHOST),
        // NULL host, with and without AI_PASSIVE; "*" means NULL.
        gai(null, "80", UNSPEC, 0, 0, PASSIVE),
        gai(null, "80", UNSPEC, STREAM, 0, 0),
        gai(null, "http", INET6, 0, 0, PASSIVE),
        gai(null, null),
        gai("*", "*"),
        gai("*", "80", UNSPEC, STREAM, 0, 0),
        gai("127.0.0.1", "*", INET, STREAM, 0, 0),
        // Flags.
        gai("127.0.0.1", "80", UNSPEC, 0, 0, 0x12345),
        gai(null, "80", UNSPEC, STREAM, 0, CANONNAME),
        gai("127.0.0.1", "80", UNSPEC, 0, 0, CANONNAME),
        gai("::1", "80", UNSPEC, STREAM, 0, CANONNAME | NUMERICHOST),
        gai("127.0.0.1", "80", INET6, STREAM, 0, V4MAPPED),
        gai("127.0.0.1", "80", INET6, STREAM, 0, V4MAPPED | ALL),
        gai("127.0.0.1", "80", UNSPEC, STREAM, 0, V4MAPPED),
        gai("127.0.0.1", "80", UNSPEC, STREAM, 0, ADDRCONFIG),
        gai("::1", "80", UNSPEC, STREAM, 0, ADDRCONFIG),
        gai("127.0.0.1", "http", UNSPEC, STREAM, 0, NUMERICSERV),
        gai("127.0.0.1", "80", UNSPEC, STREAM, 0, NUMERICSERV),
        gai("127.0.0.1", "80", UNSPEC, STREAM, 0, 0x40), // AI_IDN
        // Families.
        gai("127.0.0.1", "80", UNIX, 0, 0, 0),
        gai("127.0.0.1", "80", 99, 0, 0, 0),
        gai("127.0.0.1", "80", INET6, 0, 0, 0),
        gai("2001:db8::1", "80", INET, 0, 0, 0),
        // Socket types and protocols (glibc's gaih_inet_typeproto table).
        gai("127.0.0.1", "80", UNSPEC, RAW, 0, 0),
        gai("127.0.0.1", null, UNSPEC, RAW, 0, 0),
        gai("127.0.0.1", "80", UNSPEC, SEQPACKET, 0, 0),
        gai("127.0.0.1", "80", UNSPEC, RDM, 0, 0),
        gai("127.0.0.1", "80", UNSPEC, STREAM | CLOEXEC, 0, 0),
        gai("127.0.0.1", "80", UNSPEC, DGRAM, TCP, 0),
        gai("127.0.0.1", "80", UNSPEC, 0, SCTP, 0),
        gai("127.0.0.1", "80", UNSPEC, 0, UDP, 0),
        gai("127.0.0.1", null, UNSPEC, 0, 99, 0),
        gai("127.0.0.1", "80", UNSPEC, 0, 99, 0),
        gai("127.0.0.1", "80", UNSPEC, 42, 0, 0),
        // Services by name: only the protocols that list them.
        gai("127.0.0.1", "http"),
        gai("127.0.0.1", "www", INET, STREAM, 0, 0),
        gai("127.0.0.1", "domain"),
        gai("127.0.0.1", "amqp"),
        gai("127.0.0.1", "tftp", UNSPEC, STREAM, 0, 0),
        gai("127.0.0.1", "nosuchservice"),
        gai("127.0.0.1", "HTTP"),
        // strtoul ports: mod 65536, leading space and '+', negative as a name.
        gai("127.0.0.1", "65536", INET, STREAM, 0, 0),
        gai("127.0.0.1", "70000", INET, STREAM, 0, 0),
        gai("127.0.0.1", "4294967376", INET, STREAM, 0, 0),
        gai("127.0.0.1", "2147483648", INET, STREAM, 0, 0),
        gai("127.0.0.1", "-1", INET, STREAM, 0, 0),
        gai("127.0.0.1", " 80", INET, STREAM, 0, 0),
        gai("127.0.0.1", "+80", INET, STREAM, 0, 0),
        gai("127.0.0.1", "80 ", INET, STREAM, 0, 0),
        gai("127.0.0.1", "0x50", INET, STREAM, 0, 0),
        gai("127.0.0.1", "", INET, STREAM, 0, 0),
        gai("127.0.0.1", "0", INET, DGRAM, 0, 0));
  }

  private static Case ni(String host, int port, int flow, int scope, int flags, int family) {
    return new Case("nameinfo", host, port, flow, scope, flags, family);
  }

  static List<Case> getnameinfo() {
    return List.of(
        ni("127.0.0.1", 80, 0, 0, 0, INET),
        ni("127.0.0.1", 80, 0, 0, NI_NAMEREQD, INET),
        ni("127.0.0.1", 80, 0, 0, NI_NOFQDN, INET),
        ni("127.0.0.1", 80, 0, 0, NI_NUMERICHOST, INET),
        ni("127.0.0.1", 80, 0, 0, NI_NUMERICHOST | NI_NUMERICSERV, INET),
        ni("127.0.0.1", 53, 0, 0, NI_NUMERICHOST | NI_DGRAM, INET),
        ni("127.0.0.1", 9, 0, 0, NI_NUMERICHOST | NI_DGRAM, INET),
        ni("127.0.0.1", 0, 0, 0, NI_NUMERICHOST, INET),
        ni("127.0.0.1", 65535, 0, 0, NI_NUMERICHOST, INET),
        ni("127.0.0.1", 80, 0, 0, NI_NUMERICHOST | 0x1000, INET),
        ni("::1", 80, 0, 0, NI_NUMERICHOST, INET6),
        ni("::1", 443, 7, 0, NI_NUMERICHOST | NI_NUMERICSERV, INET6),
        ni("fe80::1", 80, 0, 1, NI_NUMERICHOST, INET6),
        ni("fe80::1", 80, 0, 99999, NI_NUMERICHOST, INET6),
        ni("::1", 80, 0, 1, NI_NUMERICHOST, INET6),
        ni("ff02::1", 80, 0, 1, NI_NUMERICHOST, INET6),
        ni("::ffff:127.0.0.1", 80, 0, 0, NI_NUMERICHOST, INET6),
        ni("::1", 80, 0, 0, NI_NUMERICHOST | NI_NAMEREQD, INET6));
  }

  static List<Case> databases() {
    return List.of(
        new Case("servbyname", "http", null),
        new Case("servbyname", "http", "tcp"),
        new Case("servbyname", "http", "udp"),
        new Case("servbyname", "www", null),
        new Case("servbyname", "HTTP", null),
        new Case("servbyname", "http", "TCP"),
        new Case("servbyname", "domain", "udp"),
        new Case("servbyname", "https", null),
        new Case("servbyname", "ftp", null),
        new Case("servbyname", "gopher", null),
        new Case("servbyname", "smtp", null),
        new Case("servbyname", "imap", null),
        new Case("servbyname", "imaps", null),
        new Case("servbyname", "pop3", null),
        new Case("servbyname", "pop3s", null),
        new Case("servbyname", "80", null),
        new Case("servbyname", "", null),
        new Case("servbyname", "nosuchservice", null),
        new Case("servbyport", 80, null),
        new Case("servbyport", 80, "udp"),
        new Case("servbyport", 143, null),
        new Case("servbyport", 53, "udp"),
        new Case("servbyport", 0, null),
        new Case("servbyport", 1, null),
        new Case("servbyport", 65535, null),
        new Case("servbyport", 993, "tcp"),
        new Case("protobyname", "tcp"),
        new Case("protobyname", "udp"),
        new Case("protobyname", "icmp"),
        new Case("protobyname", "TCP"),
        new Case("protobyname", "Tcp"),
        new Case("protobyname", "ipv6-icmp"),
        new Case("protobyname", "ip"),
        new Case("protobyname", "nosuchproto"),
        new Case("protobyname", ""));
  }

  static List<Case> hosts() {
    return List.of(
        new Case("hostname"),
        new Case("hostbyname_ex", "localhost"),
        new Case("hostbyname_ex", "LocalHost"),
        new Case("hostbyname_ex", "vm"),
        new Case("hostbyname_ex", "127.0.0.1"),
        new Case("hostbyname_ex", "127.1"),
        new Case("hostbyaddr", "127.0.0.1"));
  }

  /** Runs {@code cases} through the oracle script in one Python process; answers by case. */
  static Map<Case, String> runPython(Path python, List<Case> cases)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("netdb-oracle", ".py");
    try {
      try (InputStream in =
          Objects.requireNonNull(
              OsBackendCases.class.getResourceAsStream("/testdata/os/python_oracle.py"))) {
        Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Process p =
          new ProcessBuilder(python.toString(), "-I", script.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      // Written from another thread, so a full output pipe cannot stall the input side.
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (var w = p.outputWriter(StandardCharsets.UTF_8)) {
                      for (Case c : cases) {
                        w.write(c.json());
                        w.write('\n');
                      }
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
      List<String> lines = p.inputReader(StandardCharsets.UTF_8).lines().toList();
      writer.join();
      if (p.waitFor() != 0 || lines.size() != cases.size()) {
        throw new IllegalStateException(
            "oracle failed: exit " + p.exitValue() + ", " + lines.size() + " answers");
      }
      Map<Case, String> out = new HashMap<>();
      for (int i = 0; i < cases.size(); i++) {
        out.put(cases.get(i), lines.get(i));
      }
      return out;
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
