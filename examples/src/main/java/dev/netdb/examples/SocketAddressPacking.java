package dev.netdb.examples;

import dev.netdb.Inet;
import java.io.PrintStream;
import java.util.List;

/** Twin of {@code socket_address_packing.py}. */
public final class SocketAddressPacking {
  private SocketAddressPacking() {}

  /** Prints each address, packed with {@code inet_aton} and unpacked with {@code inet_ntoa}. */
  static void run(Example.Args args, PrintStream out) {
    for (String address : args.valuesOr(List.of("192.168.1.1", "127.0.0.1"))) {
      byte[] packed = Inet.aton(address);
      out.println("Original: " + address);
      out.println("Packed  : " + Example.hexlify(packed));
      out.println("Unpacked: " + Inet.ntoa(packed));
      out.println();
    }
  }

  /** Runs the example: {@code [ADDRESS...]}. */
  public static void main(String[] argv) {
    Example.main(SocketAddressPacking::run, argv);
  }
}
