package dev.netdb.examples;

import dev.netdb.AddrInfo;
import java.io.PrintStream;
import java.util.List;

/** Twin of {@code socket_getaddrinfo.py}: {@code getaddrinfo(host, 'http')}. */
public final class SocketGetaddrinfo {
  private SocketGetaddrinfo() {}

  /** Prints every result for each host. */
  static void run(Example.Args args, PrintStream out) {
    for (String host : args.valuesOr(List.of("www.python.org"))) {
      for (AddrInfo ai : args.netDb().getaddrinfo(host, "http")) {
        Addrinfos.print(out, ai);
      }
    }
  }

  /** Runs the example: {@code [--backend os|java] [HOST...]}. */
  public static void main(String[] argv) {
    Example.main(SocketGetaddrinfo::run, argv);
  }
}
