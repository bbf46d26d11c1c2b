package dev.netdb.dns;

/**
 * Holds the fixed fields of a DNS header (RFC 1035 §4.1.1) other than the section counts, which
 * the codec derives from the section lists.
 *
 * @param id the 16-bit query ID
 * @param response QR
 * @param opcode the 4-bit OPCODE
 * @param authoritative AA
 * @param truncated TC
 * @param recursionDesired RD
 * @param recursionAvailable RA
 * @param authenticData AD (RFC 4035)
 * @param checkingDisabled CD (RFC 4035)
 * @param rcode the 4-bit RCODE of the header (EDNS extended bits are in the OPT record)
 */
public record DnsHeader(
    int id,
    boolean response,
    int opcode,
    boolean authoritative,
    boolean truncated,
    boolean recursionDesired,
    boolean recursionAvailable,
    boolean authenticData,
    boolean checkingDisabled,
    int rcode) {

  /** Checks field ranges. */
  public DnsHeader {
    if ((id & ~0xFFFF) != 0) throw new IllegalArgumentException("id out of range: " + id);
    if ((opcode & ~0xF) != 0) throw new IllegalArgumentException("opcode out of range: " + opcode);
    if ((rcode & ~0xF) != 0) throw new IllegalArgumentException("rcode out of range: " + rcode);
  }

  /** Returns the header of a standard query with RD set, as a stub resolver sends it. */
  public static DnsHeader query(int id, boolean authenticData) {
    return new DnsHeader(id, false, 0, false, false, true, false, authenticData, false, 0);
  }

  /** Returns the 16-bit flags word (everything between ID and QDCOUNT). */
  public int flags() {
    return (response ? 0x8000 : 0)
        | opcode << 11
        | (authoritative ? 0x0400 : 0)
        | (truncated ? 0x0200 : 0)
        | (recursionDesired ? 0x0100 : 0)
        | (recursionAvailable ? 0x0080 : 0)
        | (authenticData ? 0x0020 : 0)
        | (checkingDisabled ? 0x0010 : 0)
        | rcode;
  }

  /** Returns the header with the given ID and flags word; the Z bit (0x0040) is ignored. */
  public static DnsHeader of(int id, int flags) {
    return new DnsHeader(
        id,
        (flags & 0x8000) != 0,
        flags >> 11 & 0xF,
        (flags & 0x0400) != 0,
        (flags & 0x0200) != 0,
        (flags & 0x0100) != 0,
        (flags & 0x0080) != 0,
        (flags & 0x0020) != 0,
        (flags & 0x0010) != 0,
        flags & 0xF);
  }
}
