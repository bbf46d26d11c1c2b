package dev.netdb.dns;

import java.io.ByteArrayOutputStream;

/**
 * Writes DNS messages byte by byte, so that a test can build exactly the malformed reply it means
 * (no encoder in the way): names as plain labels, pointers, raw bytes, and fields patched later.
 * Test code only.
 */
final class Wire {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Starts a reply to {@code q}: its ID, QR/RD/RA and {@code rcode}, TC when asked, the given counts. */
  static Wire reply(DnsMessage q, int rcode, boolean tc, int qd, int an, int ns, int ar) {
    Wire w = new Wire();
    int flags = 0x8000 | 0x0100 | 0x0080 | (tc ? 0x0200 : 0) | rcode;
    return w.u16(q.header().id()).u16(flags).u16(qd).u16(an).u16(ns).u16(ar);
  }

  /** Starts a reply to {@code q} that echoes its question (at offset 12). */
  static Wire replyWithQuestion(DnsMessage q, int rcode, boolean tc, int an, int ns, int ar) {
    DnsQuestion asked = q.questions().getFirst();
    return reply(q, rcode, tc, 1, an, ns, ar).name(asked.name()).u16(asked.type()).u16(asked.dnsClass());
  }

  Wire u8(int v) {
    out.write(v);
    return this;
  }

  Wire u16(int v) {
    out.write(v >> 8 & 0xFF);
    out.write(v & 0xFF);
    return this;
  }

  Wire u32(long v) {
    return u16((int) (v >>> 16 & 0xFFFF)).u16((int) (v & 0xFFFF));
  }

  Wire bytes(byte... b) {
    out.writeBytes(b);
    return this;
  }

  /** Writes {@code name} uncompressed: its labels and the root byte. */
  Wire name(String name) {
    if (!name.isEmpty() && !name.equals(".")) {
      for (String label : name.split("\\.")) {
        out.write(label.length());
        out.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      }
    }
    out.write(0);
    return this;
  }

  /** Writes a compression pointer to {@code offset}. */
  Wire pointer(int offset) {
    return u16(0xC000 | offset);
  }

  /** Writes the fixed part of a record after its owner name: type, class IN, TTL 300, RDLENGTH. */
  Wire rrHeader(int type, int rdlength) {
    return u16(type).u16(DnsType.CLASS_IN).u32(300).u16(rdlength);
  }

  /** Returns the offset the next byte goes to. */
  int size() {
    return out.size();
  }

  byte[] toBytes() {
    return out.toByteArray();
  }
}
