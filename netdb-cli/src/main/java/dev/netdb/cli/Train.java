package dev.netdb.cli;

import java.io.StringReader;
import java.io.StringWriter;

/**
 * Runs every command in-process, on the default back end and on each named one, while the
 * launcher or the packaging step records an AOT cache ({@code -XX:AOTCacheOutput}), so that later
 * starts find those classes already loaded and linked. Failures are ignored: a back end missing
 * here only makes the cache smaller.
 *
 * <p>Only calls that need no name lookup are made (numeric addresses, services, protocols,
 * {@code NI_NUMERICHOST}), so training never sends a packet, whatever this machine's hosts file
 * and resolver say.
 */
public final class Train {
  private Train() {}

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
    {"--help"},
    {"nosuchcommand"},
  };

  private static final String[][] BACKENDS = {{}, {"--backend", "java"}, {"--backend", "os"}};

  /** Runs the training commands on each back end. */
  public static void main(String[] args) {
    for (String[] backend : BACKENDS) {
      for (String[] run : RUNS) {
        String[] argv = new String[backend.length + run.length];
        System.arraycopy(backend, 0, argv, 0, backend.length);
        System.arraycopy(run, 0, argv, backend.length, run.length);
        StringWriter sink = new StringWriter();
        try {
          new Cli(new StringReader("[\"AF_INET\", \"1.2.3.4\"]\n"), sink, sink, Main.BACKENDS)
              .run(argv);
        } catch (RuntimeException e) {
          // a back end that cannot run here only makes the cache smaller
        }
      }
    }
  }
}
