package dev.netdb.examples;

import dev.netdb.NetDbException;
import java.io.PrintStream;
import java.util.List;

/** Twin of {@code socket_gethostbyname.py}. */
public final class SocketGethostbyname {
  static final List<String> HOSTS = List.of("apu", "pymotw.com", "www.python.org", "nosuchname");

  private SocketGethostbyname() {}

  /** Prints {@code host : address} or {@code host : error} for each host. */
  static void run(Example.Args args, PrintStream out) {
    for (String host : args.valuesOr(HOSTS)) {
      try {
        out.println(host + " : " + args.netDb().gethostbyname(host));
      } catch (NetDbException e) {
        if (!Example.isOsError(e)) {
          throw Example.uncaught(e);
        }
        out.println(host + " : " + e.pythonStr());
      }
    }
  }

  /** Runs the example: {@code [--backend os|java] [HOST...]}. */
  public static void main(String[] argv) {
    Example.main(SocketGethostbyname::run, argv);
  }
}
