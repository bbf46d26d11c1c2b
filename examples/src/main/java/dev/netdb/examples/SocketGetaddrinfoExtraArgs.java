package dev.netdb.examples;

import dev.netdb.AddrInfo;
import dev.netdb.AddrInfoFlag;
import dev.netdb.AddressFamily;
import dev.netdb.IpProto;
import dev.netdb.SocketType;
import java.io.PrintStream;
import java.util.List;

/**
 * Twin of {@code socket_getaddrinfo_extra_args.py}: {@code AF_INET}, {@code SOCK_STREAM}, {@code
 * IPPROTO_TCP}, {@code AI_CANONNAME}.
 */
public final class SocketGetaddrinfoExtraArgs {
  private SocketGetaddrinfoExtraArgs() {}

  /** Prints every result for each host. */
  static void run(Example.Args args, PrintStream out) {
    for (String host : args.valuesOr(List.of("www.python.org"))) {
      List<AddrInfo> responses = args.netDb().getaddrinfo(host, "http",
          AddressFamily.INET.value(), SocketType.STREAM.value(), IpProto.TCP,
          AddrInfoFlag.CANONNAME.value());
      for (AddrInfo ai : responses) {
        Addrinfos.print(out, ai);
      }
    }
  }

  /** Runs the example: {@code [--backend os|java] [HOST...]}. */
  public static void main(String[] argv) {
    Example.main(SocketGetaddrinfoExtraArgs::run, argv);
  }
}
