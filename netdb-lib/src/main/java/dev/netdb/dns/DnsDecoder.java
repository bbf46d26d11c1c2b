package dev.netdb.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Decodes DNS messages strictly. Every read is bounds-checked; a compression pointer (RFC 1035
 * §4.1.4) must point strictly before the byte where the pointer itself starts and before every
 * earlier jump target, so pointer chains always terminate, and at most {@value #MAX_POINTERS}
 * jumps are followed; labels of type 01/10 (RFC 6891 §5) are rejected; names are at most 255 bytes
 * expanded; each known RDATA must use exactly its RDLENGTH; at most one OPT record, only in the
 * additional section, owned by the root (RFC 6891 §6.1.1); no byte may follow the last record.
 * Any violation is a {@link DnsFormatException}. {@link #decodeReply} is the lenient reading the
 * exchange applies to replies, as glibc reads them (forward pointers, trailing bytes, unreadable
 * authority and additional sections accepted; an unreadable answer section reported, not thrown).
 */
final class DnsDecoder {
  private DnsDecoder() {}

  /** The most compression pointers followed while reading one name. */
  static final int MAX_POINTERS = 64;

  static DnsMessage decode(byte[] buf, int off, int len) throws DnsFormatException {
    if (off < 0 || len < 0 || off + len > buf.length) throw new DnsFormatException("bad buffer bounds");
    Cursor c = new Cursor(buf, off, off + len, false);
    if (len < 12) throw new DnsFormatException("message shorter than its 12-byte header: " + len);
    DnsHeader header = DnsHeader.of(c.u16(), c.u16());
    int qd = c.u16();
    int an = c.u16();
    int ns = c.u16();
    int ar = c.u16();
    List<DnsQuestion> questions = new ArrayList<>(Math.min(qd, 4));
    for (int i = 0; i < qd; i++) {
      questions.add(new DnsQuestion(c.name(), c.u16(), c.u16()));
    }
    List<ResourceRecord> answers = records(c, an, false, "answer", false);
    List<ResourceRecord> authorities = records(c, ns, false, "authority", false);
    List<ResourceRecord> additionals = records(c, ar, true, "additional", false);
    if (c.pos != c.end) {
      throw new DnsFormatException((c.end - c.pos) + " bytes after the last record");
    }
    return new DnsMessage(header, questions, answers, authorities, additionals);
  }

  /**
   * Holds a reply read as glibc reads one: the header and question (strict: without them the
   * datagram is not a reply to anything), the answer section, and whatever of the authority and
   * additional sections decodes.
   *
   * @param message the header, the question, the answer records if they decode (else none), and
   *     the authority and additional records up to the first that does not decode
   * @param answerCount ANCOUNT as on the wire (records of unknown types are not in the list)
   * @param answerError why the answer section does not decode, or null
   */
  record Reply(DnsMessage message, int answerCount, String answerError) {}

  /**
   * Decodes a reply the way glibc 2.36 takes one apart, for the exchange to judge: {@code
   * res_queriesmatch} needs the header and the question (a {@link DnsFormatException} here means
   * the datagram is ignored, as {@code send_dg} ignores it); {@code getanswer_r} walks the answer
   * section record by record and fails the whole lookup with {@code NO_RECOVERY} at the first
   * record that does not decode, including an address record of the wrong length; the authority
   * and additional sections are never parsed by glibc's host lookups, so here they are read only as
   * far as they decode (for the SOA of negative caching). Unlike {@link #decode}, compression
   * pointers may point forward (glibc's {@code ns_name_unpack} follows any pointer inside the
   * message and stops a loop by counting the bytes it has checked), and bytes after the last record
   * are ignored.
   */
  static Reply decodeReply(byte[] buf, int off, int len) throws DnsFormatException {
    if (off < 0 || len < 0 || off + len > buf.length) throw new DnsFormatException("bad buffer bounds");
    if (len < 12) throw new DnsFormatException("message shorter than its 12-byte header: " + len);
    Cursor c = new Cursor(buf, off, off + len, true);
    DnsHeader header = DnsHeader.of(c.u16(), c.u16());
    int qd = c.u16();
    int an = c.u16();
    int ns = c.u16();
    int ar = c.u16();
    List<DnsQuestion> questions = new ArrayList<>(1);
    for (int i = 0; i < qd; i++) {
      questions.add(new DnsQuestion(c.name(), c.u16(), c.u16()));
    }
    List<ResourceRecord> answers;
    try {
      answers = records(c, an, false, "answer", false);
    } catch (DnsFormatException e) {
      return new Reply(new DnsMessage(header, questions, List.of(), List.of(), List.of()), an, e.getMessage());
    }
    List<ResourceRecord> authorities = records(c, ns, false, "authority", true);
    List<ResourceRecord> additionals = c.pos < 0 ? List.of() : records(c, ar, true, "additional", true);
    return new Reply(new DnsMessage(header, questions, answers, authorities, additionals), an, null);
  }

  /**
   * Reads {@code count} records. With {@code partial}, a record that does not decode ends the
   * section quietly (the records before it are kept) and leaves the cursor at -1, so later
   * sections are not read.
   */
  private static List<ResourceRecord> records(Cursor c, int count, boolean additional, String section,
      boolean partial) throws DnsFormatException {
    List<ResourceRecord> out = new ArrayList<>(Math.min(count, 16));
    if (c.pos < 0) return out;
    boolean sawOpt = false;
    for (int i = 0; i < count; i++) {
      if (partial) {
        try {
          ResourceRecord r = record(c, additional, section, sawOpt);
          if (r instanceof ResourceRecord.Opt) sawOpt = true;
          if (r != null) out.add(r);
        } catch (DnsFormatException e) {
          c.pos = -1;
          return out;
        }
        continue;
      }
      ResourceRecord r = record(c, additional, section, sawOpt);
      if (r instanceof ResourceRecord.Opt) sawOpt = true;
      if (r != null) out.add(r);
    }
    return out;
  }

  /** Reads one record; null for a type outside {@link ResourceRecord}, which is skipped. */
  private static ResourceRecord record(Cursor c, boolean additional, String section, boolean sawOpt)
      throws DnsFormatException {
    int start = c.pos;
    String name = c.name();
    int type = c.u16();
    int cls = c.u16();
    long ttl = c.u32();
    int rdlen = c.u16();
    int rdEnd = c.pos + rdlen;
    if (rdEnd > c.end) {
      throw new DnsFormatException(
          section + " record at offset " + (start - c.base) + ": RDLENGTH " + rdlen + " runs past the end");
    }
    ResourceRecord r =
        switch (type) {
          case DnsType.A -> new ResourceRecord.A(name, cls, ttl, (Inet4Address) address(c, rdlen, 4));
          case DnsType.AAAA ->
              new ResourceRecord.Aaaa(name, cls, ttl, (Inet6Address) address(c, rdlen, 16));
          case DnsType.CNAME -> new ResourceRecord.Cname(name, cls, ttl, c.name());
          case DnsType.PTR -> new ResourceRecord.Ptr(name, cls, ttl, c.name());
          case DnsType.SOA ->
              new ResourceRecord.Soa(name, cls, ttl, c.name(), c.name(), c.u32(), c.u32(), c.u32(), c.u32(), c.u32());
          case DnsType.OPT -> {
            if (!additional) throw new DnsFormatException("OPT record in the " + section + " section");
            if (sawOpt) throw new DnsFormatException("more than one OPT record");
            if (!name.isEmpty()) throw new DnsFormatException("OPT record not owned by the root");
            int p = c.pos;
            while (p < rdEnd) { // options are TLVs (RFC 6891 §6.1.2); check their lengths
              if (p + 4 > rdEnd) throw new DnsFormatException("truncated EDNS option header");
              int olen = (c.buf[p + 2] & 0xFF) << 8 | (c.buf[p + 3] & 0xFF);
              p += 4 + olen;
              if (p > rdEnd) throw new DnsFormatException("EDNS option runs past RDLENGTH");
            }
            String hex = HexFormat.of().formatHex(c.buf, c.pos, rdEnd);
            c.pos = rdEnd;
            yield new ResourceRecord.Opt(
                cls, (int) (ttl >>> 24), (int) (ttl >>> 16 & 0xFF), (ttl & 0x8000) != 0, hex);
          }
          default -> {
            c.pos = rdEnd; // other types: length-checked above and skipped
            yield null;
          }
        };
    if (c.pos != rdEnd) {
      throw new DnsFormatException(
          DnsType.typeName(type) + " record at offset " + (start - c.base) + ": RDATA is "
              + (c.pos - (rdEnd - rdlen)) + " bytes, RDLENGTH says " + rdlen);
    }
    return r;
  }

  private static InetAddress address(Cursor c, int rdlen, int size) throws DnsFormatException {
    if (rdlen != size) throw new DnsFormatException("address RDLENGTH " + rdlen + ", expected " + size);
    byte[] a = new byte[size];
    System.arraycopy(c.buf, c.pos, a, 0, size);
    c.pos += size;
    try {
      return InetAddress.getByAddress(a); // no lookup: a raw address of 4 or 16 bytes
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** A bounds-checked read position in a message. */
  private static final class Cursor {
    final byte[] buf;
    final int base;
    final int end;
    /** Whether pointers may point forward, as glibc allows (see {@link #decodeReply}). */
    final boolean forwardPointers;
    int pos;

    Cursor(byte[] buf, int base, int end, boolean forwardPointers) {
      this.buf = buf;
      this.base = base;
      this.end = end;
      this.forwardPointers = forwardPointers;
      this.pos = base;
    }

    int u8() throws DnsFormatException {
      if (pos >= end) throw new DnsFormatException("message ends at offset " + (pos - base));
      return buf[pos++] & 0xFF;
    }

    int u16() throws DnsFormatException {
      if (pos + 2 > end) throw new DnsFormatException("message ends at offset " + (pos - base));
      int v = (buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF);
      pos += 2;
      return v;
    }

    long u32() throws DnsFormatException {
      if (pos + 4 > end) throw new DnsFormatException("message ends at offset " + (pos - base));
      long v = (long) (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8
          | (buf[pos + 3] & 0xFF);
      pos += 4;
      return v;
    }

    /** Reads a possibly compressed name; leaves {@code pos} after its in-place part. */
    String name() throws DnsFormatException {
      StringBuilder sb = new StringBuilder(32);
      int p = pos;
      int resume = -1;
      int limit = p; // every pointer must point before this, which shrinks with each jump
      int wireLength = 1; // the final root byte
      int jumps = 0;
      int checked = 0; // glibc ns_name_unpack: a name that makes us read the message over is a loop
      while (true) {
        if (p >= end) throw new DnsFormatException("name runs past the end at offset " + (p - base));
        int len = buf[p] & 0xFF;
        switch (len & 0xC0) {
          case 0x00 -> {
            if (len == 0) {
              pos = resume >= 0 ? resume : p + 1;
              return sb.toString();
            }
            if (p + 1 + len > end) throw new DnsFormatException("label runs past the end at offset " + (p - base));
            wireLength += len + 1;
            if (wireLength > DnsName.MAX_WIRE_LENGTH) {
              throw new DnsFormatException("name longer than 255 bytes at offset " + (pos - base));
            }
            DnsName.appendLabel(sb, buf, p + 1, len);
            p += len + 1;
            checked += len + 1;
          }
          case 0xC0 -> {
            if (p + 2 > end) throw new DnsFormatException("pointer runs past the end at offset " + (p - base));
            int target = base + ((len & 0x3F) << 8 | (buf[p + 1] & 0xFF));
            if (forwardPointers) {
              checked += 2;
              if (target >= end || checked >= end - base) {
                throw new DnsFormatException("compression pointer at offset " + (p - base) + " loops or leaves the message");
              }
              if (resume < 0) resume = p + 2;
              p = target;
              continue;
            }
            if (target >= limit || target >= p) {
              throw new DnsFormatException(
                  "compression pointer at offset " + (p - base) + " does not point backwards");
            }
            if (++jumps > MAX_POINTERS) throw new DnsFormatException("too many compression pointers");
            if (resume < 0) resume = p + 2;
            limit = target;
            p = target;
          }
          default -> throw new DnsFormatException(
              "unsupported label type 0x" + Integer.toHexString(len) + " at offset " + (p - base));
        }
      }
    }
  }
}
