package dev.netdb.cli;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Runs every command in-process, on the default back end and on each named one, while the
 * launcher or the packaging step records an AOT cache ({@code -XX:AOTCacheOutput}), so that later
 * starts find those classes already loaded and linked. Failures are ignored: a back end missing
 * here only makes the cache smaller. {@link #main} says how the commands split into profiles.
 *
 * <p>Only calls that need no name lookup are made (numeric addresses, services, protocols,
 * {@code NI_NUMERICHOST}), so training never sends a packet, whatever this machine's hosts file
 * and resolver say.
 */
public final class Train {
  private Train() {}

  /** The standard input of the batch runs ({@code inet_pton -}). */
  private static final byte[] BATCH = "[\"AF_INET\", \"1.2.3.4\"]\n".getBytes(StandardCharsets.UTF_8);

  private static final String[][] RUNS = {
    {"getservbyname", "http"},
    {"getservbyname", "http/tcp", "domain/udp", "nosuch"},
    {"getservbyport", "80", "53/udp", "9"},
    {"getprotobyname", "tcp", "udp", "nosuch"},
    {"gethostname"},
    {"gethostbyname", "127.0.0.1"},
    {"gethostbyname_ex", "127.0.0.1"},
    {"inet_pton", "AF_INET6", "::1"},
    {"inet_ntop", "AF_INET", "7f000001"},
    {"inet_aton", "127.0.0.1", "127.1", "bad"},
    {"inet_ntoa", "7f000001"},
    {"getaddrinfo", "127.0.0.1", "80", "--flags", "AI_NUMERICHOST"},
    {"getaddrinfo", "::1", "http", "--family", "AF_INET6", "--type", "SOCK_STREAM",
        "--proto", "IPPROTO_TCP", "--flags", "AI_NUMERICHOST,AI_NUMERICSERV"},
    {"getaddrinfo", "None", "80", "--flags", "AI_PASSIVE"},
    {"getnameinfo", "127.0.0.1", "80", "--flags", "NI_NUMERICHOST,NI_NUMERICSERV"},
    {"--json", "getservbyname", "http", "nosuch"},
    {"--json", "getservbyport", "80"},
    {"--json", "getprotobyname", "tcp"},
    {"--json", "getaddrinfo", "127.0.0.1", "80", "--flags", "AI_NUMERICHOST"},
    {"--json", "inet_pton", "-"},
    {"services"},
    {"services", "http", "nosuch"},
    {"protocols"},
    {"protocols", "tcp", "6"},
    {"create_connection", "127.0.0.1", "1", "--happy-eyeballs-delay", "0.1"}, // RST, loopback
    {"--help"},
    {"nosuchcommand"},
  };

  /**
   * The commands that look hosts up (glibc on the OS back end, DNS on the java one);
   * scripts/netdb-java and the archive's bin/netdb keep the same list to pick a cache.
   */
  static final Set<String> GLIBC =
      Set.of(
          "gethostname", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn",
          "getaddrinfo", "getnameinfo", "hosts", "ahosts", "ahostsv4", "ahostsv6",
          "create_connection");

  /**
   * Runs the training commands of one cache profile, named by the first argument: {@code files}
   * (the commands that need no host lookup: services, protocols, codecs, help; default and OS back
   * end), {@code glibc} (host lookups on the OS back end), {@code java-files} (the first group on
   * the pure-Java back end) or {@code java} (host lookups on the pure-Java back end). One cache per
   * profile, because the JVM loads every class of a cache at start-up: a cache that holds the FFM
   * or DNS machinery too would cost every command of the other groups 300-600 more classes (about
   * 11 µs each, BENCHMARKS.md).
   */
  public static void main(String[] args) {
    String profile = args.length > 0 ? args[0] : "files";
    String[][] backends =
        switch (profile) {
          case "java", "java-files" -> new String[][] {{"--backend", "java"}};
          case "files", "glibc" -> new String[][] {{}, {"--backend", "os"}};
          default -> throw new IllegalArgumentException("profile: files, glibc, java-files or java");
        };
    boolean hostLookups = profile.equals("glibc") || profile.equals("java");
    for (String[] backend : backends) {
      for (String[] run : RUNS) {
        if (GLIBC.contains(run[run[0].equals("--json") ? 1 : 0]) != hostLookups) {
          continue;
        }
        String[] argv = new String[backend.length + run.length];
        System.arraycopy(backend, 0, argv, 0, backend.length);
        System.arraycopy(run, 0, argv, backend.length, run.length);
        // The same stream classes as Main's (a decoder, an encoder), so they are cached too.
        var in = new InputStreamReader(new ByteArrayInputStream(BATCH), StandardCharsets.UTF_8);
        var out = new BufferedWriter(
            new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
        var err = new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        try {
          new Cli(in, out, err, Main.BACKENDS).run(argv);
        } catch (RuntimeException e) {
          // a back end that cannot run here only makes the cache smaller
        }
      }
    }
  }
}
