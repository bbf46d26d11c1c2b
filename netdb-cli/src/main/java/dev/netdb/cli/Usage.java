package dev.netdb.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds the command table: every command and global option with its arguments, what it does,
 * Python's (or getent's) equivalent and an example. It is the single source of {@code --help},
 * {@code help COMMAND}, {@code COMMAND --help}, the bash and zsh completion ({@link
 * ShellCompletion}) and the man page ({@link ManPage}). {@link Commands} dispatches by name with a
 * plain switch, so a normal run never loads this class; {@code UsageTest} checks that the switch,
 * {@link Cli}'s options and this table name the same commands and options.
 */
final class Usage {
  /** What a shell may offer for a value. */
  enum Values {
    /** Nothing: free text. */
    NONE,
    /** Address families ({@code AF_}). */
    FAMILY,
    /** Socket types ({@code SOCK_}). */
    TYPE,
    /** Protocol numbers ({@code IPPROTO_}). */
    PROTO,
    /** {@code getaddrinfo} flags ({@code AI_}), a comma-separated list. */
    AI_FLAGS,
    /** {@code getnameinfo} flags ({@code NI_}), a comma-separated list. */
    NI_FLAGS,
    /** A file name. */
    FILE,
    /** The back ends. */
    BACKEND,
    /** A command name. */
    COMMAND,
    /** A shell that completion supports. */
    SHELL;

    /** Returns the words a shell offers for the value; empty for free text and files. */
    List<String> words() {
      return switch (this) {
        case NONE, FILE -> List.of();
        case FAMILY -> Constants.names("AF_");
        case TYPE -> Constants.names("SOCK_");
        case PROTO -> Constants.names("IPPROTO_");
        case AI_FLAGS -> Constants.names("AI_");
        // NI_MAXHOST and NI_MAXSERV are buffer sizes, not flags.
        case NI_FLAGS -> List.of("NI_DGRAM", "NI_NAMEREQD", "NI_NOFQDN", "NI_NUMERICHOST",
            "NI_NUMERICSERV");
        case BACKEND -> List.of("os", "java");
        case COMMAND -> names();
        case SHELL -> List.of("bash", "zsh");
      };
    }

    /** Reports whether the value is a comma-separated list of words. */
    boolean commaList() {
      return this == AI_FLAGS || this == NI_FLAGS;
    }
  }

  /**
   * An option: {@code --name VALUE} when {@code value} is not null, else a switch.
   *
   * @param name the option, such as {@code --family}
   * @param value the value's placeholder, such as {@code F}, or null for a switch
   * @param text what it means, one line
   * @param values what a shell offers for the value
   */
  record Option(String name, String value, String text, Values values) {
    /** Returns the option as a synopsis shows it. */
    String synopsis() {
      return value == null ? name : name + " " + value;
    }
  }

  /**
   * A positional argument.
   *
   * @param name the placeholder, such as {@code HOST}
   * @param text what it means, one line
   * @param values what a shell offers for it
   */
  record Arg(String name, String text, Values values) {}

  /** The sections of the command list. */
  enum Group {
    /** Named after Python's {@code socket} functions. */
    PYTHON("Python's socket functions (one call per argument; packed addresses as hex):"),
    /** getent's databases. */
    GETENT("getent's databases (same output and exit codes as getent):"),
    /** Connecting by name. */
    CONNECT("Connecting by name (Python's create_connection, or Happy Eyeballs v2):"),
    /** Looking inside a lookup. */
    EXPLAIN("Looking inside a lookup (java back end traced, OS back end compared):"),
    /** Help and shell integration. */
    TOOL("Help and shell integration:");

    private final String heading;

    Group(String heading) {
      this.heading = heading;
    }

    /** Returns the heading of the section in {@code --help}. */
    String heading() {
      return heading;
    }
  }

  /**
   * A command of the table.
   *
   * @param name the command's name
   * @param group its section
   * @param arguments the synopsis after the name, such as {@code HOST... }
   * @param summary what it does, one sentence
   * @param args its positional arguments
   * @param options its own options (after the name)
   * @param equivalent Python's call or getent's command line that it reproduces, or null
   * @param example one command line that runs it
   */
  record Entry(String name, Group group, String arguments, String summary, List<Arg> args,
      List<Option> options, String equivalent, String example) {
    /** Returns the command with its arguments, as a synopsis line shows it. */
    String synopsis() {
      return arguments.isEmpty() ? name : name + " " + arguments;
    }

    /** Returns the label of the equivalent: {@code Python}, {@code getent} or none. */
    String equivalentLabel() {
      return switch (group) {
        case PYTHON -> "Python";
        case GETENT -> "getent";
        case CONNECT -> "Python";
        case EXPLAIN -> "Like";
        case TOOL -> "";
      };
    }
  }

  /** The width that help text wraps at. */
  private static final int WIDTH = 80;

  private static final Arg HOST = new Arg("HOST", "a host name or a numeric address", Values.NONE);
  private static final Arg ADDRESS_V4 = new Arg("ADDRESS", "an IPv4 address in any form"
      + " inet_aton(3) accepts (127.1, 0x7f.1)", Values.NONE);
  private static final Arg FAMILY = new Arg("FAMILY", "AF_INET, AF_INET6 or a number",
      Values.FAMILY);
  private static final Arg KEY = new Arg("KEY", "a name or a numeric address", Values.NONE);

  /** The global options, before the command. */
  static final List<Option> OPTIONS = List.of(
      new Option("--help", null, "print this help and exit", Values.NONE),
      new Option("--version", null, "print the version, the back ends and the JDK, and exit",
          Values.NONE),
      new Option("--backend", "os|java", "the libc back end (default where it works) or the"
          + " pure-Java one", Values.BACKEND),
      new Option("--json", null, "one JSON object per call; with a lone '-' as ARGS, reads one"
          + " JSON array of arguments per line", Values.NONE),
      new Option("--max-line-bytes", "N", "the longest batch line read, in bytes (default"
          + " 1048576); a longer line is one error and the batch goes on", Values.NONE),
      new Option("--max-depth", "N", "the deepest nesting of a JSON batch line (default 64)",
          Values.NONE),
      new Option("--hosts", "PATH", "the hosts file of the java back end", Values.FILE),
      new Option("--resolv-conf", "PATH", "the resolv.conf of the java back end", Values.FILE),
      new Option("--nameserver", "IP[:PORT]", "a nameserver of the java back end, replacing"
          + " resolv.conf's (repeatable)", Values.NONE),
      new Option("--gai-conf", "PATH", "the gai.conf of the java back end", Values.FILE),
      new Option("--no-cache", null, "turns the java back end's DNS cache off", Values.NONE),
      new Option("--hostname", "NAME", "the host name the java back end reports", Values.NONE),
      new Option("--interface", "IP/PREFIX[%INDEX]", "an interface address of the java back"
          + " end, replacing the machine's (repeatable)", Values.NONE),
      new Option("--udp-max-queries", "N", "DNS queries per UDP socket of the java back end before"
          + " a fresh port (default 0: one port per query; a fixed port is easier to spoof)",
          Values.NONE));

  /** The commands, in the order {@code --help} lists them. */
  static final List<Entry> COMMANDS = List.of(
      new Entry("gethostname", Group.PYTHON, "", "Prints the machine's host name.",
          List.of(), List.of(), "socket.gethostname()", "netdb gethostname"),
      new Entry("gethostbyname", Group.PYTHON, "HOST...",
          "Prints the first IPv4 address of each HOST.",
          List.of(HOST), List.of(), "socket.gethostbyname(host)", "netdb gethostbyname localhost"),
      new Entry("gethostbyname_ex", Group.PYTHON, "HOST...",
          "Prints the canonical name, the aliases and every IPv4 address of each HOST.",
          List.of(HOST), List.of(), "socket.gethostbyname_ex(host)",
          "netdb gethostbyname_ex localhost"),
      new Entry("gethostbyaddr", Group.PYTHON, "ADDRESS...",
          "Prints the name, the aliases and the addresses of each numeric ADDRESS.",
          List.of(new Arg("ADDRESS", "an IPv4 or IPv6 address, or a host name", Values.NONE)),
          List.of(), "socket.gethostbyaddr(ip_address)", "netdb gethostbyaddr 127.0.0.1"),
      new Entry("getfqdn", Group.PYTHON, "[NAME...]",
          "Prints the fully qualified name of each NAME, or of this machine without one.",
          List.of(new Arg("NAME", "a host name or address; none for this machine", Values.NONE)),
          List.of(), "socket.getfqdn(name='')", "netdb getfqdn localhost"),
      new Entry("getservbyname", Group.PYTHON, "NAME[/PROTO]...",
          "Prints the port of each service NAME, for protocol PROTO if given.",
          List.of(new Arg("NAME[/PROTO]", "a service name, optionally with a protocol name"
              + " (http/tcp)", Values.NONE)),
          List.of(), "socket.getservbyname(servicename[, protocolname])",
          "netdb getservbyname http domain/udp"),
      new Entry("getservbyport", Group.PYTHON, "PORT[/PROTO]...",
          "Prints the service name of each PORT, for protocol PROTO if given.",
          List.of(new Arg("PORT[/PROTO]", "a port number, optionally with a protocol name"
              + " (53/udp)", Values.NONE)),
          List.of(), "socket.getservbyport(port[, protocolname])",
          "netdb getservbyport 80 53/udp"),
      new Entry("getprotobyname", Group.PYTHON, "NAME...",
          "Prints the number of each protocol NAME.",
          List.of(new Arg("NAME", "a protocol name such as tcp or udp", Values.NONE)),
          List.of(), "socket.getprotobyname(protocolname)", "netdb getprotobyname tcp udp"),
      new Entry("getaddrinfo", Group.PYTHON,
          "HOST PORT [--family F] [--type T] [--proto P] [--flags A,B]",
          "Prints the socket addresses for HOST and PORT, one (family, type, proto, canonname,"
              + " sockaddr) per line.",
          List.of(new Arg("HOST", "a host name, a numeric address, or None", Values.NONE),
              new Arg("PORT", "a service name, a port number, or None", Values.NONE)),
          List.of(new Option("--family", "F", "AF_INET, AF_INET6, AF_UNSPEC or a number"
                  + " (default 0)", Values.FAMILY),
              new Option("--type", "T", "SOCK_STREAM, SOCK_DGRAM, SOCK_RAW or a number"
                  + " (default 0: all)", Values.TYPE),
              new Option("--proto", "P", "IPPROTO_TCP, IPPROTO_UDP or a number (default 0)",
                  Values.PROTO),
              new Option("--flags", "A,B", "AI_ names joined by commas, or a number (default 0)",
                  Values.AI_FLAGS)),
          "socket.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)",
          "netdb getaddrinfo localhost http --family AF_INET --type SOCK_STREAM"),
      new Entry("getnameinfo", Group.PYTHON, "HOST PORT [FLOWINFO SCOPE_ID] [--flags NI_A,NI_B]",
          "Prints the host and service names of a socket address.",
          List.of(new Arg("HOST", "a numeric address (a name is resolved first)", Values.NONE),
              new Arg("PORT", "a port number", Values.NONE),
              new Arg("FLOWINFO", "the IPv6 flow label (with SCOPE_ID)", Values.NONE),
              new Arg("SCOPE_ID", "the IPv6 scope (interface index)", Values.NONE)),
          List.of(new Option("--flags", "NI_A,NI_B", "NI_ names joined by commas, or a number"
              + " (default 0)", Values.NI_FLAGS)),
          "socket.getnameinfo((host, port[, flowinfo, scope_id]), flags)",
          "netdb getnameinfo 127.0.0.1 80 --flags NI_NUMERICHOST"),
      new Entry("create_connection", Group.CONNECT,
          "HOST PORT [--timeout S] [--happy-eyeballs-delay S] [...]",
          "Connects to HOST and PORT, prints each attempt (address, start, outcome, elapsed) and"
              + " the peer, then closes.",
          List.of(new Arg("HOST", "a host name or a numeric address", Values.NONE),
              new Arg("PORT", "a port number or a service name", Values.NONE)),
          List.of(new Option("--timeout", "S", "seconds per attempt, as Python applies it",
                  Values.NONE),
              new Option("--source-address", "IP[:PORT]", "the local address to bind first",
                  Values.NONE),
              new Option("--all-errors", null, "report every attempt's error (Python's"
                  + " ExceptionGroup)", Values.NONE),
              new Option("--happy-eyeballs-delay", "S", "Happy Eyeballs v2 (RFC 8305) with this"
                  + " attempt delay, clamped to 0.1..2", Values.NONE),
              new Option("--interleave", "N", "first-address-family count (with"
                  + " --happy-eyeballs-delay; default 1)", Values.NONE)),
          "socket.create_connection((host, port), timeout, source_address, all_errors=...)",
          "netdb create_connection localhost 22 --happy-eyeballs-delay 0.25"),
      new Entry("inet_aton", Group.PYTHON, "ADDRESS...",
          "Prints each IPv4 ADDRESS packed, as hex.",
          List.of(ADDRESS_V4), List.of(), "socket.inet_aton(ip_string).hex()",
          "netdb inet_aton 127.1"),
      new Entry("inet_ntoa", Group.PYTHON, "HEX...",
          "Prints each packed IPv4 address, given as hex, in dotted form.",
          List.of(new Arg("HEX", "4 bytes as hex (7f000001)", Values.NONE)), List.of(),
          "socket.inet_ntoa(bytes.fromhex(hex))", "netdb inet_ntoa 7f000001"),
      new Entry("inet_pton", Group.PYTHON, "FAMILY ADDRESS...",
          "Prints each ADDRESS of FAMILY packed, as hex.",
          List.of(FAMILY, new Arg("ADDRESS", "an address of that family", Values.NONE)),
          List.of(), "socket.inet_pton(address_family, ip_string).hex()",
          "netdb inet_pton AF_INET6 ::1"),
      new Entry("inet_ntop", Group.PYTHON, "FAMILY HEX...",
          "Prints each packed address of FAMILY, given as hex, as text.",
          List.of(FAMILY, new Arg("HEX", "4 (AF_INET) or 16 (AF_INET6) bytes as hex",
              Values.NONE)),
          List.of(), "socket.inet_ntop(address_family, bytes.fromhex(hex))",
          "netdb inet_ntop AF_INET 7f000001"),
      new Entry("hosts", Group.GETENT, "KEY...",
          "Prints the hosts entry of each KEY: address, then canonical name and aliases.",
          List.of(KEY), List.of(), "getent hosts KEY...", "netdb hosts localhost"),
      new Entry("ahosts", Group.GETENT, "KEY...",
          "Prints getaddrinfo's answers for each KEY, one address and socket type per line.",
          List.of(KEY), List.of(), "getent ahosts KEY...", "netdb ahosts localhost"),
      new Entry("ahostsv4", Group.GETENT, "KEY...",
          "Prints getaddrinfo's IPv4 answers for each KEY.",
          List.of(KEY), List.of(), "getent ahostsv4 KEY...", "netdb ahostsv4 localhost"),
      new Entry("ahostsv6", Group.GETENT, "KEY...",
          "Prints getaddrinfo's IPv6 answers for each KEY, IPv4 ones mapped.",
          List.of(KEY), List.of(), "getent ahostsv6 KEY...", "netdb ahostsv6 localhost"),
      new Entry("services", Group.GETENT, "[KEY...]",
          "Prints the services entry of each KEY (NAME[/PROTO] or PORT[/PROTO]), or every entry.",
          List.of(new Arg("KEY", "a service name or port, optionally /PROTO", Values.NONE)),
          List.of(), "getent services [KEY...]", "netdb services http 53/udp"),
      new Entry("protocols", Group.GETENT, "[KEY...]",
          "Prints the protocols entry of each KEY (name or number), or every entry.",
          List.of(new Arg("KEY", "a protocol name or number", Values.NONE)),
          List.of(), "getent protocols [KEY...]", "netdb protocols tcp 17"),
      new Entry("explain", Group.EXPLAIN, "HOST [PORT] [--family F] [--type T] [--proto P] [--flags A,B]",
          "Traces one getaddrinfo call (configuration, hosts lines, cache, each DNS query, CNAMEs,"
              + " RFC 3484 decisions, result) and compares the OS back end's answer.",
          List.of(new Arg("HOST", "a host name or a numeric address", Values.NONE),
              new Arg("PORT", "a service name, a port number, or None (the default)", Values.NONE)),
          List.of(new Option("--family", "F", "as for getaddrinfo", Values.FAMILY),
              new Option("--type", "T", "as for getaddrinfo", Values.TYPE),
              new Option("--proto", "P", "as for getaddrinfo", Values.PROTO),
              new Option("--flags", "A,B", "as for getaddrinfo", Values.AI_FLAGS)),
          "resolvectl query HOST, with dig +trace's detail, beside socket.getaddrinfo(host, port)",
          "netdb explain localhost http --family AF_INET --type SOCK_STREAM"),
      new Entry("help", Group.TOOL, "[COMMAND]",
          "Prints the help of COMMAND (its arguments, Python's equivalent and an example), or"
              + " the list of commands.",
          List.of(new Arg("COMMAND", "a command name", Values.COMMAND)), List.of(), null,
          "netdb help getaddrinfo"),
      new Entry("completion", Group.TOOL, "bash|zsh",
          "Prints the completion script for bash or zsh.",
          List.of(new Arg("SHELL", "bash or zsh", Values.SHELL)), List.of(), null,
          "source <(netdb completion bash)"));

  private Usage() {}

  /** Returns the names of every command, in table order. */
  static List<String> names() {
    List<String> names = new ArrayList<>(COMMANDS.size());
    for (Entry e : COMMANDS) {
      names.add(e.name());
    }
    return names;
  }

  /** Returns the table's entry for a command, or null. */
  static Entry entry(String name) {
    for (Entry e : COMMANDS) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /** Returns the {@code --help} text: every command and every global option. */
  static String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("usage: netdb [OPTIONS] COMMAND ARGS...\n")
        .append("       netdb help COMMAND   (or: netdb COMMAND --help)\n");
    int width = 0;
    for (Entry e : COMMANDS) {
      width = Math.max(width, e.synopsis().length());
    }
    width = Math.min(width, 30);
    Group group = null;
    for (Entry e : COMMANDS) {
      if (e.group() != group) {
        group = e.group();
        sb.append('\n').append(group.heading()).append('\n');
      }
      column(sb, "  ", e.synopsis(), width, e.summary());
    }
    sb.append("\nOptions (before COMMAND):\n");
    width = 0;
    for (Option o : OPTIONS) {
      width = Math.max(width, o.synopsis().length());
    }
    for (Option o : OPTIONS) {
      column(sb, "  ", o.synopsis(), width, o.text());
    }
    sb.append("\nConstants by Python name (AF_INET6, SOCK_DGRAM, IPPROTO_TCP, AI_CANONNAME) or\n"
        + "number; None for Python's None.\n"
        + "Exit status: 0 all calls succeeded, 2 a lookup failed, 1 usage error.\n");
    return sb.toString();
  }

  /** Returns the help of one command: synopsis, summary, arguments, equivalent and example. */
  static String help(Entry e) {
    StringBuilder sb = new StringBuilder();
    sb.append("usage: netdb [OPTIONS] ").append(e.synopsis()).append("\n\n");
    words(sb, e.summary(), 0, 0);
    if (!e.args().isEmpty() || !e.options().isEmpty()) {
      sb.append('\n');
      int width = 0;
      for (Arg a : e.args()) {
        width = Math.max(width, a.name().length());
      }
      for (Option o : e.options()) {
        width = Math.max(width, o.synopsis().length());
      }
      for (Arg a : e.args()) {
        column(sb, "  ", a.name(), width, a.text());
      }
      for (Option o : e.options()) {
        column(sb, "  ", o.synopsis(), width, o.text());
      }
    }
    sb.append('\n');
    if (e.equivalent() != null) {
      sb.append(e.equivalentLabel()).append(':')
          .append(" ".repeat(8 - e.equivalentLabel().length())).append(e.equivalent())
          .append('\n');
    }
    sb.append("Example: ").append(e.example()).append('\n');
    return sb.toString();
  }

  /**
   * Appends {@code left} in a column of {@code width}, then {@code right} wrapped at {@link
   * #WIDTH} with a hanging indent; a {@code left} wider than the column gets a line of its own.
   */
  private static void column(StringBuilder sb, String indent, String left, int width,
      String right) {
    sb.append(indent).append(left);
    int margin = indent.length() + width + 2;
    if (left.length() > width) {
      sb.append('\n').append(" ".repeat(margin));
    } else {
      sb.append(" ".repeat(width - left.length() + 2));
    }
    words(sb, right, margin, margin);
  }

  /** Appends {@code text} from column {@code col}, wrapped at {@link #WIDTH} to {@code margin}. */
  private static void words(StringBuilder sb, String text, int margin, int col) {
    boolean first = true;
    for (String word : text.split(" ")) {
      if (!first && col + 1 + word.length() > WIDTH) {
        sb.append('\n').append(" ".repeat(margin));
        col = margin;
        first = true;
      }
      if (!first) {
        sb.append(' ');
        col++;
      }
      sb.append(word);
      col += word.length();
      first = false;
    }
    sb.append('\n');
  }
}
