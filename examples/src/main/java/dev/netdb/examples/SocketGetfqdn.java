package dev.netdb.examples;

import java.io.PrintStream;
import java.util.List;

/** Twin of {@code socket_getfqdn.py}. */
public final class SocketGetfqdn {
  private SocketGetfqdn() {}

  /** Prints {@code '{:>10} : {}'} of each host and its fully qualified name. */
  static void run(Example.Args args, PrintStream out) {
    for (String host : args.valuesOr(List.of("apu", "pymotw.com"))) {
      out.println(Example.right(host, 10) + " : " + args.netDb().getfqdn(host));
    }
  }

  /** Runs the example: {@code [--backend os|java] [HOST...]}. */
  public static void main(String[] argv) {
    Example.main(SocketGetfqdn::run, argv);
  }
}
