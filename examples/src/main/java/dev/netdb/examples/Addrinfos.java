package dev.netdb.examples;

import dev.netdb.AddrInfo;
import dev.netdb.AddressFamily;
import dev.netdb.IpProto;
import dev.netdb.SocketType;
import java.io.PrintStream;

/** Prints {@code getaddrinfo} results as the chapter's two getaddrinfo programs do. */
final class Addrinfos {
  private Addrinfos() {}

  /** Prints one result's block, names taken as {@code get_constants()} takes them. */
  static void print(PrintStream out, AddrInfo ai) {
    out.println("Family        : " + name(
        ai.addressFamily().map(AddressFamily::pythonName).orElse(null), ai.family()));
    out.println("Type          : " + name(
        ai.socketType().map(SocketType::pythonName).orElse(null), ai.type()));
    out.println("Protocol      : " + name(IpProto.pythonName(ai.protocol()), ai.protocol()));
    out.println("Canonical name: " + ai.canonicalName());
    String sockaddr = ai.family() == AddressFamily.INET6.value()
        ? "(" + Example.repr(ai.host()) + ", " + ai.port() + ", " + ai.flowInfo() + ", "
            + ai.scopeId() + ")"
        : "(" + Example.repr(ai.host()) + ", " + ai.port() + ")";
    out.println("Socket address: " + sockaddr);
    out.println();
  }

  private static String name(String name, int value) {
    if (name == null) {
      throw new Example.Uncaught("KeyError: " + value); // families[family] in Python
    }
    return name;
  }
}
