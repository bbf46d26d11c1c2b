package dev.netdb.dns;

import dev.netdb.trace.TraceStep;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Builds the trace steps of the DNS stage from its own values; used only for traced lookups. */
final class QuerySteps {
  private QuerySteps() {}

  /** Returns the step of one send to one server; {@code reply} null when none came. */
  static TraceStep.Query query(DnsQuestion q, InetSocketAddress server, boolean tcp, int attempt,
      long elapsedNanos, String outcome, DnsMessage reply) {
    String rcode = null;
    int answers = 0;
    long minTtl = -1;
    boolean tc = false;
    if (reply != null) {
      rcode = rcodeName(reply.header().rcode());
      answers = reply.answers().size();
      for (ResourceRecord r : reply.answers()) {
        minTtl = minTtl < 0 ? r.ttl() : Math.min(minTtl, r.ttl());
      }
      tc = reply.header().truncated();
    }
    return new TraceStep.Query(q.name(), DnsType.typeName(q.type()), server(server),
        tcp ? "tcp" : "udp", attempt, elapsedNanos / 1000, outcome, rcode, answers, minTtl, tc);
  }

  /** Commits the {@code dev.netdb.DnsQuery} JFR event of one send. */
  static void event(Object jfr, DnsQuestion q, InetSocketAddress server, boolean tcp, int attempt,
      String outcome, DnsMessage reply) {
    dev.netdb.observe.Events.queryEnd(jfr, q.name(), DnsType.typeName(q.type()), server(server), tcp,
        reply == null ? outcome : rcodeName(reply.header().rcode()), attempt,
        reply != null && reply.header().truncated());
  }

  /** Returns the step of a cache look-up: {@code remainingNanos} negative on a miss. */
  static TraceStep.Cache cache(DnsQuestion q, long remainingNanos) {
    return new TraceStep.Cache(q.name(), DnsType.typeName(q.type()), remainingNanos >= 0,
        Math.max(0, remainingNanos / 1_000_000));
  }

  /**
   * Returns the step of a question that joined another lookup's exchange, which ended with
   * {@code outcome} (null when it failed) after {@code waitedNanos}.
   */
  static TraceStep.Joined joined(DnsQuestion q, DnsOutcome outcome, long waitedNanos) {
    InetSocketAddress server = null;
    String rcode = null;
    switch (outcome) {
      case DnsOutcome.Answer a -> {
        server = a.server();
        rcode = rcodeName(a.message().header().rcode());
      }
      case DnsOutcome.NxDomain n -> {
        server = n.server();
        rcode = rcodeName(n.message().header().rcode());
      }
      case DnsOutcome.NoData n -> {
        server = n.server();
        rcode = rcodeName(n.message().header().rcode());
      }
      case DnsOutcome.ServFail s -> {
        server = s.lastServer();
        rcode = "SERVFAIL";
      }
      case DnsOutcome.Refused r -> {
        server = r.lastServer();
        rcode = rcodeName(r.rcode());
      }
      case DnsOutcome.Truncated t -> server = t.lastServer();
      case DnsOutcome.StreamBroken b -> server = b.lastServer();
      case null, default -> { }
    }
    return new TraceStep.Joined(q.name(), DnsType.typeName(q.type()), server == null ? "" : server(server),
        waitedNanos / 1000, rcode);
  }

  /** Returns the CNAME step of a chain that passed through {@code aliases} to {@code canonical}. */
  static TraceStep.Cname cname(String qname, List<String> aliases, String canonical) {
    List<String> chain = new ArrayList<>(aliases);
    chain.add(canonical);
    return new TraceStep.Cname(qname, chain);
  }

  /** Returns the configuration step of {@code cfg} with the files given. */
  static TraceStep.Config config(ResolverConfig cfg, java.util.Map<String, String> files) {
    List<String> servers = cfg.nameservers().stream().map(QuerySteps::server).toList();
    List<String> options = new ArrayList<>();
    options.add("ndots:" + cfg.ndots());
    long ms = cfg.timeout().toMillis();
    options.add(ms % 1000 == 0 ? "timeout:" + ms / 1000 : "timeout:" + ms + "ms");
    options.add("attempts:" + cfg.attempts());
    if (cfg.rotate()) options.add("rotate");
    if (cfg.singleRequest()) options.add("single-request");
    if (cfg.useVc()) options.add("use-vc");
    if (cfg.edns0()) options.add("edns0");
    if (cfg.trustAd()) options.add("trust-ad");
    if (cfg.noAaaa()) options.add("no-aaaa");
    if (cfg.noTldQuery()) options.add("no-tld-query");
    return new TraceStep.Config(files, servers, options, cfg.search(), cfg.ndots());
  }

  /** Returns {@code address:port}, IPv6 in brackets. */
  static String server(InetSocketAddress s) {
    String host = s.getAddress() == null ? s.getHostString() : dev.netdb.text.IpLiterals.ntop(s.getAddress().getAddress());
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + s.getPort();
  }

  static String rcodeName(int rcode) {
    return switch (rcode) {
      case DnsType.NOERROR -> "NOERROR";
      case DnsType.FORMERR -> "FORMERR";
      case DnsType.SERVFAIL -> "SERVFAIL";
      case DnsType.NXDOMAIN -> "NXDOMAIN";
      case DnsType.NOTIMP -> "NOTIMP";
      case DnsType.REFUSED -> "REFUSED";
      default -> "RCODE" + rcode;
    };
  }
}
