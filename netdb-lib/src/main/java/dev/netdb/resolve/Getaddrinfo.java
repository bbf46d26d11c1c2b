package dev.netdb.resolve;

import dev.netdb.backend.AddressInfo;
import dev.netdb.dns.Eai;
import dev.netdb.files.GaiConf;
import dev.netdb.observe.TraceRecorder;
import dev.netdb.trace.TraceStep;
import dev.netdb.resolve.NameStage.Addr;
import dev.netdb.resolve.NameStage.Addresses;
import dev.netdb.resolve.ServiceTuples.Service;
import dev.netdb.resolve.ServiceTuples.SockTuple;
import dev.netdb.text.IpLiterals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * glibc 2.36's {@code getaddrinfo} ({@code sysdeps/posix/getaddrinfo.c}) as a short pipeline:
 * checks in glibc's order, {@code AI_ADDRCONFIG}, service and socket types, the name (null host,
 * numeric, hosts file, DNS), the cross product of addresses and socket tuples, and the RFC 3484
 * sort. Each stage is a method on records; only the DNS stage and the source probe do I/O.
 */
public final class Getaddrinfo {
  static final int AI_CANONNAME = 0x2;
  static final int AI_NUMERICHOST = 0x4;
  static final int AI_ADDRCONFIG = 0x20;
  /**
   * Every flag glibc accepts: PASSIVE, CANONNAME, NUMERICHOST, V4MAPPED, ALL, ADDRCONFIG, IDN
   * (0x40), CANONIDN (0x80), the deprecated IDN_ALLOW_UNASSIGNED (0x100) and
   * IDN_USE_STD3_ASCII_RULES (0x200), NUMERICSERV (0x400).
   */
  static final int VALID_FLAGS = 0x7ff;

  /** The arguments of one call; host and service may be null. */
  public record Request(String host, String service, int family, int type, int proto, int flags) {
    /** Returns what to name in error messages. */
    String input() {
      return host != null ? host : service;
    }

    /**
     * Compares field by field, as the record's own would: this is the answer cache's key, and the
     * generated method is an invokedynamic call site that a C1-compiled batch calls through its
     * method handles on every lookup.
     */
    @Override
    public boolean equals(Object o) {
      return o instanceof Request r && family == r.family && type == r.type && proto == r.proto
          && flags == r.flags && java.util.Objects.equals(host, r.host)
          && java.util.Objects.equals(service, r.service);
    }

    @Override
    public int hashCode() {
      int h = java.util.Objects.hashCode(host);
      h = h * 31 + java.util.Objects.hashCode(service);
      return (((h * 31 + family) * 31 + type) * 31 + proto) * 31 + flags;
    }
  }

  private final Environment env;

  /** Creates the pipeline over {@code env}. */
  public Getaddrinfo(Environment env) {
    this.env = env;
  }

  /**
   * Runs the whole pipeline; the future fails with a {@link dev.netdb.dns.LookupFailure} (which
   * carries the negative TTL of a DNS failure).
   */
  public CompletableFuture<AddrinfoAnswer> run(Request request) {
    return run(request, TraceRecorder.OFF);
  }

  /** Runs the whole pipeline, reporting each stage to {@code recorder}. */
  public CompletableFuture<AddrinfoAnswer> run(Request request, TraceRecorder recorder) {
    Request r;
    List<SockTuple> tuples;
    try {
      r = check(normalize(request));
      r = addrconfig(r, env.interfaces().get());
      Service service = ServiceTuples.parse(r.service(), r.flags());
      tuples = ServiceTuples.tuples(r.type(), r.proto(), service, env.services(), r.input());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Request req = r;
    return names(req, recorder).thenApply(addrs ->
        new AddrinfoAnswer(sort(assemble(req, addrs, tuples), recorder), addrs.ttlSeconds(), addrs.hErrno()));
  }

  /** Stage 1: {@code "*"} means no host or no service; strings end at a NUL, as in C. */
  static Request normalize(Request r) {
    String host = IpLiterals.cString(r.host());
    String service = IpLiterals.cString(r.service());
    if ("*".equals(host)) {
      host = null;
    }
    if ("*".equals(service)) {
      service = null;
    }
    return new Request(host, service, r.family(), r.type(), r.proto(), r.flags());
  }

  /** Stage 2: glibc's checks before any lookup, in its order. */
  static Request check(Request r) {
    if (r.host() == null && r.service() == null) {
      throw Eai.NONAME.error(null);
    }
    if ((r.flags() & ~VALID_FLAGS) != 0) {
      throw Eai.BADFLAGS.error(r.input());
    }
    if ((r.flags() & AI_CANONNAME) != 0 && r.host() == null) {
      throw Eai.BADFLAGS.error(r.input());
    }
    if (r.family() != NameStage.AF_UNSPEC && r.family() != NameStage.AF_INET
        && r.family() != NameStage.AF_INET6) {
      throw Eai.FAMILY.error(r.input());
    }
    return r;
  }

  /**
   * Stage 3: {@code AI_ADDRCONFIG} as glibc's {@code check_pf}: only addresses other than exactly
   * 127.0.0.1 and ::1 count. UNSPEC with one family present narrows to it; an explicit family that
   * is absent is {@code EAI_NONAME}; with neither present nothing is filtered.
   */
  static Request addrconfig(Request r, List<LocalAddress> locals) {
    if ((r.flags() & AI_ADDRCONFIG) == 0) {
      return r;
    }
    boolean seen4 = false;
    boolean seen6 = false;
    for (LocalAddress l : locals) {
      byte[] a = l.address();
      if (a.length == 4) {
        seen4 |= !(a[0] == 127 && a[1] == 0 && a[2] == 0 && a[3] == 1);
      } else {
        seen6 |= !IpLiterals.isV6Loopback(a);
      }
    }
    int family = r.family();
    if (family == NameStage.AF_UNSPEC && (seen4 || seen6)) {
      if (seen4 != seen6) {
        family = seen4 ? NameStage.AF_INET : NameStage.AF_INET6;
      }
    } else if ((family == NameStage.AF_INET && !seen4) || (family == NameStage.AF_INET6 && !seen6)) {
      throw Eai.NONAME.error(r.input());
    }
    return new Request(r.host(), r.service(), family, r.type(), r.proto(), r.flags());
  }

  /** Stage 4: the addresses for the host: null host, numeric, or hosts file then DNS. */
  CompletableFuture<Addresses> names(Request r) {
    return names(r, TraceRecorder.OFF);
  }

  private CompletableFuture<Addresses> names(Request r, TraceRecorder recorder) {
    try {
      if (r.host() == null) {
        return CompletableFuture.completedFuture(NameStage.nullHost(r.family(), r.flags()));
      }
      Addresses numeric = NameStage.numeric(r.host(), r.family(), r.flags(), env);
      if (numeric != null) {
        return CompletableFuture.completedFuture(numeric);
      }
      if ((r.flags() & AI_NUMERICHOST) != 0) {
        throw Eai.NONAME.error(r.host());
      }
      return NameStage.byName(r.host(), r.family(), r.flags(), env, recorder);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Stage 5: one entry per address and socket tuple, grouped by address; the canonical name (with
   * {@code AI_CANONNAME}: the lookup's, or the input) on the first entry only.
   */
  static List<AddressInfo> assemble(Request r, Addresses addrs, List<SockTuple> tuples) {
    String canon = "";
    if ((r.flags() & AI_CANONNAME) != 0) {
      canon = addrs.canonicalName() != null ? addrs.canonicalName() : r.host();
    }
    List<AddressInfo> out = new ArrayList<>(addrs.addrs().size() * tuples.size());
    for (Addr a : addrs.addrs()) {
      for (SockTuple t : tuples) {
        out.add(new AddressInfo(a.family(), t.type(), t.proto(), canon, a.bytes(), t.port(), 0,
            Integer.toUnsignedLong(a.scopeId())));
        canon = "";
      }
    }
    return out;
  }

  /**
   * Stage 6: the RFC 3484 sort of every entry when there is more than one, with each distinct
   * consecutive destination probed once for its source; the canonical name moves to the new
   * first entry. When every entry has one destination (one address, port and scope: the socket
   * types of a single address), glibc probes once and sorts candidates that are all the same, so
   * every rule ties and rule 10 keeps the order; that order is returned without the probe.
   */
  List<AddressInfo> sort(List<AddressInfo> entries) {
    return sort(entries, TraceRecorder.OFF);
  }

  private List<AddressInfo> sort(List<AddressInfo> entries, TraceRecorder recorder) {
    if (entries.size() <= 1 || oneDestination(entries)) {
      return List.copyOf(entries);
    }
    List<LocalAddress> locals = env.interfaces().get();
    GaiConf conf = env.gaiConf().get();
    List<Rfc3484.Candidate> cands = new ArrayList<>(entries.size());
    Rfc3484.Candidate last = null;
    AddressInfo lastEntry = null;
    for (AddressInfo e : entries) {
      if (last != null && Arrays.equals(lastEntry.address(), e.address()) && lastEntry.port() == e.port()
          && lastEntry.scopeId() == e.scopeId()) {
        cands.add(last);
        continue;
      }
      byte[] dest = e.address();
      byte[] src = env.sourceProbe().sourceFor(dest, (int) e.scopeId(), e.port());
      last = new Rfc3484.Candidate(dest, src, Rfc3484.sourceInfo(src, locals));
      lastEntry = e;
      cands.add(last);
    }
    int[] order = Rfc3484.order(cands, conf);
    if (recorder.on()) {
      traceOrder(entries, cands, order, conf, recorder);
    }
    String canon = entries.get(0).canonicalName();
    List<AddressInfo> out = new ArrayList<>(entries.size());
    for (int i = 0; i < order.length; i++) {
      AddressInfo e = entries.get(order[i]);
      out.add(e.withCanonicalName(i == 0 ? canon : ""));
    }
    return List.copyOf(out);
  }

  /**
   * Reports whether every entry has the first one's destination: the same address, port and
   * scope, the condition under which the loop below reuses one candidate for the next entry.
   */
  static boolean oneDestination(List<AddressInfo> entries) {
    AddressInfo first = entries.get(0);
    for (int i = 1; i < entries.size(); i++) {
      AddressInfo e = entries.get(i);
      if (!Arrays.equals(first.address(), e.address()) || first.port() != e.port()
          || first.scopeId() != e.scopeId()) {
        return false;
      }
    }
    return true;
  }

  /** Reports the rule that put each destination before the next one in the final order. */
  private static void traceOrder(List<AddressInfo> entries, List<Rfc3484.Candidate> cands, int[] order,
      GaiConf conf, TraceRecorder recorder) {
    for (int i = 0; i + 1 < order.length; i++) {
      AddressInfo a = entries.get(order[i]);
      AddressInfo b = entries.get(order[i + 1]);
      if (Arrays.equals(a.address(), b.address())) {
        continue; // the socket types of one address: kept in their order (rule 10)
      }
      int rule = Math.abs(Rfc3484.compare(cands.get(order[i]), order[i], cands.get(order[i + 1]), order[i + 1], conf));
      recorder.add(new TraceStep.Sort(a.host(), b.host(), rule));
    }
  }
}
