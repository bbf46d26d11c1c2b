package dev.netdb.examples;

import java.io.PrintStream;
import java.util.List;

/** Twin of {@code socket_getservbyname.py}. */
public final class SocketGetservbyname {
  static final List<String> SERVICES =
      List.of("http", "https", "ftp", "gopher", "smtp", "imap", "imaps", "pop3", "pop3s");

  private SocketGetservbyname() {}

  /** Prints {@code '{:>6} : {}'} of each service and its port. */
  static void run(Example.Args args, PrintStream out) {
    for (String s : args.valuesOr(SERVICES)) {
      out.println(Example.right(s, 6) + " : " + args.netDb().getservbyname(s));
    }
  }

  /** Runs the example: {@code [--backend os|java] [SERVICE...]}. */
  public static void main(String[] argv) {
    Example.main(SocketGetservbyname::run, argv);
  }
}
