package dev.netdb.cli;

import java.io.StringReader;
import java.io.StringWriter;

/**
 * Runs a few typical commands in-process while the launcher records an AOT cache ({@code
 * -XX:AOTCacheOutput}), so that later starts find those classes already loaded and linked. Failures
 * are ignored: a back end missing here only makes the cache smaller.
 */
public final class Train {
  private Train() {}

  /** Runs the training commands. */
  public static void main(String[] args) {
    String[][] runs = {
      {"getservbyname", "http"},
      {"getservbyport", "80"},
      {"getprotobyname", "tcp"},
      {"inet_pton", "AF_INET6", "::1"},
      {"inet_ntop", "AF_INET", "7f000001"},
      {"inet_aton", "127.0.0.1"},
      {"inet_ntoa", "7f000001"},
      {"getaddrinfo", "127.0.0.1", "80", "--flags", "AI_NUMERICHOST"},
      {"--json", "getservbyname", "http", "nosuch"},
      {"--json", "inet_pton", "-"},
      {"services", "http"},
      {"protocols", "tcp"},
      {"create_connection", "127.0.0.1", "1", "--happy-eyeballs-delay", "0.1"}, // RST, loopback
    };
    for (String[] run : runs) {
      StringWriter sink = new StringWriter();
      new Cli(new StringReader("[\"AF_INET\", \"1.2.3.4\"]\n"), sink, sink, Main.BACKENDS)
          .run(run);
    }
  }
}
