package dev.netdb.os;

import dev.netdb.files.FileBytes;
import dev.netdb.files.NssSource;
import dev.netdb.files.NsswitchConf;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Decides, per database, whether glibc would answer from its {@code files} module alone, so that
 * the OS back end may answer from the pure-Java reader of the same file without any native call
 * (the differential suites prove the two readers' answers identical for services and protocols).
 *
 * <p>glibc's walk ({@code nsswitch.c}, {@code __nss_lookup} and {@code __nss_next2}): a service
 * whose module cannot be loaded, or lacks the function, counts as {@code UNAVAIL}, and with the
 * default {@code UNAVAIL=continue} glibc goes on to the next. So {@code services: db files} on a
 * machine without {@code libnss_db.so.2} (Debian's shipped line) is {@code files} alone. The
 * decision is conservative, and glibc answers whenever there is doubt:
 *
 * <ul>
 *   <li>every service before {@code files} must be absent and continue on {@code UNAVAIL};
 *   <li>every service after {@code files} must be absent (then {@code files}' answer stands
 *       whatever its actions say);
 *   <li>{@code files} is built into libc since glibc 2.34; {@code dns} is too, but it has no
 *       services or protocols functions; any other module counts as present when {@code
 *       libnss_NAME.so.2} is named in {@code /etc/ld.so.cache} or lies in a directory of {@code
 *       LD_LIBRARY_PATH} or the usual library directories;
 *   <li>a file glibc rejects, or a running {@code nscd} (it caches services), sends everything
 *       to glibc;
 *   <li>{@code hosts} always goes to glibc: the host pipeline is proven identical under {@code
 *       files dns}, not under a files-only line.
 * </ul>
 *
 * <p>The pure-Java readers fall back to embedded tables when a file is missing, where glibc
 * finds nothing, so the back end also asks glibc whenever the reader reports its embedded table.
 */
final class NssRouting {
  /** glibc's {@code _PATH_NSCDSOCKET}. */
  private static final Path NSCD_SOCKET = Path.of("/var/run/nscd/socket");

  private static final List<String> LIBRARY_DIRS =
      List.of(
          "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
          "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
          "/usr/local/lib");

  private final NssRoute services;
  private final NssRoute protocols;
  private final NssRoute hosts;

  private NssRouting(NssRoute services, NssRoute protocols, NssRoute hosts) {
    this.services = services;
    this.protocols = protocols;
    this.hosts = hosts;
  }

  /** Decides for the system: the parsed file, the installed modules, and nscd. */
  static NssRouting system(NsswitchConf conf) {
    boolean nscd = exists(NSCD_SOCKET.toString());
    java.util.Map<String, Boolean> seen = new java.util.HashMap<>(); // one look per module
    Predicate<String> installed = m -> seen.computeIfAbsent(m, NssRouting::moduleInstalled);
    return new NssRouting(
        nscd ? glibc("services", "nscd is running and caches services")
            : decide("services", conf, installed),
        decide("protocols", conf, installed),
        decide("hosts", conf, installed));
  }

  /** Returns the route of {@code database}; glibc for any but services, protocols and hosts. */
  NssRoute route(String database) {
    return switch (database) {
      case "services" -> services;
      case "protocols" -> protocols;
      case "hosts" -> hosts;
      default -> glibc(database, "only services and protocols can be answered by the files reader");
    };
  }

  /**
   * Decides for one database: the pure function behind {@link #system}, with {@code installed}
   * saying whether a module other than {@code files} and {@code dns} can be loaded.
   */
  static NssRoute decide(String database, NsswitchConf conf, Predicate<String> installed) {
    if (conf.error() != null) {
      return glibc(database, "glibc rejects nsswitch.conf (" + conf.error() + ")");
    }
    List<NssSource> sources = conf.sources(database);
    String line = database + ": " + join(sources);
    if (database.equals("hosts")) {
      return glibc(database, line + "; host lookups always go to glibc");
    }
    boolean seenFiles = false;
    for (NssSource s : sources) {
      String m = s.module();
      if (m.equals("files")) {
        if (seenFiles) {
          return glibc(database, line + "; files is listed twice");
        }
        seenFiles = true;
      } else if (answers(m, database, installed)) {
        return glibc(database, line + "; module " + m + " is installed");
      } else if (!seenFiles && s.unavail() != NssSource.Action.CONTINUE) {
        return glibc(database, line + "; absent module " + m + " stops the lookup");
      }
    }
    if (!seenFiles) {
      return glibc(database, line + "; files is not consulted");
    }
    return new NssRoute(database, true, line + (sources.size() == 1 ? "" : "; the other modules are absent"));
  }

  /** Reports whether glibc would find {@code module}'s function for {@code database}. */
  private static boolean answers(String module, String database, Predicate<String> installed) {
    if (module.equals("dns")) {
      return database.equals("hosts") || database.equals("networks");
    }
    return installed.test(module);
  }

  /**
   * Reports whether {@code libnss_MODULE.so.2} may be loadable: named in the loader's cache, or
   * present in {@code LD_LIBRARY_PATH} or a usual library directory. Errs towards "installed".
   */
  static boolean moduleInstalled(String module) {
    if (module.indexOf('/') >= 0) {
      return true; // dlopen would take a path; let glibc decide
    }
    String soname = "libnss_" + module + ".so.2";
    for (String dir : LIBRARY_DIRS) {
      if (exists(dir + "/" + soname)) {
        return true;
      }
    }
    try {
      byte[] cache = FileBytes.read(Path.of("/etc/ld.so.cache"));
      if (LdSoCache.lists(cache, soname)) {
        return true;
      }
    } catch (java.io.IOException | RuntimeException e) {
      // no cache: the directories below decide
    }
    String ldPath = System.getenv("LD_LIBRARY_PATH");
    if (ldPath != null) {
      for (String dir : ldPath.split(":", -1)) {
        if (exists((dir.isEmpty() ? "." : dir) + "/" + soname)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Reports whether a file exists, with {@link java.io.File#exists()}: a plain stat, where {@code
   * Files.exists} builds a {@code NoSuchFileException} for every missing file (about 0.5 ms each
   * at start-up, interpreted).
   */
  private static boolean exists(String path) {
    return new java.io.File(path).exists();
  }

  private static NssRoute glibc(String database, String reason) {
    return new NssRoute(database, false, reason);
  }

  private static String join(List<NssSource> sources) {
    StringBuilder sb = new StringBuilder();
    for (NssSource s : sources) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(s);
    }
    return sb.toString();
  }
}
