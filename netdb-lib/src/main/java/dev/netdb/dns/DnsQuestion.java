package dev.netdb.dns;

import java.util.Objects;

/**
 * Holds one question (RFC 1035 §4.1.2). Names are in presentation form without the trailing dot
 * (the root is {@code ""}); see {@link DnsName}.
 */
public record DnsQuestion(String name, int type, int dnsClass) {
  /** Checks the name and the 16-bit fields. */
  public DnsQuestion {
    Objects.requireNonNull(name, "name");
    if ((type & ~0xFFFF) != 0 || (dnsClass & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("type or class out of range");
    }
  }

  /** Returns a class-IN question. */
  public static DnsQuestion in(String name, int type) {
    return new DnsQuestion(name, type, DnsType.CLASS_IN);
  }

  /**
   * Reports whether a reply's question matches this one: name equal ignoring ASCII case, same type
   * and class (glibc {@code res_queriesmatch}, RFC 4343).
   */
  public boolean matches(DnsQuestion other) {
    return type == other.type && dnsClass == other.dnsClass && DnsName.equalsIgnoreCase(name, other.name);
  }
}
