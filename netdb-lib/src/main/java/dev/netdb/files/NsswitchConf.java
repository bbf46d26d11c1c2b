package dev.netdb.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /etc/nsswitch.conf} as glibc 2.36 reads it ({@code nss_database.c}, {@code
 * nss_action_parse.c}): which services answer each database, in order, with their actions.
 *
 * <p>glibc's syntax, reproduced here: leading blanks are skipped; a line is {@code database},
 * then any run of blanks and colons, then services, each {@code name} optionally followed by
 * {@code [STATUS=action ...]} ({@code !STATUS} for every status but that one; statuses and
 * actions case-insensitive). There is no comment syntax: a {@code #} line is skipped because
 * {@code #...} is no database name, and a {@code #} after the services is read as more service
 * names (modules that do not exist, which glibc skips). Unknown databases are ignored, the last
 * line for a database wins, and an empty list means "no service". A malformed bracket makes
 * glibc reject the whole file, so that every lookup fails; {@link #error()} reports it. A
 * database the file does not name gets glibc's default, as does every database when the file is
 * missing.
 *
 * @param databases the lists the file gives, by database name
 * @param error why glibc rejects the file, or null when it accepts it
 */
public record NsswitchConf(Map<String, List<NssSource>> databases, String error) {
  /** The file glibc reads ({@code _PATH_NSSWITCH_CONF}). */
  public static final Path DEFAULT_PATH = Path.of("/etc/nsswitch.conf");

  /** glibc 2.36's {@code databases.def}: the names a line may start with. */
  private static final Set<String> KNOWN =
      Set.of(
          "aliases", "ethers", "group", "group_compat", "gshadow", "hosts", "initgroups",
          "netgroup", "networks", "passwd", "passwd_compat", "protocols", "publickey", "rpc",
          "services", "shadow", "shadow_compat");

  /** Makes the map and its lists immutable. */
  public NsswitchConf {
    databases = Map.copyOf(databases);
  }

  /** Returns a holder that re-reads the file whenever it changes, as glibc 2.33+ does. */
  public static ConfigFile<NsswitchConf> watch(Path path) {
    // A missing file parses as empty text: glibc's defaults for every database.
    return ConfigFile.everyCall(path, b -> parse(b == null ? "" : ConfigText.latin1(b)), c -> List.of());
  }

  /**
   * Returns the services of {@code database} in force: the file's line, else glibc's default as
   * Debian builds glibc 2.36 (the reference): {@code files dns} for hosts and networks (upstream
   * says {@code dns [!UNAVAIL=return] files}), {@code files} for services, protocols and the
   * other databases (upstream without {@code --enable-obsolete-nsl}). {@code shadow} defaults to
   * {@code passwd}'s line and {@code gshadow} to {@code group}'s. Empty for an unknown database.
   */
  public List<NssSource> sources(String database) {
    List<NssSource> given = databases.get(database);
    if (given != null) {
      return given;
    }
    return switch (database) {
      case "shadow" -> databases.containsKey("passwd") ? sources("passwd") : FILES;
      case "gshadow" -> databases.containsKey("group") ? sources("group") : FILES;
      case "shadow_compat" -> sources("passwd_compat");
      case "hosts", "networks" -> FILES_DNS;
      case "group_compat", "passwd_compat" -> List.of(NssSource.of("nis"));
      case "publickey" -> List.of(NssSource.of("nis"), NssSource.of("nisplus"));
      case "initgroups" -> List.of();
      default -> KNOWN.contains(database) ? FILES : List.of();
    };
  }

  private static final List<NssSource> FILES = List.of(NssSource.of("files"));
  private static final List<NssSource> FILES_DNS =
      List.of(NssSource.of("files"), NssSource.of("dns"));

  /** Parses the file's text; never throws. Empty text (a missing file) gives every default. */
  public static NsswitchConf parse(String text) {
    Map<String, List<NssSource>> out = new HashMap<>();
    int start = 0;
    int lineNo = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1; // getline keeps the newline
      String line = text.substring(start, end);
      start = end;
      lineNo++;
      int nul = line.indexOf('\0');
      if (nul >= 0) {
        line = line.substring(0, nul); // a C string ends there
      }
      String error = processLine(line, out);
      if (error != null) {
        return new NsswitchConf(Map.of(), "line " + lineNo + ": " + error);
      }
    }
    return new NsswitchConf(out, null);
  }

  /** Applies one line ({@code process_line}); returns an error when glibc would reject the file. */
  private static String processLine(String line, Map<String, List<NssSource>> out) {
    Cursor c = new Cursor(line);
    c.skipSpace();
    int name = c.pos;
    while (!c.atEnd() && !isSpace(c.peek()) && c.peek() != ':') {
      c.pos++;
    }
    if (c.atEnd() || name == c.pos) {
      return null; // glibc: a syntax error, the line is skipped
    }
    String database = line.substring(name, c.pos);
    while (!c.atEnd() && (isSpace(c.peek()) || c.peek() == ':')) {
      c.pos++;
    }
    if (!KNOWN.contains(database)) {
      return null; // not glibc's database (sudoers, automount, ...)
    }
    List<NssSource> sources = new ArrayList<>();
    String error = parseServices(c, sources);
    if (error != null) {
      return database + ": " + error;
    }
    out.put(database, List.copyOf(sources));
    return null;
  }

  /** Reads {@code ( <source> ( "[" "!"? (<status> "=" <action>)+ "]" )? )*}. */
  private static String parseServices(Cursor c, List<NssSource> out) {
    while (true) {
      c.skipSpace();
      if (c.atEnd()) {
        return null;
      }
      int name = c.pos;
      while (!c.atEnd() && !isSpace(c.peek()) && c.peek() != '[') {
        c.pos++;
      }
      if (name == c.pos) {
        return null; // a '[' with no service before it ends the list, as in glibc
      }
      NssSource.Action[] actions = {
        NssSource.Action.RETURN, NssSource.Action.CONTINUE, NssSource.Action.CONTINUE,
        NssSource.Action.CONTINUE
      };
      String module = c.text.substring(name, c.pos);
      c.skipSpace();
      if (!c.atEnd() && c.peek() == '[') {
        c.pos++;
        c.skipSpace();
        do {
          boolean not = !c.atEnd() && c.peek() == '!';
          if (not) {
            c.pos++;
          }
          int status = status(c.word());
          if (status < 0) {
            return "unknown status in [" + module + " ...]";
          }
          c.skipSpace();
          if (c.atEnd() || c.peek() != '=') {
            return "'=' expected after a status in [" + module + " ...]";
          }
          c.pos++;
          c.skipSpace();
          NssSource.Action action = action(c.word());
          if (action == null) {
            return "unknown action in [" + module + " ...]";
          }
          if (not) {
            NssSource.Action saved = actions[status];
            java.util.Arrays.fill(actions, action);
            actions[status] = saved;
          } else {
            actions[status] = action;
          }
          c.skipSpace();
        } while (c.atEnd() || c.peek() != ']');
        c.pos++;
      }
      out.add(new NssSource(module, actions[0], actions[1], actions[2], actions[3]));
    }
  }

  /** Returns SUCCESS 0, NOTFOUND 1, UNAVAIL 2, TRYAGAIN 3, or -1. */
  private static int status(String word) {
    return switch (word.toUpperCase(java.util.Locale.ROOT)) {
      case "SUCCESS" -> 0;
      case "NOTFOUND" -> 1;
      case "UNAVAIL" -> 2;
      case "TRYAGAIN" -> 3;
      default -> -1;
    };
  }

  private static NssSource.Action action(String word) {
    return switch (word.toUpperCase(java.util.Locale.ROOT)) {
      case "RETURN" -> NssSource.Action.RETURN;
      case "CONTINUE" -> NssSource.Action.CONTINUE;
      case "MERGE" -> NssSource.Action.MERGE;
      default -> null;
    };
  }

  /** C's {@code isspace} in the C locale. */
  private static boolean isSpace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000b' || ch == '\f' || ch == '\r';
  }

  /** A position in one line. */
  private static final class Cursor {
    final String text;
    int pos;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    char peek() {
      return text.charAt(pos);
    }

    void skipSpace() {
      while (!atEnd() && isSpace(peek())) {
        pos++;
      }
    }

    /** Reads up to a blank, {@code =} or {@code ]}. */
    String word() {
      int from = pos;
      while (!atEnd() && !isSpace(peek()) && peek() != '=' && peek() != ']') {
        pos++;
      }
      return text.substring(from, pos);
    }
  }
}
