package dev.netdb.cli;

/**
 * Writes the man page {@code netdb.1} (man(7) macros) from the command table ({@link Usage}):
 * synopsis, every command with its arguments, options, Python's or getent's equivalent and an
 * example, the global options, exit status, files and related pages. Text is escaped for roff, so
 * {@code groff -man -ww} reports nothing.
 */
final class ManPage {
  private ManPage() {}

  /** Returns the page for netdb {@code version}. */
  static String page(String version) {
    StringBuilder sb = new StringBuilder();
    sb.append(".\\\" Generated from netdb's command table (dev.netdb.cli.Usage); do not edit.\n")
        .append(".TH NETDB 1 \"\" \"netdb ").append(roff(version)).append("\" \"User Commands\"\n")
        .append(".nh\n.ad l\n")
        .append(".SH NAME\nnetdb \\- Python's socket naming functions and getent's databases"
            + " from the shell\n")
        .append(".SH SYNOPSIS\n.B netdb\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]\n"
            + ".br\n.B netdb help\n[\\fICOMMAND\\fR]\n")
        .append(".SH DESCRIPTION\n")
        .append(roff("netdb runs the naming functions of Python's socket module exactly as"
            + " CPython 3.11 on glibc 2.36 does, with the same results, error kinds, codes and"
            + " messages, and reproduces getent's databases byte for byte. Each positional"
            + " argument is one call, run in order. Two back ends answer: os calls glibc through"
            + " the Java FFM API, so its answers are the machine's own; java reads the files and"
            + " speaks DNS itself, with every input replaceable by an option."))
        .append("\n.PP\n")
        .append(roff("Text output is for people: one aligned line per call, and ERROR: MESSAGE"
            + " for a failed one. With --json, each call prints one JSON object, {\"call\":"
            + " ARGS, \"result\": VALUE} or {\"call\": ARGS, \"error\": {\"type\": T, \"code\":"
            + " C, \"message\": M}}; with a lone - in place of the arguments, calls are read from"
            + " standard input, one JSON array of Python arguments per line."))
        .append("\n.PP\n")
        .append(roff("Constants are given by Python name (AF_INET6, SOCK_DGRAM, IPPROTO_TCP,"
            + " AI_CANONNAME) or by number, flags joined by commas; None stands for Python's"
            + " None; packed addresses are lowercase hex."))
        .append('\n');
    sb.append(".SH COMMANDS\n");
    Usage.Group group = null;
    for (Usage.Entry e : Usage.COMMANDS) {
      if (e.group() != group) {
        group = e.group();
        String heading = group.heading();
        sb.append(".SS \"").append(roff(heading.substring(0, heading.indexOf(" (") > 0
            ? heading.indexOf(" (") : heading.length() - 1))).append("\"\n");
      }
      sb.append(".TP\n\\fB").append(roff(e.name())).append("\\fR");
      if (!e.arguments().isEmpty()) {
        sb.append(" ").append(synopsis(e.arguments()));
      }
      sb.append('\n').append(roff(e.summary())).append('\n');
      if (!e.args().isEmpty() || !e.options().isEmpty()) {
        sb.append(".sp\n.RS\n.PD 0\n");
        for (Usage.Arg a : e.args()) {
          sb.append(".TP\n\\fI").append(roff(a.name())).append("\\fR\n").append(roff(a.text()))
              .append('\n');
        }
        for (Usage.Option o : e.options()) {
          option(sb, o);
        }
        sb.append(".PD\n.RE\n");
      }
      sb.append(".IP\n");
      if (e.equivalent() != null) {
        sb.append(e.equivalentLabel()).append(": \\fB").append(roff(e.equivalent()))
            .append("\\fR\n.br\n");
      }
      sb.append("Example: \\fB").append(roff(e.example())).append("\\fR\n");
    }
    sb.append(".SH OPTIONS\n")
        .append(roff("Global options come before the command."))
        .append('\n');
    for (Usage.Option o : Usage.OPTIONS) {
      option(sb, o);
    }
    sb.append(".SH EXIT STATUS\n.TP\n.B 0\nEvery call succeeded.\n.TP\n.B 1\n")
        .append(roff("A usage error: one line with the reason, then a hint, on standard error."))
        .append("\n.TP\n.B 2\n")
        .append(roff("A lookup failed (getent's \"not found\")."))
        .append('\n');
    sb.append(".SH FILES\n")
        .append(roff("/etc/hosts, /etc/services, /etc/protocols, /etc/resolv.conf, /etc/gai.conf,"
            + " /etc/host.conf and /etc/nsswitch.conf, as glibc reads them."))
        .append('\n');
    sb.append(".SH EXAMPLES\n");
    for (String example : new String[] {
        "netdb getaddrinfo localhost http --family AF_INET --type SOCK_STREAM",
        "netdb --json getservbyname http nosuch",
        "echo '[\"AF_INET\", \"127.1\"]' | netdb --json inet_pton -",
        "netdb --backend java --hosts ./hosts --nameserver 127.0.0.1:5353 gethostbyname_ex"
            + " www.example.test"}) {
      sb.append(".PP\n.nf\n").append(roff(example)).append("\n.fi\n");
    }
    sb.append(".SH SEE ALSO\n")
        .append(".BR getent (1),\n.BR python3 (1),\n.BR getaddrinfo (3),\n"
            + ".BR getnameinfo (3),\n.BR hosts (5),\n.BR services (5),\n.BR protocols (5),\n"
            + ".BR resolv.conf (5),\n.BR gai.conf (5),\n.BR nsswitch.conf (5)\n");
    return sb.toString();
  }

  private static void option(StringBuilder sb, Usage.Option o) {
    sb.append(".TP\n\\fB").append(roff(o.name())).append("\\fR");
    if (o.value() != null) {
      sb.append(" \\fI").append(roff(o.value())).append("\\fR");
    }
    sb.append('\n').append(roff(o.text())).append('\n');
  }

  /** Returns a synopsis with placeholders (upper-case words) in italics, options in bold. */
  private static String synopsis(String arguments) {
    StringBuilder sb = new StringBuilder();
    for (String word : arguments.split(" ")) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      String w = roff(word);
      sb.append(word.contains("--") ? w.replaceFirst("(\\\\-\\\\-[a-z]+)", "\\\\fB$1\\\\fR")
          : "\\fI" + w + "\\fR");
    }
    return sb.toString();
  }

  /**
   * Escapes text for roff: backslashes, hyphens as {@code \-} (so they stay ASCII minus signs in
   * options and examples), and a leading dot or quote that would start a request.
   */
  static String roff(String text) {
    String s = text.replace("\\", "\\e").replace("-", "\\-");
    return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
  }
}
