package dev.netdb.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Objects;

/**
 * Holds one decoded resource record (RFC 1035 §4.1.3) of a type the stub understands. Records of
 * other types are length-checked and skipped by the decoder. Names are in {@link DnsName}
 * presentation form; TTLs are unsigned 32-bit values held in a {@code long}.
 */
public sealed interface ResourceRecord {
  /** Returns the owner name. */
  String name();

  /** Returns the type number. */
  int type();

  /** Returns the class (for OPT: the advertised UDP payload size). */
  int dnsClass();

  /** Returns the TTL in seconds (for OPT: the extended RCODE and flags word). */
  long ttl();

  /** An IPv4 address (RFC 1035 §3.4.1). */
  record A(String name, int dnsClass, long ttl, Inet4Address address) implements ResourceRecord {
    /** Checks the fields. */
    public A {
      check(name, dnsClass, ttl);
      Objects.requireNonNull(address, "address");
    }

    @Override
    public int type() {
      return DnsType.A;
    }
  }

  /** An IPv6 address (RFC 3596). */
  record Aaaa(String name, int dnsClass, long ttl, Inet6Address address) implements ResourceRecord {
    /** Checks the fields. */
    public Aaaa {
      check(name, dnsClass, ttl);
      Objects.requireNonNull(address, "address");
    }

    @Override
    public int type() {
      return DnsType.AAAA;
    }
  }

  /** A canonical-name alias (RFC 1035 §3.3.1). */
  record Cname(String name, int dnsClass, long ttl, String target) implements ResourceRecord {
    /** Checks the fields. */
    public Cname {
      check(name, dnsClass, ttl);
      Objects.requireNonNull(target, "target");
    }

    @Override
    public int type() {
      return DnsType.CNAME;
    }
  }

  /** A domain-name pointer (RFC 1035 §3.3.12). */
  record Ptr(String name, int dnsClass, long ttl, String target) implements ResourceRecord {
    /** Checks the fields. */
    public Ptr {
      check(name, dnsClass, ttl);
      Objects.requireNonNull(target, "target");
    }

    @Override
    public int type() {
      return DnsType.PTR;
    }
  }

  /** A start of authority (RFC 1035 §3.3.13); {@code minimum} bounds negative caching (RFC 2308). */
  record Soa(
      String name,
      int dnsClass,
      long ttl,
      String mname,
      String rname,
      long serial,
      long refresh,
      long retry,
      long expire,
      long minimum)
      implements ResourceRecord {
    /** Checks the fields. */
    public Soa {
      check(name, dnsClass, ttl);
      Objects.requireNonNull(mname, "mname");
      Objects.requireNonNull(rname, "rname");
      for (long v : new long[] {serial, refresh, retry, expire, minimum}) {
        if (v < 0 || v > 0xFFFF_FFFFL) throw new IllegalArgumentException("SOA field out of range");
      }
    }

    @Override
    public int type() {
      return DnsType.SOA;
    }
  }

  /**
   * An EDNS0 OPT pseudo-record (RFC 6891 §6.1.2): owner is the root, the class is the UDP payload
   * size, and the TTL holds the extended RCODE, version and DO bit. Options are kept as raw bytes
   * in hex so that the record stays a value.
   */
  record Opt(int udpPayloadSize, int extendedRcode, int version, boolean dnssecOk, String optionsHex)
      implements ResourceRecord {
    /** Checks the fields. */
    public Opt {
      if ((udpPayloadSize & ~0xFFFF) != 0 || (extendedRcode & ~0xFF) != 0 || (version & ~0xFF) != 0) {
        throw new IllegalArgumentException("OPT field out of range");
      }
      Objects.requireNonNull(optionsHex, "optionsHex");
    }

    /** Returns an OPT record with no options advertising {@code payload} bytes, version 0. */
    public static Opt of(int payload) {
      return new Opt(payload, 0, 0, false, "");
    }

    @Override
    public String name() {
      return "";
    }

    @Override
    public int type() {
      return DnsType.OPT;
    }

    @Override
    public int dnsClass() {
      return udpPayloadSize;
    }

    @Override
    public long ttl() {
      return (long) extendedRcode << 24 | (long) version << 16 | (dnssecOk ? 0x8000 : 0);
    }
  }

  private static void check(String name, int dnsClass, long ttl) {
    Objects.requireNonNull(name, "name");
    if ((dnsClass & ~0xFFFF) != 0) throw new IllegalArgumentException("class out of range");
    if (ttl < 0 || ttl > 0xFFFF_FFFFL) throw new IllegalArgumentException("ttl out of range");
  }
}
