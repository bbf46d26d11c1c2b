package dev.netdb.examples;

import dev.netdb.HostEntry;
import java.io.PrintStream;
import java.util.List;

/** Twin of {@code socket_gethostbyaddr.py}; an error ends the program as in Python. */
public final class SocketGethostbyaddr {
  private SocketGethostbyaddr() {}

  /** Prints the host name, aliases and addresses of each address. */
  static void run(Example.Args args, PrintStream out) {
    for (String ip : args.valuesOr(List.of("10.9.0.10"))) {
      HostEntry e = args.netDb().gethostbyaddr(ip);
      out.println("Hostname : " + e.name());
      out.println("Aliases  : " + Example.repr(e.aliases()));
      out.println("Addresses: " + Example.repr(e.addresses()));
    }
  }

  /** Runs the example: {@code [--backend os|java] [ADDRESS...]}. */
  public static void main(String[] argv) {
    Example.main(SocketGethostbyaddr::run, argv);
  }
}
