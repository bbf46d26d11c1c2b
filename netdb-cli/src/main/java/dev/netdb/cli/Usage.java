package dev.netdb.cli;

/** Holds the {@code --help} text. */
final class Usage {
  static final String TEXT = """
      usage: netdb [--backend os|java] [--json] [JAVA-BACK-END OPTIONS] COMMAND ARGS...

      Python's socket functions (one call per argument; packed addresses in lowercase hex):
        gethostname
        gethostbyname HOST...          gethostbyname_ex HOST...      gethostbyaddr ADDRESS...
        getfqdn [NAME...]
        getservbyname NAME[/PROTO]...  getservbyport PORT[/PROTO]... getprotobyname NAME...
        getaddrinfo HOST PORT [--family F] [--type T] [--proto P] [--flags A,B]
            (constants by Python name or number; None for Python's None)
        getnameinfo HOST PORT [FLOWINFO SCOPE_ID] [--flags NI_A,NI_B]
        inet_aton ADDRESS...   inet_ntoa HEX...   inet_pton FAMILY ADDRESS...   inet_ntop FAMILY HEX...
        create_connection HOST PORT [--timeout S] [--source-address IP[:PORT]] [--all-errors]
            [--happy-eyeballs-delay S] [--interleave N]   (connects, prints each attempt, closes)

      getent's databases (same output and exit codes as getent):
        hosts KEY...   ahosts KEY...   ahostsv4 KEY...   ahostsv6 KEY...
        services [KEY...]   protocols [KEY...]

      Options:
        --backend os|java   the libc back end (default where it works) or the pure-Java one
        --json              one JSON object per call: {"call": ARGS, "result": VALUE} or
                            {"call": ARGS, "error": {"type": T, "code": C, "message": M}};
                            with a lone '-' as ARGS, reads one JSON array of arguments per line
        --hosts PATH  --resolv-conf PATH  --nameserver IP[:PORT] (repeatable)
        --gai-conf PATH  --no-cache       inputs of the java back end
        --hostname NAME  --interface IP/PREFIX[%INDEX] (repeatable; replaces the machine's)

      Exit status: 0 all calls succeeded, 2 a lookup failed, 1 usage error.
      """;

  private Usage() {}
}
