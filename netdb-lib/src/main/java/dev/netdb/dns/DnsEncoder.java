package dev.netdb.dns;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Encodes DNS messages. With compression on, each name's longest already-written suffix
 * (compared exactly, so that case survives a round trip) is replaced by a pointer, only to offsets below 0x4000 (RFC 1035
 * §4.1.4); the names inside CNAME, PTR and SOA RDATA are compressed too, as RFC 3597 §4 allows for
 * these well-known types. Section counts come from the list sizes and must fit 16 bits.
 */
final class DnsEncoder {
  private byte[] out = new byte[512];
  private int size;
  private final Map<String, Integer> offsets;

  private DnsEncoder(boolean compress) {
    this.offsets = compress ? new HashMap<>() : null;
  }

  static byte[] encode(DnsMessage m, boolean compress) throws DnsFormatException {
    // With at most one name that is not the root (a query: its question and maybe an OPT record),
    // nothing can be compressed, and the bytes are the same without the suffix table.
    return write(m, compress && !atMostOneName(m));
  }

  /** Encodes {@code m}, compressing names through the suffix table when {@code table} is set. */
  static byte[] write(DnsMessage m, boolean table) throws DnsFormatException {
    DnsEncoder e = new DnsEncoder(table);
    e.u16(m.header().id());
    e.u16(m.header().flags());
    for (List<?> section : List.of(m.questions(), m.answers(), m.authorities(), m.additionals())) {
      if (section.size() > 0xFFFF) throw new DnsFormatException("section has more than 65535 entries");
      e.u16(section.size());
    }
    for (DnsQuestion q : m.questions()) {
      e.name(q.name());
      e.u16(q.type());
      e.u16(q.dnsClass());
    }
    for (List<ResourceRecord> section : List.of(m.answers(), m.authorities(), m.additionals())) {
      for (ResourceRecord r : section) e.record(r);
    }
    return Arrays.copyOf(e.out, e.size);
  }

  /** Reports whether {@code m} has at most one question and nothing else but OPT records. */
  static boolean atMostOneName(DnsMessage m) {
    if (m.questions().size() > 1 || !m.answers().isEmpty() || !m.authorities().isEmpty()) return false;
    for (ResourceRecord r : m.additionals()) {
      if (!(r instanceof ResourceRecord.Opt)) return false;
    }
    return true;
  }

  private void record(ResourceRecord r) throws DnsFormatException {
    name(r.name());
    u16(r.type());
    u16(r.dnsClass());
    u32(r.ttl());
    int lengthAt = size;
    u16(0);
    switch (r) {
      case ResourceRecord.A a -> bytes(a.address().getAddress());
      case ResourceRecord.Aaaa a -> bytes(a.address().getAddress());
      case ResourceRecord.Cname c -> name(c.target());
      case ResourceRecord.Ptr p -> name(p.target());
      case ResourceRecord.Soa s -> {
        name(s.mname());
        name(s.rname());
        u32(s.serial());
        u32(s.refresh());
        u32(s.retry());
        u32(s.expire());
        u32(s.minimum());
      }
      case ResourceRecord.Opt o -> {
        try {
          bytes(HexFormat.of().parseHex(o.optionsHex()));
        } catch (IllegalArgumentException ex) {
          throw new DnsFormatException("OPT options are not hex: " + o.optionsHex());
        }
      }
    }
    int rdlen = size - lengthAt - 2;
    if (rdlen > 0xFFFF) throw new DnsFormatException("RDATA longer than 65535 bytes");
    out[lengthAt] = (byte) (rdlen >> 8);
    out[lengthAt + 1] = (byte) rdlen;
  }

  private void name(String name) throws DnsFormatException {
    byte[] wire = DnsName.toWire(name);
    if (offsets == null) {
      bytes(wire);
      return;
    }
    String key = DnsName.canonical(name); // exact match only, so decoding gives back the same case
    int p = 0;
    while (wire[p] != 0) {
      Integer at = offsets.get(key);
      if (at != null) {
        u16(0xC000 | at);
        return;
      }
      if (size < 0x4000) offsets.put(key, size);
      int len = wire[p];
      ensure(len + 1);
      System.arraycopy(wire, p, out, size, len + 1);
      size += len + 1;
      p += len + 1;
      key = suffixAfterFirstLabel(key);
    }
    u8(0);
  }

  /** Drops the first label of a canonical presentation name, honouring backslash escapes. */
  private static String suffixAfterFirstLabel(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '.') {
        return key.substring(i + 1);
      }
    }
    return "";
  }

  private void ensure(int n) {
    if (size + n > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, size + n));
  }

  private void u8(int v) {
    ensure(1);
    out[size++] = (byte) v;
  }

  private void u16(int v) {
    ensure(2);
    out[size++] = (byte) (v >> 8);
    out[size++] = (byte) v;
  }

  private void u32(long v) {
    ensure(4);
    out[size++] = (byte) (v >> 24);
    out[size++] = (byte) (v >> 16);
    out[size++] = (byte) (v >> 8);
    out[size++] = (byte) v;
  }

  private void bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, out, size, b.length);
    size += b.length;
  }
}
