package dev.netdb.dns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds a whole DNS message (RFC 1035 §4.1): header and the four sections. The section counts of
 * the wire header are the sizes of the lists. Records of types outside {@link ResourceRecord} are
 * dropped on decoding, so a decoded list may be shorter than the wire count.
 */
public record DnsMessage(
    DnsHeader header,
    List<DnsQuestion> questions,
    List<ResourceRecord> answers,
    List<ResourceRecord> authorities,
    List<ResourceRecord> additionals) {

  /** Copies the lists. */
  public DnsMessage {
    Objects.requireNonNull(header, "header");
    questions = List.copyOf(questions);
    answers = List.copyOf(answers);
    authorities = List.copyOf(authorities);
    additionals = List.copyOf(additionals);
  }

  /**
   * Returns a standard query for one question with RD set, as glibc's {@code res_nmkquery} builds
   * it; with {@code ednsPayload > 0} an OPT record advertising that payload is added (RFC 6891).
   */
  public static DnsMessage query(int id, DnsQuestion question, int ednsPayload, boolean adBit) {
    List<ResourceRecord> additional =
        ednsPayload > 0 ? List.of(ResourceRecord.Opt.of(ednsPayload)) : List.of();
    return new DnsMessage(DnsHeader.query(id, adBit), List.of(question), List.of(), List.of(), additional);
  }

  /** Returns the first question, if any. */
  public Optional<DnsQuestion> question() {
    return questions.isEmpty() ? Optional.empty() : Optional.of(questions.getFirst());
  }

  /** Returns the OPT record of the additional section, if any. */
  public Optional<ResourceRecord.Opt> opt() {
    for (ResourceRecord r : additionals) {
      if (r instanceof ResourceRecord.Opt o) return Optional.of(o);
    }
    return Optional.empty();
  }

  /** Returns the SOA record of the authority section, if any (for negative caching). */
  public Optional<ResourceRecord.Soa> authoritySoa() {
    for (ResourceRecord r : authorities) {
      if (r instanceof ResourceRecord.Soa s) return Optional.of(s);
    }
    return Optional.empty();
  }

  /**
   * Returns how long a negative answer (NXDOMAIN, NODATA) may be kept, in seconds: the minimum of
   * the authority SOA's own TTL and its MINIMUM field (RFC 2308 §5), or 0 without an SOA.
   */
  public long negativeTtlSeconds() {
    return authoritySoa().map(s -> Math.min(s.ttl(), s.minimum())).orElse(0L);
  }

  /** Returns the wire form, names compressed; see {@link DnsEncoder}. */
  public byte[] encode() throws DnsFormatException {
    return DnsEncoder.encode(this, true);
  }

  /** Decodes a message strictly; see {@link DnsDecoder}. */
  public static DnsMessage decode(byte[] wire) throws DnsFormatException {
    return DnsDecoder.decode(wire, 0, wire.length);
  }

  /** Decodes {@code len} bytes of {@code buf} from {@code off} strictly. */
  public static DnsMessage decode(byte[] buf, int off, int len) throws DnsFormatException {
    return DnsDecoder.decode(buf, off, len);
  }
}
