package dev.netdb.examples;

import dev.netdb.HostEntry;
import dev.netdb.NetDbException;
import java.io.PrintStream;

/** Twin of {@code socket_gethostbyname_ex.py}. */
public final class SocketGethostbynameEx {
  private SocketGethostbynameEx() {}

  /** Prints each host's name, aliases and addresses, or {@code ERROR: message}. */
  static void run(Example.Args args, PrintStream out) {
    for (String host : args.valuesOr(SocketGethostbyname.HOSTS)) {
      out.println(host);
      try {
        HostEntry e = args.netDb().gethostbynameEx(host);
        out.println("  Hostname: " + e.name());
        out.println("  Aliases : " + Example.repr(e.aliases()));
        out.println(" Addresses: " + Example.repr(e.addresses()));
      } catch (NetDbException e) {
        if (!Example.isOsError(e)) {
          throw Example.uncaught(e);
        }
        out.println("ERROR: " + e.pythonStr());
      }
      out.println();
    }
  }

  /** Runs the example: {@code [--backend os|java] [HOST...]}. */
  public static void main(String[] argv) {
    Example.main(SocketGethostbynameEx::run, argv);
  }
}
