package dev.netdb.resolve;

import dev.netdb.dns.DnsName;
import dev.netdb.dns.DnsHostResult;
import dev.netdb.dns.Eai;
import dev.netdb.dns.DnsError;
import dev.netdb.dns.LookupFailure;
import dev.netdb.files.HostsFile;
import dev.netdb.observe.TraceRecorder;
import dev.netdb.text.IpLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The name half of glibc 2.36's {@code getaddrinfo}: the null host, numeric hosts ({@code
 * text_to_binary_address}) and the NSS lookup (hosts file, then DNS), with {@code AI_V4MAPPED}.
 */
public final class NameStage {
  static final int AF_UNSPEC = 0;
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int AI_PASSIVE = 0x1;
  static final int AI_CANONNAME = 0x2;
  static final int AI_V4MAPPED = 0x8;
  static final int AI_ALL = 0x10;

  private NameStage() {}

  /** One address of the answer: 4 or 16 bytes, with an IPv6 scope id. */
  public record Addr(byte[] bytes, int scopeId) {
    /** Returns the address family, 2 or 10. */
    public int family() {
      return bytes.length == 4 ? AF_INET : AF_INET6;
    }
  }

  /**
   * The addresses found for a name, in the order found, the canonical name (or null), and how
   * long the answer may be kept: the DNS answer's TTL, or 0 for one not from DNS (null host,
   * numeric, hosts file), which the files' own checks keep fresh.
   */
  public record Addresses(List<Addr> addrs, String canonicalName, long ttlSeconds) {
    /** Creates the result; the list becomes immutable. */
    public Addresses {
      addrs = List.copyOf(addrs);
    }

    /** An answer not from DNS. */
    public Addresses(List<Addr> addrs, String canonicalName) {
      this(addrs, canonicalName, 0);
    }
  }

  /**
   * The null host: {@code ::} then {@code 0.0.0.0} with {@code AI_PASSIVE}, else the loopback
   * addresses, for the families asked for (glibc lists IPv6 first; the sort reorders).
   */
  public static Addresses nullHost(int family, int flags) {
    boolean passive = (flags & AI_PASSIVE) != 0;
    List<Addr> out = new ArrayList<>();
    if (family == AF_UNSPEC || family == AF_INET6) {
      byte[] a = new byte[16];
      if (!passive) {
        a[15] = 1;
      }
      out.add(new Addr(a, 0));
    }
    if (family == AF_UNSPEC || family == AF_INET) {
      out.add(new Addr(passive ? new byte[4] : new byte[] {127, 0, 0, 1}, 0));
    }
    return new Addresses(out, null);
  }

  /**
   * Parses a numeric host as {@code text_to_binary_address}: {@code __inet_aton_exact} first, then
   * {@code inet_pton(AF_INET6)} with an optional {@code %scope}. Returns null when the host is not
   * numeric; throws {@code EAI_ADDRFAMILY} for a literal of the wrong family and {@code EAI_NONAME}
   * for a bad scope. The canonical name is the input verbatim.
   */
  public static Addresses numeric(String host, int family, int flags, Environment env) {
    byte[] v4 = IpLiterals.atonExact(host);
    if (v4 != null) {
      if (family == AF_INET || family == AF_UNSPEC) {
        return new Addresses(List.of(new Addr(v4, 0)), host);
      }
      if ((flags & AI_V4MAPPED) != 0) {
        return new Addresses(List.of(new Addr(IpLiterals.mapV4(v4), 0)), host);
      }
      throw Eai.ADDRFAMILY.error(host);
    }
    int pct = host.indexOf('%');
    byte[] v6 = pct < 0 ? IpLiterals.pton6(host) : IpLiterals.pton6(host, 0, pct);
    if (v6 == null) {
      return null;
    }
    if (family == AF_UNSPEC || family == AF_INET6) {
      int scope = 0;
      if (pct >= 0) {
        Long s = scopeId(v6, host.substring(pct + 1), env);
        if (s == null) {
          throw Eai.NONAME.error(host);
        }
        scope = (int) (long) s;
      }
      return new Addresses(List.of(new Addr(v6, scope)), host);
    }
    if (IpLiterals.isV4Mapped(v6)) {
      return new Addresses(List.of(new Addr(java.util.Arrays.copyOfRange(v6, 12, 16), 0)), host);
    }
    throw Eai.ADDRFAMILY.error(host);
  }

  /**
   * glibc {@code __inet6_scopeid_pton}: an interface name only for link-local unicast and
   * node/link-local multicast; a decimal number up to 2^32-1 for any address; else null.
   */
  static Long scopeId(byte[] a, String scope, Environment env) {
    boolean linkLocal = (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80;
    boolean mcLocal = (a[0] & 0xff) == 0xff && ((a[1] & 0xf) == 1 || (a[1] & 0xf) == 2);
    if (linkLocal || mcLocal) {
      int idx = env.interfaceIndex().applyAsInt(scope);
      if (idx != 0) {
        return Integer.toUnsignedLong(idx);
      }
    }
    if (scope.isEmpty() || !IpLiterals.isDigit(scope.charAt(0))) {
      return null;
    }
    long v = 0;
    for (int i = 0; i < scope.length(); i++) {
      char c = scope.charAt(i);
      if (!IpLiterals.isDigit(c)) {
        return null;
      }
      v = v * 10 + (c - '0');
      if (v > 0xFFFFFFFFL) {
        return null;
      }
    }
    return v;
  }

  /**
   * Looks a name up as nsswitch {@code hosts: files dns} does for {@code getaddrinfo}: the hosts
   * file first (merged per host.conf {@code multi}), DNS only when it has no match. With {@code
   * AF_INET6} and {@code AI_V4MAPPED}, IPv4 answers are mapped when there is no IPv6 answer, or
   * always with {@code AI_ALL}.
   */
  public static CompletableFuture<Addresses> byName(String name, int family, int flags, Environment env) {
    return byName(name, family, flags, env, TraceRecorder.OFF);
  }

  /** {@link #byName(String, int, int, Environment)}, reporting the hosts file and DNS to {@code recorder}. */
  public static CompletableFuture<Addresses> byName(
      String name, int family, int flags, Environment env, TraceRecorder recorder) {
    // glibc's try_simple_gethostbyname: AF_INET without AI_CANONNAME goes through
    // __gethostbyname2_r, whose __nss_hostname_digits_dots rejects a digits-and-dots name that is
    // no address (1.2.3.400) and an IPv6-looking one before any NSS module runs.
    boolean viaGethostbyname2 = family == AF_INET && (flags & AI_CANONNAME) == 0;
    if (viaGethostbyname2) {
      try {
        HostDatabase.digitsDots(name, AF_INET);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(Eai.NONAME.error(name));
      }
    }
    boolean multi = env.hostConf().get().multi();
    HostsFile hosts = env.hosts().get();
    boolean mapped = family == AF_INET6 && (flags & AI_V4MAPPED) != 0;
    boolean all = (flags & AI_ALL) != 0;
    HostsFile.Match m = hosts.byName(name, family, multi);
    if (recorder.on()) {
      recorder.hosts(name, hosts.firstLine(name, mapped && m == null ? AF_INET : family));
    }
    if (mapped && (m == null || all)) {
      HostsFile.Match m4 = hosts.byName(name, AF_INET, multi);
      if (m4 != null) {
        List<Addr> out = new ArrayList<>();
        String canon = m == null ? m4.name() : m.name();
        if (m != null) {
          m.addresses().forEach(a -> out.add(new Addr(a, 0)));
        }
        m4.addresses().forEach(a -> out.add(new Addr(IpLiterals.mapV4(a), 0)));
        return CompletableFuture.completedFuture(new Addresses(out, canon));
      }
    }
    if (m != null) {
      List<Addr> out = new ArrayList<>();
      m.addresses().forEach(a -> out.add(new Addr(a, 0)));
      return CompletableFuture.completedFuture(new Addresses(out, m.name()));
    }
    if (name.isEmpty()) {
      // No query is made for an empty name; glibc ends in EAI_NONAME.
      return CompletableFuture.failedFuture(Eai.NONAME.error(name));
    }
    // nss_dns checks the name with res_hnok and sends nothing when it fails, in
    // gethostbyname2_r (AF_INET or AF_INET6 without AI_CANONNAME) and gethostbyname4_r
    // (AF_UNSPEC). gethostbyname3_r (AI_CANONNAME with AF_INET or AF_INET6) does not check: it
    // sends the query and getanswer_r then rejects the reply, whose question name fails res_hnok,
    // with NO_RECOVERY (glibc 2.36 resolv/nss_dns/dns-host.c; measured in the oracle namespace,
    // ResolverRulesDifferentialTest).
    boolean checked = family == AF_UNSPEC || (flags & AI_CANONNAME) == 0;
    boolean hostName = DnsName.isHostName(name);
    if (checked && !hostName) {
      return CompletableFuture.failedFuture(Eai.NONAME.error(name));
    }
    NssDns dns = hostName ? env.dns() : rejectingAnswers(env.dns());
    CompletableFuture<DnsHostResult> first = dns.lookup(name, family, recorder);
    if (!mapped) {
      // With AF_INET and no AI_CANONNAME glibc's gaih_inet goes through gethostbyname2_r, where
      // NO_RECOVERY (a reply of CNAMEs only, a CNAME loop) ends as EAI_NODATA; elsewhere it is
      // EAI_NONAME (testdata/dns/oracle-glibc-2.36.txt: loop1 gives -5 for INET, -2 for UNSPEC).
      // TRY_AGAIN is "not found" there when nss_dns reported NSS_STATUS_NOTFOUND, i.e. the last
      // name of the search list got a reply (gethostbyname2_r returns 0 with no entry).
      return first.thenApply(a -> {
        if (a instanceof DnsHostResult.Failed f) {
          throw dnsFailure(f, viaGethostbyname2, name);
        }
        return addresses(a, family, false, name);
      });
    }
    return first.thenCompose(a6 -> {
      boolean found6 = a6 instanceof DnsHostResult.Found f && hasFamily(f, 16);
      if (found6 && !all) {
        return CompletableFuture.completedFuture(addresses(a6, AF_INET6, false, name));
      }
      return dns.lookup(name, AF_INET, recorder).thenApply(a4 -> {
        boolean found4 = a4 instanceof DnsHostResult.Found f && hasFamily(f, 4);
        if (!found4) {
          return addresses(a6, AF_INET6, false, name);
        }
        Addresses m4 = addresses(a4, AF_INET, true, name);
        if (!found6) {
          return m4;
        }
        Addresses m6 = addresses(a6, AF_INET6, false, name);
        List<Addr> out = new ArrayList<>(m6.addrs());
        out.addAll(m4.addrs());
        return new Addresses(out, m6.canonicalName(), Math.min(m6.ttlSeconds(), m4.ttlSeconds()));
      });
    });
  }

  /**
   * Returns {@code dns} with every found answer turned into {@code NO_RECOVERY}, as getanswer_r
   * rejects a reply whose question name fails {@code res_hnok}.
   */
  private static NssDns rejectingAnswers(NssDns dns) {
    return new NssDns() {
      @Override
      public CompletableFuture<DnsHostResult> lookup(String name, int family) {
        return lookup(name, family, TraceRecorder.OFF);
      }

      @Override
      public CompletableFuture<DnsHostResult> lookup(String name, int family, TraceRecorder recorder) {
        return dns.lookup(name, family, recorder).thenApply(a -> a instanceof DnsHostResult.Found
            ? new DnsHostResult.Failed(DnsError.NO_RECOVERY, "answer for a name res_hnok refuses")
            : a);
      }

      @Override
      public CompletableFuture<DnsHostResult> reverse(byte[] address) {
        return dns.reverse(address);
      }
    };
  }

  private static boolean hasFamily(DnsHostResult.Found f, int len) {
    return f.addresses().stream().anyMatch(a -> a.length == len);
  }

  /** Maps a DNS outcome to addresses or to glibc's EAI code, keeping the family asked for. */
  static Addresses addresses(DnsHostResult answer, int family, boolean mapV4, String name) {
    return switch (answer) {
      case DnsHostResult.Found f -> {
        List<Addr> out = new ArrayList<>();
        for (byte[] a : f.addresses()) {
          boolean ok = family == AF_UNSPEC || (family == AF_INET ? a.length == 4 : a.length == 16);
          if (ok) {
            out.add(new Addr(mapV4 ? IpLiterals.mapV4(a) : a, 0));
          }
        }
        if (out.isEmpty()) {
          throw Eai.NODATA.error(name);
        }
        yield new Addresses(out, f.canonicalName(), f.ttlSeconds());
      }
      case DnsHostResult.Failed f -> throw dnsFailure(f, false, name);
    };
  }

  /**
   * Returns glibc's getaddrinfo error for a failed DNS lookup, carrying the answer's negative TTL.
   * On the {@code gethostbyname2_r} path ({@code viaGethostbyname2}: AF_INET without
   * AI_CANONNAME) NO_RECOVERY (a reply of CNAMEs only, a CNAME loop) is {@code EAI_NODATA}, and
   * TRY_AGAIN is "not found" when the last name of the search list got a reply; elsewhere
   * NO_RECOVERY (REFUSED, FORMERR, a bad name) is {@code EAI_NONAME}.
   */
  static LookupFailure dnsFailure(DnsHostResult.Failed f, boolean viaGethostbyname2, String name) {
    LookupFailure e = switch (f.error()) {
      case HOST_NOT_FOUND -> Eai.NONAME.error(name);
      case NO_DATA -> Eai.NODATA.error(name);
      case TRY_AGAIN -> viaGethostbyname2 && !f.lastTransportFailed()
          ? Eai.NONAME.error(name)
          : Eai.AGAIN.error(name);
      case NO_RECOVERY -> viaGethostbyname2 ? Eai.NODATA.error(name) : Eai.NONAME.error(name);
      case STREAM_BROKEN, FINAL_RCODE, EMFILE, ENFILE -> failure(f.error(), viaGethostbyname2, name);
    };
    return e.withNegativeTtl(f.negativeTtlSeconds());
  }

  /**
   * Returns the error glibc's {@code getaddrinfo} gives for {@code error}: {@code EAI_SYSTEM} is
   * Python's {@code OSError(errno, strerror)}; the rest are gaierrors, with the code of the {@code
   * gethostbyname2_r} path when {@code viaGethostbyname2}.
   */
  static LookupFailure failure(DnsError error, boolean viaGethostbyname2, String name) {
    if (error.errno() != 0) {
      return LookupFailure.system(error.errno(), error.gaiStrerror(), name);
    }
    int code = viaGethostbyname2 ? error.eai(AF_INET, false) : error.eai();
    for (Eai e : Eai.values()) {
      if (e.code() == code) return e.error(name);
    }
    return Eai.NONAME.error(name);
  }
}
