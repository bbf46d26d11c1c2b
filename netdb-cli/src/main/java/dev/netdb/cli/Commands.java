package dev.netdb.cli;

import dev.netdb.AddressFamily;

/**
 * Finds commands by name; a plain switch, so start-up loads only the command that runs. Their
 * documentation (help, completion, man page) is the table in {@link Usage}, which a test keeps
 * equal to these switches.
 */
final class Commands {
  private Commands() {}

  /** Returns the Python-function command of that name, or null. */
  static Command python(String name) {
    return switch (name) {
      case "gethostname" -> new GethostnameCommand();
      case "gethostbyname" -> new GethostbynameCommand();
      case "gethostbyname_ex" -> new GethostbynameExCommand();
      case "getfqdn" -> new GetfqdnCommand();
      case "gethostbyaddr" -> new GethostbyaddrCommand();
      case "getservbyname" -> new GetservbynameCommand();
      case "getservbyport" -> new GetservbyportCommand();
      case "getprotobyname" -> new GetprotobynameCommand();
      case "getaddrinfo" -> new GetaddrinfoCommand();
      case "getnameinfo" -> new GetnameinfoCommand();
      case "inet_aton" -> new InetAtonCommand();
      case "inet_ntoa" -> new InetNtoaCommand();
      case "inet_pton" -> new InetPtonCommand();
      case "inet_ntop" -> new InetNtopCommand();
      default -> null;
    };
  }

  /**
   * Reports whether {@code name} is {@code create_connection}, which {@link
   * CreateConnectionCommand} runs.
   */
  static boolean connect(String name) {
    return switch (name) {
      case "create_connection" -> true;
      default -> false;
    };
  }

  /** Reports whether {@code name} is {@code explain}, which {@link ExplainCommand} runs. */
  static boolean explain(String name) {
    return switch (name) {
      case "explain" -> true;
      default -> false;
    };
  }

  /** Returns the getent database of that name, or null. */
  static GetentCommand getent(String name) {
    return switch (name) {
      case "hosts" -> new HostsCommand();
      case "ahosts" -> new AhostsCommand(name, AddressFamily.UNSPEC);
      case "ahostsv4" -> new AhostsCommand(name, AddressFamily.INET);
      case "ahostsv6" -> new AhostsCommand(name, AddressFamily.INET6);
      case "services" -> new ServicesCommand();
      case "protocols" -> new ProtocolsCommand();
      default -> null;
    };
  }
}
