package dev.netdb.cli;

import java.util.List;

/**
 * Holds the global options of the command line: the back end, JSON output, and the inputs of the
 * pure-Java back end ({@code --hosts}, {@code --resolv-conf}, {@code --nameserver}, {@code
 * --gai-conf}, {@code --no-cache}, {@code --hostname}, {@code --interface}).
 *
 * @param backend {@code "os"}, {@code "java"}, or null for the default ({@code NetDb.system()})
 * @param json whether to print one JSON object per call
 * @param hosts the hosts file, or null for the system's
 * @param resolvConf the resolv.conf file, or null for the system's
 * @param nameservers {@code IP[:PORT]} entries that replace resolv.conf's nameservers
 * @param gaiConf the gai.conf file, or null for the system's
 * @param noCache whether the Java back end's cache is off
 * @param hostname the host name gethostname() returns, or null for the kernel's
 * @param interfaces {@code IP/PREFIX[%INDEX]} entries that replace the machine's interface
 *     addresses (for AI_ADDRCONFIG and the RFC 3484 sort); empty for the machine's
 * @param maxLineBytes the longest batch line, in bytes ({@code --max-line-bytes})
 * @param maxDepth the deepest nesting of a JSON batch line ({@code --max-depth})
 * @param udpMaxQueries DNS queries per UDP socket of the java back end ({@code
 *     --udp-max-queries}); 0 for a fresh socket per query
 */
record Options(
    String backend,
    boolean json,
    String hosts,
    String resolvConf,
    List<String> nameservers,
    String gaiConf,
    boolean noCache,
    String hostname,
    List<String> interfaces,
    int maxLineBytes,
    int maxDepth,
    int udpMaxQueries) {

  /** Creates options with a fresh DNS socket per query. */
  Options(String backend, boolean json, String hosts, String resolvConf, List<String> nameservers,
      String gaiConf, boolean noCache, String hostname, List<String> interfaces, int maxLineBytes,
      int maxDepth) {
    this(backend, json, hosts, resolvConf, nameservers, gaiConf, noCache, hostname, interfaces,
        maxLineBytes, maxDepth, 0);
  }

  /** Creates options with the default batch limits. */
  Options(String backend, boolean json, String hosts, String resolvConf, List<String> nameservers,
      String gaiConf, boolean noCache, String hostname, List<String> interfaces) {
    this(backend, json, hosts, resolvConf, nameservers, gaiConf, noCache, hostname, interfaces,
        BatchInput.DEFAULT_MAX_LINE_BYTES, JsonReader.DEFAULT_MAX_DEPTH);
  }

  /** Reports whether any option of the pure-Java back end was given. */
  boolean hasJavaOptions() {
    return hosts != null || resolvConf != null || !nameservers.isEmpty() || gaiConf != null
        || noCache || hostname != null || !interfaces.isEmpty() || udpMaxQueries > 0;
  }
}
