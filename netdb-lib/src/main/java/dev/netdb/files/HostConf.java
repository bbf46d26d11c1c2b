package dev.netdb.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code multi} setting of {@code /etc/host.conf}, parsed as glibc's {@code res_hconf.c} does:
 * keywords and values are case-insensitive, {@code #} starts a comment, the last {@code multi}
 * line wins. Without the file, or without a {@code multi} line, glibc's default is off (Debian's
 * shipped file says {@code multi on}). Other keywords ({@code order}, {@code trim}, {@code spoof},
 * {@code reorder}) are recognised and ignored, as the pure-Java resolver has no use for them; the
 * {@code RESOLV_MULTI} environment override is left out.
 *
 * @param multi whether every matching hosts line is merged
 * @param diagnostics a description of each skipped line
 */
public record HostConf(boolean multi, List<String> diagnostics) {
  /** Creates the settings; the list becomes immutable. */
  public HostConf {
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Returns a holder of host.conf at {@code path}, checked for changes at most once per {@code
   * checkInterval} of {@code clock} (zero: every call); a missing file gives glibc's defaults.
   */
  public static ConfigFile<HostConf> watch(
      java.nio.file.Path path, java.time.Duration checkInterval, java.util.function.LongSupplier clock) {
    return new ConfigFile<>(path, b -> parse(ConfigText.latin1(b)), HostConf::diagnostics,
        checkInterval, clock, 0);
  }

  /** Parses host.conf text; never throws. */
  public static HostConf parse(String text) {
    boolean multi = false;
    List<String> diags = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      String[] words = line.trim().split("[ \t\r\f\u000b,]+");
      if (words.length == 0 || words[0].isEmpty()) {
        continue;
      }
      String key = words[0].toLowerCase(Locale.ROOT);
      switch (key) {
        case "multi" -> {
          String v = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
          if (v.equals("on")) {
            multi = true;
          } else if (v.equals("off")) {
            multi = false;
          } else {
            diags.add("line " + (i + 1) + ": expected on or off after multi");
          }
        }
        case "order", "trim", "spoof", "nospoof", "spoofalert", "reorder" -> {}
        default -> diags.add("line " + (i + 1) + ": unknown keyword " + words[0]);
      }
    }
    return new HostConf(multi, diags);
  }
}
