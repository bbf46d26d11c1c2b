package dev.netdb.trace;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a {@link Trace}. Each kind is a record; {@link #step()} names the kind as the CLI's
 * JSON does ({@code "config"}, {@code "nss"}, {@code "hosts"}, {@code "answer-cache"}, {@code
 * "cache"}, {@code "query"}, {@code "joined"}, {@code "cname"}, {@code "sort"}, {@code "result"},
 * {@code "error"}).
 */
public sealed interface TraceStep {

  /**
   * Returns the kind of step, as the {@code "step"} field of {@code netdb explain --json}.
   *
   * @return the kind's name
   */
  String step();

  /**
   * The configuration in force for the lookup.
   *
   * @param files the configuration files read, by role ({@code hosts}, {@code resolv.conf},
   *     {@code gai.conf}, {@code host.conf}), as paths
   * @param nameservers the nameservers asked, in order, as {@code address:port} (resolv.conf's or
   *     the ones given to the builder)
   * @param options the resolver options after {@code RES_OPTIONS}, as resolv.conf spells them
   *     ({@code ndots:1}, {@code timeout:5}, {@code attempts:2}, {@code rotate}, ...)
   * @param search the search list after {@code LOCALDOMAIN}
   * @param ndots the {@code ndots} threshold
   */
  record Config(Map<String, String> files, List<String> nameservers, List<String> options,
      List<String> search, int ndots) implements TraceStep {
    /**
     * Creates the step; the collections become immutable.
     *
     * @param files the configuration files by role
     * @param nameservers the nameservers
     * @param options the resolver options
     * @param search the search list
     * @param ndots the {@code ndots} threshold
     */
    public Config {
      files = Map.copyOf(files);
      nameservers = List.copyOf(nameservers);
      options = List.copyOf(options);
      search = List.copyOf(search);
    }

    @Override
    public String step() {
      return "config";
    }
  }

  /**
   * The hosts file looked at for a name: a hit names its first matching line, a miss has line 0.
   *
   * @param file the hosts file's path
   * @param name the name looked for
   * @param line the number (from 1) of the first matching line, or 0 when none matched
   */
  record Hosts(String file, String name, int line) implements TraceStep {
    /**
     * Checks for nulls.
     *
     * @param file the hosts file's path
     * @param name the name looked for
     * @param line the first matching line, or 0
     */
    public Hosts {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(name, "name");
    }

    /**
     * Reports whether a line matched.
     *
     * @return whether the hosts file had the name
     */
    public boolean hit() {
      return line > 0;
    }

    @Override
    public String step() {
      return "hosts";
    }
  }

  /**
   * The DNS cache consulted for one question.
   *
   * @param qname the name asked
   * @param qtype the type asked ({@code A}, {@code AAAA}, {@code PTR})
   * @param hit whether a fresh answer was found
   * @param ttlRemainingMillis how long the answer found stays fresh, in milliseconds; 0 on a miss
   */
  record Cache(String qname, String qtype, boolean hit, long ttlRemainingMillis) implements TraceStep {
    /**
     * Checks for nulls.
     *
     * @param qname the name asked
     * @param qtype the type asked
     * @param hit whether a fresh answer was found
     * @param ttlRemainingMillis the remaining freshness, in milliseconds
     */
    public Cache {
      Objects.requireNonNull(qname, "qname");
      Objects.requireNonNull(qtype, "qtype");
    }

    @Override
    public String step() {
      return "cache";
    }
  }

  /**
   * The answer cache in front of {@code getaddrinfo} consulted for a whole call (issue 8's {@code
   * resolve.AnswerCache}; the DNS cache behind it has its own {@link Cache} steps). A lookup that
   * finds an expired entry it may serve stale (RFC 8767) shows {@code expired}, then its queries,
   * then {@code stale} if the refresh failed and the old answer was served.
   *
   * @param host the host asked for, as given to the pipeline
   * @param state {@code hit} (a fresh entry answered), {@code miss} (none: the pipeline runs),
   *     {@code expired} (an entry past its lifetime but inside the stale window: the pipeline runs
   *     to refresh it), {@code stale} (that expired answer was served, RFC 8767 §4), or {@code
   *     joined} (an identical call already running is awaited instead of a second run)
   * @param kind what the entry holds: {@code dns} (an answer from DNS), {@code negative} (an
   *     NXDOMAIN or NODATA error, kept for the SOA's negative TTL, RFC 2308 §5), {@code files}
   *     (an answer found without DNS, kept until a watched file changes); empty without an entry
   * @param ttlRemainingMillis how long the entry stays fresh, in milliseconds; 0 when it is not
   *     fresh or there is none
   * @param expiredMillis how long ago the entry expired, in milliseconds, for {@code expired} and
   *     {@code stale}; 0 otherwise
   */
  record CachedAnswer(String host, String state, String kind, long ttlRemainingMillis,
      long expiredMillis) implements TraceStep {
    /**
     * Checks for nulls.
     *
     * @param host the host asked for
     * @param state {@code hit}, {@code miss}, {@code expired}, {@code stale} or {@code joined}
     * @param kind {@code dns}, {@code negative}, {@code files}, or empty
     * @param ttlRemainingMillis the remaining freshness, in milliseconds
     * @param expiredMillis how long ago it expired, in milliseconds
     */
    public CachedAnswer {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String step() {
      return "answer-cache";
    }
  }

  /**
   * A DNS question that joined an identical exchange already in flight (started by another
   * lookup) instead of sending its own: no packet was sent for it.
   *
   * @param qname the name asked
   * @param qtype the type asked
   * @param server the server that answered the exchange joined, {@code address:port}; empty
   *     when it ended without a reply
   * @param elapsedMicros the time from joining to the exchange's end, in microseconds
   * @param rcode the RCODE of the reply the exchange got, or null without one
   */
  record Joined(String qname, String qtype, String server, long elapsedMicros, String rcode)
      implements TraceStep {
    /**
     * Checks for nulls.
     *
     * @param qname the name asked
     * @param qtype the type asked
     * @param server the server that answered, or empty
     * @param elapsedMicros the time waited, in microseconds
     * @param rcode the RCODE, or null
     */
    public Joined {
      Objects.requireNonNull(qname, "qname");
      Objects.requireNonNull(qtype, "qtype");
      Objects.requireNonNull(server, "server");
    }

    @Override
    public String step() {
      return "joined";
    }
  }

  /**
   * How a back end routes an NSS database (nsswitch.conf): the OS back end's trace opens with
   * the {@code hosts} route it takes, so that {@code explain} can say what glibc consults.
   *
   * @param database the database ({@code hosts})
   * @param sources the nsswitch.conf sources of the database in order, each with the actions
   *     that differ from glibc's defaults (such as {@code mdns4_minimal [NOTFOUND=return]})
   * @param answeredBy {@code glibc}, or {@code files} when the pure-Java reader of the file
   *     answers because glibc would consult its files module alone
   * @param reason one line saying why
   */
  record Nss(String database, List<String> sources, String answeredBy, String reason)
      implements TraceStep {
    /**
     * Creates the step; the list becomes immutable.
     *
     * @param database the database
     * @param sources the sources as spelled
     * @param answeredBy {@code glibc} or {@code files}
     * @param reason why
     */
    public Nss {
      Objects.requireNonNull(database, "database");
      sources = List.copyOf(sources);
      Objects.requireNonNull(answeredBy, "answeredBy");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String step() {
      return "nss";
    }
  }

  /**
   * One DNS query sent to one server and how it ended.
   *
   * @param qname the name asked
   * @param qtype the type asked ({@code A}, {@code AAAA}, {@code PTR})
   * @param server the server, {@code address:port}
   * @param transport {@code udp} or {@code tcp}
   * @param attempt the round over the servers (from 1; resolv.conf {@code attempts})
   * @param elapsedMicros the time from sending to the reply or the timeout, in microseconds
   * @param outcome how it ended: {@code reply}, {@code timeout} or {@code error} (a socket error or
   *     a reply that does not decode)
   * @param rcode the reply's RCODE ({@code NOERROR}, {@code NXDOMAIN}, {@code SERVFAIL}, ...), or
   *     null without a reply
   * @param answers the number of records in the reply's answer section
   * @param minTtl the smallest TTL of the answer records, in seconds; -1 without any
   * @param truncated whether the reply had the TC flag
   */
  record Query(String qname, String qtype, String server, String transport, int attempt,
      long elapsedMicros, String outcome, String rcode, int answers, long minTtl, boolean truncated)
      implements TraceStep {
    /**
     * Checks for nulls.
     *
     * @param qname the name asked
     * @param qtype the type asked
     * @param server the server
     * @param transport {@code udp} or {@code tcp}
     * @param attempt the round, from 1
     * @param elapsedMicros the elapsed time in microseconds
     * @param outcome {@code reply}, {@code timeout} or {@code error}
     * @param rcode the RCODE, or null
     * @param answers the answer count
     * @param minTtl the smallest answer TTL, or -1
     * @param truncated the TC flag
     */
    public Query {
      Objects.requireNonNull(qname, "qname");
      Objects.requireNonNull(qtype, "qtype");
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(transport, "transport");
      Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public String step() {
      return "query";
    }
  }

  /**
   * A CNAME chain followed in an answer.
   *
   * @param qname the name asked
   * @param chain the names of the chain, from the name asked to the canonical name
   */
  record Cname(String qname, List<String> chain) implements TraceStep {
    /**
     * Creates the step; the list becomes immutable.
     *
     * @param qname the name asked
     * @param chain the names from the name asked to the canonical name
     */
    public Cname {
      Objects.requireNonNull(qname, "qname");
      chain = List.copyOf(chain);
    }

    @Override
    public String step() {
      return "cname";
    }
  }

  /**
   * One RFC 3484 ordering decision (glibc's {@code rfc3484_sort}): {@code first} is placed before
   * {@code second} by rule {@code rule} (1 avoid unusable destinations, 2 matching scope, 3 avoid
   * deprecated sources, 5 matching label, 6 higher precedence, 7 native transport, 8 smaller
   * scope, 9 longest matching prefix, 10 original order). One step per pair of neighbours in the
   * final order.
   *
   * @param first the destination placed first, as text
   * @param second the destination placed after it, as text
   * @param rule the number of the rule that decided
   */
  record Sort(String first, String second, int rule) implements TraceStep {
    /**
     * Checks for nulls.
     *
     * @param first the destination placed first
     * @param second the destination placed after it
     * @param rule the deciding rule
     */
    public Sort {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "second");
    }

    @Override
    public String step() {
      return "sort";
    }
  }

  /**
   * The lookup's result: the addresses in their final order (each once) and the canonical name.
   *
   * @param addresses the distinct addresses, as text, in the order returned
   * @param canonicalName the canonical name, or the empty string when none was asked for
   */
  record Result(List<String> addresses, String canonicalName) implements TraceStep {
    /**
     * Creates the step; the list becomes immutable.
     *
     * @param addresses the addresses in order
     * @param canonicalName the canonical name, or empty
     */
    public Result {
      addresses = List.copyOf(addresses);
      Objects.requireNonNull(canonicalName, "canonicalName");
    }

    @Override
    public String step() {
      return "result";
    }
  }

  /**
   * The lookup's error, as Python would raise it.
   *
   * @param type Python's exception type ({@code gaierror}, ...)
   * @param code the EAI code or errno, or null where Python has none
   * @param message Python's message
   */
  record Failure(String type, Integer code, String message) implements TraceStep {
    /**
     * Checks for nulls.
     *
     * @param type the exception type
     * @param code the code, or null
     * @param message the message
     */
    public Failure {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String step() {
      return "error";
    }
  }
}
