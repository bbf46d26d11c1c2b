package dev.netdb.cli;

import java.util.List;

/**
 * Holds the global options of the command line: the back end, JSON output, and the inputs of the
 * pure-Java back end ({@code --hosts}, {@code --resolv-conf}, {@code --nameserver}, {@code
 * --gai-conf}, {@code --no-cache}).
 *
 * @param backend {@code "os"}, {@code "java"}, or null for the default ({@code NetDb.system()})
 * @param json whether to print one JSON object per call
 * @param hosts the hosts file, or null for the system's
 * @param resolvConf the resolv.conf file, or null for the system's
 * @param nameservers {@code IP[:PORT]} entries that replace resolv.conf's nameservers
 * @param gaiConf the gai.conf file, or null for the system's
 * @param noCache whether the Java back end's cache is off
 */
record Options(
    String backend,
    boolean json,
    String hosts,
    String resolvConf,
    List<String> nameservers,
    String gaiConf,
    boolean noCache) {

  /** Reports whether any option of the pure-Java back end was given. */
  boolean hasJavaOptions() {
    return hosts != null || resolvConf != null || !nameservers.isEmpty() || gaiConf != null
        || noCache;
  }
}
