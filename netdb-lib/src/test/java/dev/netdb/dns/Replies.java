package dev.netdb.dns;

import java.util.List;

/** Builds reply messages for the fake server. */
final class Replies {
  private Replies() {}

  static DnsHeader header(DnsMessage q, int rcode, boolean tc) {
    return new DnsHeader(q.header().id(), true, 0, true, tc, q.header().recursionDesired(), true, false, false, rcode);
  }

  static byte[] wire(DnsMessage m) {
    try {
      return m.encode();
    } catch (DnsFormatException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A NOERROR reply with these answers. */
  static byte[] answer(DnsMessage q, ResourceRecord... answers) {
    return wire(new DnsMessage(header(q, 0, false), q.questions(), List.of(answers), List.of(), List.of()));
  }

  /** A reply with this RCODE, the question echoed and the SOA (if any) in the authority section. */
  static byte[] rcode(DnsMessage q, int rcode, ResourceRecord... authority) {
    return wire(new DnsMessage(header(q, rcode, false), q.questions(), List.of(), List.of(authority), List.of()));
  }

  /** A reply with TC set and no records. */
  static byte[] truncated(DnsMessage q) {
    return wire(new DnsMessage(header(q, 0, true), q.questions(), List.of(), List.of(), List.of()));
  }

  /** The reply with another ID. */
  static byte[] withId(byte[] wire, int id) {
    byte[] copy = wire.clone();
    copy[0] = (byte) (id >> 8);
    copy[1] = (byte) id;
    return copy;
  }

  /** An answer, but to another question name. */
  static byte[] otherQuestion(DnsMessage q, String name, ResourceRecord... answers) {
    DnsQuestion asked = q.questions().getFirst();
    return wire(new DnsMessage(header(q, 0, false), List.of(new DnsQuestion(name, asked.type(), asked.dnsClass())),
        List.of(answers), List.of(), List.of()));
  }
}
