package dev.netdb.dns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Derives the default cap on the DNS sockets a client holds at once from the process's descriptor
 * limit ({@code RLIMIT_NOFILE}), so that a burst of lookups queues inside netdb instead of running
 * the process out of descriptors.
 *
 * <p>The limit is read from {@code /proc/self/limits} ("Max open files", the soft value), which
 * the JVM has already raised to the hard limit at start-up on Linux ({@code -XX:+MaxFDLimit}).
 * {@code com.sun.management.UnixOperatingSystemMXBean} would give the same number, but only with
 * the {@code jdk.management} module resolved, which a {@code requires static} does not ensure on
 * the module path; netdb reproduces glibc and so runs on Linux, where the file is always there.
 * When it cannot be read, 1024 (the usual soft default) is assumed.
 */
final class SocketBudget {
  private SocketBudget() {}

  /** Descriptors left to the rest of the process before netdb takes its share. */
  static final int RESERVE = 128;
  /** The most sockets in flight netdb takes by default, however high the limit. */
  static final int MAX_DEFAULT = 4096;

  /**
   * Returns half of what the soft limit leaves after {@link #RESERVE}, between 16 and {@link
   * #MAX_DEFAULT}: 448 under {@code ulimit -n 1024}. The other half stays with the application (and
   * netdb's pool of ready sockets, which {@link UdpSocketPool#targetFor} keeps within it).
   */
  static int defaultMaxSockets() {
    return defaultFor(softLimit());
  }

  static int defaultFor(long softLimit) {
    return (int) Math.max(16, Math.min(MAX_DEFAULT, (softLimit - RESERVE) / 2));
  }

  /** Returns the soft {@code RLIMIT_NOFILE}, {@link Long#MAX_VALUE} for unlimited, 1024 if unknown. */
  static long softLimit() {
    try {
      return parseLimits(Files.readString(Path.of("/proc/self/limits")));
    } catch (IOException | RuntimeException e) {
      return 1024;
    }
  }

  /** Returns the soft "Max open files" of a {@code /proc/PID/limits} text, 1024 if absent. */
  static long parseLimits(String limits) {
    for (String line : limits.split("\n")) {
      if (!line.startsWith("Max open files")) continue;
      String[] f = line.substring("Max open files".length()).trim().split("\\s+");
      if (f.length == 0) break;
      if (f[0].equals("unlimited")) return Long.MAX_VALUE;
      try {
        return Long.parseLong(f[0]);
      } catch (NumberFormatException e) {
        break;
      }
    }
    return 1024;
  }
}
