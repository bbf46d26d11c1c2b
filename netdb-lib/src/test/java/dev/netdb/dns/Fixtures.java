package dev.netdb.dns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads hex fixtures and builds addresses for DNS tests. */
final class Fixtures {
  private Fixtures() {}

  static byte[] hex(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/testdata/dns/" + resource)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + resource);
      return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Inet4Address v4(String literal) {
    return (Inet4Address) InetAddress.ofLiteral(literal);
  }

  static Inet6Address v6(String literal) {
    return (Inet6Address) InetAddress.ofLiteral(literal);
  }
}
