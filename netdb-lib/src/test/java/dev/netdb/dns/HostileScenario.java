package dev.netdb.dns;

import dev.netdb.dns.FakeDnsServer.Action;
import dev.netdb.dns.FakeDnsServer.Delayed;
import dev.netdb.dns.FakeDnsServer.Drop;
import dev.netdb.dns.FakeDnsServer.RawTcp;
import dev.netdb.dns.FakeDnsServer.Reply;
import dev.netdb.dns.FakeDnsServer.Request;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hostile-server scenarios of issue 13, one per rule: each answers a query for {@code
 * LABEL.hostile.test} (A or AAAA) in its own way. The same table serves the in-process fake server
 * (netdb's side) and the fake server started inside the oracle namespace on port 53 (glibc's
 * side), so both resolvers see the same bytes. Any other name is NXDOMAIN. Test code only.
 */
enum HostileScenario {
  /** Control: a well-formed answer. */
  GOOD("good") {
    @Override
    Action udp(Request r) {
      return new Reply(answer(r, 1, w -> addressRecord(w, r, 12)));
    }
  },
  /** RFC 1035 §4.1.4: the answer's owner is a compression pointer to itself. */
  POINTER_LOOP("ptrloop") {
    @Override
    Action udp(Request r) {
      return new Reply(answer(r, 1, w -> addressRecordOwner(w.pointer(w.size()), r)));
    }
  },
  /** RFC 6891 §5: a label byte 0x40 (extended label type, never allowed). */
  LABEL_0X40("label40") {
    @Override
    Action udp(Request r) {
      return new Reply(answer(r, 1, w -> addressRecordOwner(w.u8(0x40).bytes(new byte[64]).u8(0), r)));
    }
  },
  /** RFC 1035 §2.3.4: the answer's owner expands to more than 255 bytes. */
  NAME_OVER_255("longname") {
    @Override
    Action udp(Request r) {
      String label = "a".repeat(63);
      return new Reply(answer(r, 1, w -> addressRecordOwner(
          w.name(String.join(".", label, label, label, label, label)), r)));
    }
  },
  /** RFC 1035 §4.1.3: RDLENGTH says 100 bytes, the message ends after 4. */
  RDLENGTH_PAST_END("rdlenpast") {
    @Override
    Action udp(Request r) {
      return new Reply(answer(r, 1, w -> w.pointer(12).rrHeader(type(r), 100).bytes(address(r))));
    }
  },
  /** RFC 1035 §3.4.1: an A (or AAAA) record one byte short. */
  ADDRESS_RDLENGTH_SHORT("rdlen3") {
    @Override
    Action udp(Request r) {
      byte[] a = address(r);
      return new Reply(answer(r, 1, w -> w.pointer(12).rrHeader(type(r), a.length - 1)
          .bytes(Arrays.copyOf(a, a.length - 1))));
    }
  },
  /** RFC 1035 §3.4.1: an A (or AAAA) record one byte long. */
  ADDRESS_RDLENGTH_LONG("rdlen5") {
    @Override
    Action udp(Request r) {
      byte[] a = address(r);
      return new Reply(answer(r, 1, w -> w.pointer(12).rrHeader(type(r), a.length + 1)
          .bytes(Arrays.copyOf(a, a.length + 1))));
    }
  },
  /** RFC 1035 §4.1.1: ANCOUNT 10,000, one record present. */
  ANCOUNT_10000("ancount") {
    @Override
    Action udp(Request r) {
      return new Reply(answer(r, 10_000, w -> addressRecord(w, r, 12)));
    }
  },
  /** RFC 2308 §3: NODATA whose authority SOA has a 5-byte RDATA. */
  BAD_SOA_NODATA("badsoa") {
    @Override
    Action udp(Request r) {
      Wire w = Wire.replyWithQuestion(r.query(), DnsType.NOERROR, false, 0, 1, 0);
      return new Reply(w.name("hostile.test").rrHeader(DnsType.SOA, 5).bytes(new byte[] {3, 'n', 's', 0, 1}).toBytes());
    }
  },
  /** RFC 2308 §3: NXDOMAIN whose authority SOA has a 5-byte RDATA. */
  BAD_SOA_NXDOMAIN("badsoanx") {
    @Override
    Action udp(Request r) {
      Wire w = Wire.replyWithQuestion(r.query(), DnsType.NXDOMAIN, false, 0, 1, 0);
      return new Reply(w.name("hostile.test").rrHeader(DnsType.SOA, 5).bytes(new byte[] {3, 'n', 's', 0, 1}).toBytes());
    }
  },
  /**
   * RFC 1035 §4.1.4 allows a pointer to any earlier occurrence; this one points forward, to the
   * owner of the second record (glibc follows it).
   */
  FORWARD_POINTER("fwdptr") {
    @Override
    Action udp(Request r) {
      byte[] a = address(r);
      Wire w = Wire.replyWithQuestion(r.query(), DnsType.NOERROR, false, 2, 0, 0);
      int first = w.size();
      int second = first + 2 + 10 + a.length;
      w.pointer(second).rrHeader(type(r), a.length).bytes(a);
      byte[] b = a.clone();
      b[b.length - 1]++;
      w.name(r.query().questions().getFirst().name()).rrHeader(type(r), b.length).bytes(b);
      return new Reply(w.toBytes());
    }
  },
  /** RFC 1035 §4.1: bytes after the last record (glibc ignores them). */
  TRAILING_BYTES("trailing") {
    @Override
    Action udp(Request r) {
      Wire w = Wire.replyWithQuestion(r.query(), DnsType.NOERROR, false, 1, 0, 0);
      return new Reply(addressRecord(w, r, 12).bytes("junk!!!".getBytes()).toBytes());
    }
  },
  /**
   * The first send of each query ID is answered 1.5 s late, resends of that ID are dropped: with
   * {@code timeout:1 attempts:2} only a resolver that keeps the socket and ID of the first try
   * across the retry takes the answer, as glibc's {@code send_dg} does.
   */
  LATE_REPLY("late") {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    Action udp(Request r) {
      DnsQuestion q = r.query().questions().getFirst();
      String key = r.query().header().id() + "/" + q.type() + "/" + q.name().toLowerCase(Locale.ROOT);
      if (!seen.add(key)) return new Drop();
      return new Delayed(Duration.ofMillis(1500), GOOD.udp(r));
    }
  },
  /** A chain of 40 CNAMEs in one answer, then the address. */
  CNAME_CHAIN_40("chain40") {
    @Override
    Action udp(Request r) {
      return new Reply(chain(r, 40));
    }
  },
  /** A chain of 100 CNAMEs in one answer, then the address (glibc has no bound of its own). */
  CNAME_CHAIN_100("chain100") {
    @Override
    Action udp(Request r) {
      return new Reply(chain(r, 100));
    }
  },
  /** A CNAME from the name to itself, then the name's address, in one answer. */
  CNAME_SELF("cnameself") {
    @Override
    Action udp(Request r) {
      return new Reply(answer(r, 2, w -> addressRecord(w.pointer(12).rrHeader(DnsType.CNAME, 2).pointer(12), r, 12)));
    }
  },
  /** NOERROR with one answer record, of a type nobody asked for (TXT): ANCOUNT is not 0. */
  OTHER_TYPE_ONLY("txtonly") {
    @Override
    Action udp(Request r) {
      return new Reply(answer(r, 1, w -> w.pointer(12).rrHeader(16, 4).bytes(new byte[] {3, 'a', 'b', 'c'})));
    }
  },
  /** RCODE 1, FORMERR: final in glibc. */
  FORMERR("formerr") {
    @Override
    Action udp(Request r) {
      return new Reply(Wire.replyWithQuestion(r.query(), DnsType.FORMERR, false, 0, 0, 0).toBytes());
    }
  },
  /** RCODE 15, unassigned: final in glibc. */
  RCODE_15("rcode15") {
    @Override
    Action udp(Request r) {
      return new Reply(Wire.replyWithQuestion(r.query(), 15, false, 0, 0, 0).toBytes());
    }
  },
  /** TC over UDP; over TCP one byte of the length prefix, then the connection closes. */
  TCP_SHORT_PREFIX("tcpshort") {
    @Override
    Action tcp(Request r) {
      return new RawTcp(new byte[] {0});
    }
  },
  /** TC over UDP; over TCP the prefix and half the message, then the connection closes. */
  TCP_CUT("tcpcut") {
    @Override
    Action tcp(Request r) {
      byte[] m = GOOD.wire(r);
      byte[] cut = new byte[2 + m.length / 2];
      cut[0] = (byte) (m.length >> 8);
      cut[1] = (byte) m.length;
      System.arraycopy(m, 0, cut, 2, m.length / 2);
      return new RawTcp(cut);
    }
  },
  /**
   * TC over UDP; over TCP a 65,535-byte message with the query's ID and QR set, the rest junk, for
   * each query on the connection (glibc sends A and AAAA on one).
   */
  TCP_JUNK("tcpjunk") {
    @Override
    Action tcp(Request r) {
      byte[] m = new byte[65535];
      for (int i = 0; i < m.length; i++) m[i] = (byte) (i * 37 + 11);
      int id = r.query().header().id();
      m[0] = (byte) (id >> 8);
      m[1] = (byte) id;
      m[2] = (byte) 0x81;
      m[3] = (byte) 0x80;
      return new Reply(m);
    }
  },
  /**
   * TC over UDP; over TCP a well-formed answer to another question. glibc's {@code send_vc} does
   * not compare the question and takes it; netdb refuses it (a stricter choice, see README).
   */
  TCP_WRONG_QUESTION("tcpwrongq") {
    @Override
    Action tcp(Request r) {
      DnsQuestion q = r.query().questions().getFirst();
      Wire w = Wire.reply(r.query(), DnsType.NOERROR, false, 1, 1, 0, 0)
          .name("evil.hostile.test").u16(q.type()).u16(q.dnsClass());
      return new Reply(addressRecord(w, r, 12).toBytes());
    }
  };

  /** The zone every scenario lives under. */
  static final String ZONE = "hostile.test";

  final String label;

  HostileScenario(String label) {
    this.label = label;
  }

  /** Returns the name whose queries this scenario answers. */
  String hostName() {
    return label + "." + ZONE;
  }

  /** Answers a UDP query; by default TC with no records, which sends the client to {@link #tcp}. */
  Action udp(Request r) {
    return new Reply(Wire.replyWithQuestion(r.query(), DnsType.NOERROR, true, 0, 0, 0).toBytes());
  }

  /** Answers a TCP query; by default what {@link #udp} answers. */
  Action tcp(Request r) {
    return udp(r);
  }

  byte[] wire(Request r) {
    return ((Reply) udp(r)).wire();
  }

  /**
   * Routes a request by its question name: {@code LABEL.hostile.test}, or any name under it
   * ({@code n7.good.hostile.test}, for load tests that need distinct questions), picks the scenario.
   */
  static Action handle(Request r) {
    DnsQuestion q = r.query().questions().isEmpty() ? null : r.query().questions().getFirst();
    if (q != null && (q.type() == DnsType.A || q.type() == DnsType.AAAA)) {
      String name = q.name().toLowerCase(Locale.ROOT);
      for (HostileScenario s : values()) {
        if (name.equals(s.hostName()) || name.endsWith("." + s.hostName())) return r.tcp() ? s.tcp(r) : s.udp(r);
      }
    }
    return new Reply(Wire.replyWithQuestion(r.query(), DnsType.NXDOMAIN, false, 0, 0, 0).toBytes());
  }

  static int type(Request r) {
    return r.query().questions().getFirst().type();
  }

  /** 192.0.2.10 for A, 2001:db8::10 for AAAA. */
  static byte[] address(Request r) {
    return type(r) == DnsType.A
        ? new byte[] {(byte) 192, 0, 2, 10}
        : new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10};
  }

  /** Writes an address record of the asked type owned by the name at {@code ownerOffset}. */
  static Wire addressRecord(Wire w, Request r, int ownerOffset) {
    return addressRecordOwner(w.pointer(ownerOffset), r);
  }

  /** Writes the rest of an address record whose owner has just been written. */
  static Wire addressRecordOwner(Wire w, Request r) {
    byte[] a = address(r);
    return w.rrHeader(type(r), a.length).bytes(a);
  }

  /** Returns a NOERROR reply echoing the question, with ANCOUNT {@code ancount} and the records {@code body} writes. */
  static byte[] answer(Request r, int ancount, java.util.function.UnaryOperator<Wire> body) {
    return body.apply(Wire.replyWithQuestion(r.query(), DnsType.NOERROR, false, ancount, 0, 0)).toBytes();
  }

  /** Returns qname CNAME c1.qname CNAME c2.qname ... c{n}.qname, then c{n}'s address. */
  static byte[] chain(Request r, int n) {
    Wire w = Wire.replyWithQuestion(r.query(), DnsType.NOERROR, false, n + 1, 0, 0);
    int owner = 12;
    for (int i = 1; i <= n; i++) {
      String label = "c" + i;
      w.pointer(owner).rrHeader(DnsType.CNAME, 1 + label.length() + 2);
      owner = w.size();
      w.u8(label.length()).bytes(label.getBytes()).pointer(12);
    }
    return addressRecord(w, r, owner).toBytes();
  }
}
