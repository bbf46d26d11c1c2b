package dev.netdb.examples;

import dev.netdb.IpProto;
import java.io.PrintStream;
import java.util.List;

/** Twin of {@code socket_getprotobyname.py}. */
public final class SocketGetprotobyname {
  private SocketGetprotobyname() {}

  /** Prints each protocol's number and its {@code IPPROTO_*} constant. */
  static void run(Example.Args args, PrintStream out) {
    for (String name : args.valuesOr(List.of("icmp", "udp", "tcp"))) {
      int num = args.netDb().getprotobyname(name);
      String constName = IpProto.pythonName(num);
      if (constName == null) {
        throw new Example.Uncaught("KeyError: " + num); // protocols[proto_num] in Python
      }
      int value = IpProto.byPythonName(constName);
      out.println(Example.right(name, 4) + " -> " + Example.right(Integer.toString(num), 2)
          + " (socket." + Example.left(constName, 12) + " = "
          + Example.right(Integer.toString(value), 2) + ")");
    }
  }

  /** Runs the example: {@code [--backend os|java] [PROTOCOL...]}. */
  public static void main(String[] argv) {
    Example.main(SocketGetprotobyname::run, argv);
  }
}
