package dev.netdb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds what in this machine's resolver configuration netdb's pure-Java back end does not model,
 * so that {@code explain} can name it when the two back ends differ: nsswitch.conf {@code hosts}
 * sources other than {@code files} and {@code dns} (and any {@code [STATUS=ACTION]}), resolv.conf
 * {@code sortlist} and the {@code inet6} option, and {@code HOSTALIASES}.
 */
final class Unmodelled {
  private Unmodelled() {}

  /** Returns one line per unmodelled setting found in the system's files and environment. */
  static List<String> find() {
    return find(Path.of("/etc/nsswitch.conf"), Path.of("/etc/resolv.conf"), System.getenv("HOSTALIASES"));
  }

  /**
   * Returns one line per unmodelled setting, the nsswitch.conf part from the OS back end's own
   * {@code hosts} route (the sources glibc walks, as it parsed them) rather than from the file.
   */
  static List<String> find(dev.netdb.trace.TraceStep.Nss hostsRoute) {
    List<String> out = new ArrayList<>();
    for (String source : hostsRoute.sources()) {
      // NssSource spells a source as "module" or "module [STATUS=action ...]"
      int bracket = source.indexOf(" [");
      String module = bracket < 0 ? source : source.substring(0, bracket);
      if (!module.equals("files") && !module.equals("dns")) {
        out.add("nsswitch.conf: hosts source '" + source + "' (netdb asks files, then dns)");
      } else if (bracket >= 0) {
        out.add("nsswitch.conf: action " + source.substring(bracket + 1) + " after " + module
            + " on the hosts line");
      }
    }
    if (!hostsRoute.sources().equals(List.of("files", "dns")) && out.isEmpty()) {
      out.add("nsswitch.conf: hosts: " + String.join(" ", hostsRoute.sources())
          + " (netdb asks files, then dns)");
    }
    out.addAll(find(null, Path.of("/etc/resolv.conf"), System.getenv("HOSTALIASES")));
    return out;
  }

  static List<String> find(Path nsswitch, Path resolvConf, String hostAliases) {
    List<String> out = new ArrayList<>();
    for (String line : nsswitch == null ? List.<String>of() : lines(nsswitch)) {
      String l = line.strip();
      if (!l.startsWith("hosts:")) {
        continue;
      }
      for (String source : l.substring(6).trim().split("\\s+")) {
        if (source.isEmpty() || source.equals("files") || source.equals("dns")) {
          continue;
        }
        out.add(source.startsWith("[")
            ? nsswitch + ": action " + source + " on the hosts line"
            : nsswitch + ": hosts source '" + source + "' (netdb asks files, then dns)");
      }
    }
    for (String line : lines(resolvConf)) {
      String l = line.strip().toLowerCase(Locale.ROOT);
      if (l.startsWith("sortlist")) {
        out.add(resolvConf + ": sortlist (netdb orders by RFC 3484 and gai.conf only)");
      } else if (l.startsWith("options") && List.of(l.split("\\s+")).contains("inet6")) {
        out.add(resolvConf + ": options inet6");
      }
    }
    if (hostAliases != null && !hostAliases.isEmpty()) {
      out.add("HOSTALIASES=" + hostAliases + " (netdb reads no host aliases file)");
    }
    return out;
  }

  private static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
