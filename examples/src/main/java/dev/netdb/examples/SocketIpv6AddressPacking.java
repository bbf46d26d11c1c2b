package dev.netdb.examples;

import dev.netdb.AddressFamily;
import dev.netdb.Inet;
import java.io.PrintStream;
import java.util.List;

/** Twin of {@code socket_ipv6_address_packing.py}. */
public final class SocketIpv6AddressPacking {
  private SocketIpv6AddressPacking() {}

  /** Prints each IPv6 address, packed with {@code inet_pton} and unpacked with {@code inet_ntop}. */
  static void run(Example.Args args, PrintStream out) {
    for (String address : args.valuesOr(List.of("2002:ac10:10a:1234:21e:52ff:fe74:40e"))) {
      byte[] packed = Inet.pton(AddressFamily.INET6, address);
      out.println("Original: " + address);
      out.println("Packed  : " + Example.hexlify(packed));
      out.println("Unpacked: " + Inet.ntop(AddressFamily.INET6, packed));
    }
  }

  /** Runs the example: {@code [ADDRESS...]}. */
  public static void main(String[] argv) {
    Example.main(SocketIpv6AddressPacking::run, argv);
  }
}
