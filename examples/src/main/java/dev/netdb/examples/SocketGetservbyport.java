package dev.netdb.examples;

import java.io.PrintStream;
import java.util.List;

/** Twin of {@code socket_getservbyport.py}. */
public final class SocketGetservbyport {
  private SocketGetservbyport() {}

  /** Prints {@code NAME://example.com/} for each port. */
  static void run(Example.Args args, PrintStream out) {
    List<String> ports = args.valuesOr(
        List.of("80", "443", "21", "70", "25", "143", "993", "110", "995"));
    for (String port : ports) {
      out.println(args.netDb().getservbyport(Long.parseLong(port)) + "://example.com/");
    }
  }

  /** Runs the example: {@code [--backend os|java] [PORT...]}. */
  public static void main(String[] argv) {
    Example.main(SocketGetservbyport::run, argv);
  }
}
