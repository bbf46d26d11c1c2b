package dev.netdb.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import dev.netdb.observe.TraceRecorder;

/**
 * Turns exchange outcomes into host lookups: the search list ({@link SearchList}), A and AAAA
 * questions, and the CNAME chain as glibc's {@code getanswer_r} ({@code resolv/nss_dns/dns-host.c})
 * reads it. One instance serves one lookup with one snapshot of the settings.
 */
final class HostQuery {
  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;

  private final ResolverConfig cfg;
  private final Function<DnsQuestion, CompletableFuture<DnsOutcome>> query;
  /** Where the CNAME chains are reported when the lookup is traced. */
  private final TraceRecorder recorder;
  /**
   * The smallest negative TTL (RFC 2308 §5) over the names tried so far, 0 once a try failed
   * without an SOA or otherwise; the walk runs its tries one after another, each stage after the
   * last, so no two threads write it at once.
   */
  private long negativeTtl = Long.MAX_VALUE;

  HostQuery(ResolverConfig cfg, Function<DnsQuestion, CompletableFuture<DnsOutcome>> query) {
    this(cfg, query, TraceRecorder.OFF);
  }

  HostQuery(ResolverConfig cfg, Function<DnsQuestion, CompletableFuture<DnsOutcome>> query, TraceRecorder recorder) {
    this.cfg = cfg;
    this.query = query;
    this.recorder = recorder;
  }

  CompletableFuture<DnsHostResult> lookup(String name, int family) {
    boolean wantA = family != AF_INET6;
    // glibc 2.36 no-aaaa: AAAA is never asked; an INET6-only lookup finds no data without a query.
    boolean wantAaaa = family != AF_INET && !cfg.noAaaa();
    if (!wantA && !wantAaaa) {
      return CompletableFuture.completedFuture(new DnsHostResult.Failed(DnsError.NO_DATA, "no-aaaa set"));
    }
    return SearchList.<DnsHostResult.Found>walk(name, cfg, fqdn -> tryName(fqdn, wantA, wantAaaa))
        .thenApply(r -> r.value() != null
            ? r.value()
            : new DnsHostResult.Failed(r.error(), "lookup of '" + name + "' failed",
                r.lastTransportFailed(), negativeTtl == Long.MAX_VALUE ? 0 : negativeTtl));
  }

  /** Asks A and/or AAAA for one fully qualified name, in parallel unless single-request is set. */
  private CompletableFuture<SearchList.Try<DnsHostResult.Found>> tryName(String fqdn, boolean wantA, boolean wantAaaa) {
    String qname;
    try {
      qname = DnsName.canonical(fqdn);
    } catch (DnsFormatException e) {
      // res_nmkquery fails on such a name; res_query then sets NO_RECOVERY.
      negativeTtl = 0;
      return CompletableFuture.completedFuture(SearchList.Try.failed(DnsError.NO_RECOVERY, false));
    }
    CompletableFuture<DnsOutcome> a = wantA ? query.apply(DnsQuestion.in(qname, DnsType.A)) : null;
    CompletableFuture<DnsOutcome> aaaa;
    if (!wantAaaa) {
      aaaa = null;
    } else if (a != null && cfg.singleRequest()) {
      aaaa = a.thenCompose(x -> query.apply(DnsQuestion.in(qname, DnsType.AAAA)));
    } else {
      aaaa = query.apply(DnsQuestion.in(qname, DnsType.AAAA));
    }
    if (a == null) return aaaa.thenApply(o -> traced(noted(combine(qname, null, o), null, o)));
    if (aaaa == null) return a.thenApply(o -> traced(noted(combine(qname, o, null), o, null)));
    return a.thenCombine(aaaa, (x, y) -> traced(noted(combine(qname, x, y), x, y)));
  }

  /** Reports the CNAME chain of a found answer to the trace, and returns the try unchanged. */
  private SearchList.Try<DnsHostResult.Found> traced(SearchList.Try<DnsHostResult.Found> t) {
    if (recorder.on() && t.value() != null && !t.value().aliases().isEmpty()) {
      recorder.add(QuerySteps.cname(t.value().queriedName(), t.value().aliases(), t.value().canonicalName()));
    }
    return t;
  }

  /**
   * Lowers {@link #negativeTtl} by the outcomes of a failed try; returns the try. A found answer
   * with one side negative (a name with A but no AAAA) lasts no longer than that side's negative
   * TTL, since the missing family may appear when it runs out.
   */
  private SearchList.Try<DnsHostResult.Found> noted(SearchList.Try<DnsHostResult.Found> t, DnsOutcome a, DnsOutcome aaaa) {
    if (t.value() == null) {
      negativeTtl = Math.min(negativeTtl, Math.min(negativeTtl(a), negativeTtl(aaaa)));
      return t;
    }
    long ttl = t.value().ttlSeconds();
    for (DnsOutcome o : new DnsOutcome[] {a, aaaa}) {
      if (o != null && !(o instanceof DnsOutcome.Answer)) ttl = Math.min(ttl, negativeTtl(o));
    }
    DnsHostResult.Found f = t.value();
    return ttl == f.ttlSeconds() ? t
        : SearchList.Try.found(new DnsHostResult.Found(f.queriedName(), f.canonicalName(), f.aliases(), f.addresses(), ttl));
  }

  /**
   * Returns how long a failed side may be kept: min(SOA TTL, SOA MINIMUM) of the authority SOA
   * of an NXDOMAIN or NODATA reply (RFC 2308 §5), 0 without one or for any other outcome, and no
   * bound for a side not asked.
   */
  static long negativeTtl(DnsOutcome o) {
    return switch (o) {
      case null -> Long.MAX_VALUE;
      case DnsOutcome.NxDomain n -> n.message().negativeTtlSeconds();
      case DnsOutcome.NoData n -> n.message().negativeTtlSeconds();
      default -> 0;
    };
  }

  /**
   * Combines the A and AAAA outcomes of one name as {@code __res_context_query} does for a pair:
   * success if either has addresses; otherwise the A side's error unless it was SERVFAIL, in which
   * case the AAAA side's. A side that was a NOERROR reply with answer records makes the failure
   * conclusive ({@link SearchList.Try#conclusive}); the try failed in transport only when every
   * side asked got no usable reply.
   */
  static SearchList.Try<DnsHostResult.Found> combine(String qname, DnsOutcome a, DnsOutcome aaaa) {
    Chain ca = a == null ? null : Chain.follow(qname, a, DnsType.A);
    Chain c6 = aaaa == null ? null : Chain.follow(qname, aaaa, DnsType.AAAA);
    List<byte[]> addresses = new ArrayList<>();
    Chain names = null;
    long ttl = Long.MAX_VALUE;
    for (Chain c : new Chain[] {ca, c6}) {
      if (c != null && c.error == null) {
        addresses.addAll(c.addresses);
        if (names == null) names = c;
        ttl = Math.min(ttl, c.ttl);
      }
    }
    if (names != null) {
      return SearchList.Try.found(new DnsHostResult.Found(qname, names.canonical, names.aliases, addresses, ttl));
    }
    if (a instanceof DnsOutcome.Answer || aaaa instanceof DnsOutcome.Answer) {
      return SearchList.Try.unusable(DnsError.NO_RECOVERY);
    }
    Chain first = ca != null ? ca : c6;
    Chain second = ca != null ? c6 : null;
    Chain pick = first.servfail && second != null ? second : first;
    boolean transportFailed =
        (a == null || transportFailed(a)) && (aaaa == null || transportFailed(aaaa));
    return SearchList.Try.failed(pick.error, pick.servfail, transportFailed);
  }

  /**
   * Reports whether an exchange ended without a reply glibc reads: every server gave SERVFAIL,
   * REFUSED or NOTIMP, the TCP retry failed, or nothing came in time ({@code res_send} returns -1
   * with {@code errno} {@code ETIMEDOUT}).
   */
  private static boolean transportFailed(DnsOutcome o) {
    return switch (o) {
      case DnsOutcome.Answer x -> false;
      case DnsOutcome.NxDomain x -> false;
      case DnsOutcome.NoData x -> false;
      case DnsOutcome.ServFail x -> true;
      case DnsOutcome.Refused x -> x.rcode() == DnsType.REFUSED || x.rcode() == DnsType.NOTIMP;
      case DnsOutcome.Truncated x -> true;
      case DnsOutcome.StreamBroken x -> true;
      case DnsOutcome.Timeout x -> true;
      case DnsOutcome.Malformed x -> true;
      case DnsOutcome.OutOfDescriptors x -> true;
    };
  }

  CompletableFuture<DnsHostResult> reverse(InetAddress address) {
    String qname = reverseName(address.getAddress());
    return query.apply(DnsQuestion.in(qname, DnsType.PTR)).thenApply(o -> {
      Chain c = Chain.follow(qname, o, DnsType.PTR);
      if (c.error != null) return new DnsHostResult.Failed(c.error, "reverse lookup of " + qname + " failed");
      return new DnsHostResult.Found(qname, c.ptr, List.of(), List.of(address.getAddress()), c.ttl);
    });
  }

  /**
   * Returns the reverse-lookup name of a packed address: {@code d.c.b.a.in-addr.arpa} for IPv4
   * (RFC 1035 §3.5), nibbles in reverse under {@code ip6.arpa} for IPv6 (RFC 3596 §2.5). An
   * IPv4-mapped or IPv4-compatible IPv6 address (but not {@code ::1}) is asked under {@code
   * in-addr.arpa}, as glibc's {@code gethostbyaddr2_r} does.
   */
  static String reverseName(byte[] a) {
    if (a.length == 16) {
      boolean zero10 = true;
      for (int i = 0; i < 10; i++) zero10 &= a[i] == 0;
      boolean mapped = zero10 && a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
      // glibc: "tunnelled" (12 zero bytes) counts, except ::1 ("v6local")
      boolean compat = zero10 && a[10] == 0 && a[11] == 0 && !(a[12] == 0 && a[13] == 0 && a[14] == 0 && a[15] == 1);
      if (mapped || compat) {
        a = new byte[] {a[12], a[13], a[14], a[15]};
      }
    }
    StringBuilder sb = new StringBuilder(73);
    if (a.length == 4) {
      for (int i = 3; i >= 0; i--) sb.append(a[i] & 0xFF).append('.');
      return sb.append("in-addr.arpa").toString();
    }
    if (a.length != 16) throw new IllegalArgumentException("address of " + a.length + " bytes");
    String hex = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
      sb.append(hex.charAt(a[i] & 0xF)).append('.').append(hex.charAt(a[i] >> 4 & 0xF)).append('.');
    }
    return sb.append("ip6.arpa").toString();
  }

  /** One outcome read as glibc's {@code getanswer_r} reads it. */
  static final class Chain {
    String canonical;
    final List<String> aliases = new ArrayList<>();
    final List<byte[]> addresses = new ArrayList<>();
    String ptr;
    long ttl = Long.MAX_VALUE;
    DnsError error;
    boolean servfail;

    /**
     * Follows the CNAME chain from {@code qname} through the answer section, each record once and
     * in order, as glibc does, and collects the records of {@code type} owned by the current name.
     * Every owner of a followed CNAME becomes an alias (a CNAME to itself too: glibc lists the
     * name as its own alias); the last target is the canonical name.
     *
     * <p>The bound on chains is glibc's: none beyond the answer section itself. glibc 2.36's {@code
     * getanswer_r} and {@code gaih_getanswer_slice} walk the answer records once, in order, so a
     * chain is as long as the records that make it and a loop ends with the records; the message
     * size (64 KiB) bounds both. Measured in the oracle namespace ({@code HostileOracleTest}): a
     * chain of 40 and a CNAME to itself are answered.
     */
    static Chain follow(String qname, DnsOutcome outcome, int type) {
      Chain c = new Chain();
      switch (outcome) {
        case DnsOutcome.Answer ans -> c.read(qname, ans.message(), type);
        case DnsOutcome.ServFail s -> {
          c.error = DnsError.TRY_AGAIN;
          c.servfail = true;
        }
        default -> c.error = DnsError.of(outcome);
      }
      return c;
    }

    private void read(String qname, DnsMessage m, int type) {
      String current = qname;
      for (ResourceRecord r : m.answers()) {
        if (r.dnsClass() != DnsType.CLASS_IN || !DnsName.equalsIgnoreCase(r.name(), current)) {
          continue; // glibc skips records not about the name being followed
        }
        switch (r) {
          case ResourceRecord.Cname cn -> {
            aliases.add(current);
            current = cn.target();
            ttl = Math.min(ttl, cn.ttl());
          }
          case ResourceRecord.A x when type == DnsType.A -> add(x.address(), x.ttl());
          case ResourceRecord.Aaaa x when type == DnsType.AAAA -> add(x.address(), x.ttl());
          case ResourceRecord.Ptr p when type == DnsType.PTR -> {
            if (ptr == null) {
              ptr = p.target(); // glibc keeps the first PTR target as h_name
              ttl = Math.min(ttl, p.ttl());
            }
          }
          default -> {}
        }
      }
      canonical = current;
      if (addresses.isEmpty() && ptr == null) {
        // A reply with only CNAMEs: getanswer_r finds nothing of the asked type and fails with
        // NO_RECOVERY; getaddrinfo reports EAI_NODATA for AF_INET, EAI_NONAME for AF_UNSPEC
        // (measured, testdata/dns/oracle-glibc-2.36.txt; see DnsError#eai(int, boolean)).
        error = DnsError.NO_RECOVERY;
      }
    }

    private void add(InetAddress a, long recordTtl) {
      if (a instanceof Inet4Address || a instanceof Inet6Address) addresses.add(a.getAddress());
      ttl = Math.min(ttl, recordTtl);
    }
  }
}
