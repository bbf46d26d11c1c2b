package dev.netdb.resolve;

import dev.netdb.observe.TraceRecorder;
import dev.netdb.trace.TraceStep;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The DNS half of host lookups, as glibc's {@code nss_dns} module serves it: forward lookups by
 * name and reverse (PTR) lookups. The futures complete with a {@link HostAnswer}, never
 * exceptionally for resolver outcomes.
 */
public interface NssDns {

  /**
   * Looks {@code name} (ASCII, as given) up for {@code family}: 2 (A), 10 (AAAA) or 0 (A and
   * AAAA, A answers first).
   */
  CompletableFuture<HostAnswer> lookup(String name, int family);

  /**
   * {@link #lookup(String, int)}, reporting what it does to {@code recorder}; without DNS there
   * is nothing to report.
   */
  default CompletableFuture<HostAnswer> lookup(String name, int family, TraceRecorder recorder) {
    return lookup(name, family);
  }

  /**
   * Returns the configuration step of a trace: {@code files} and the resolver settings in force;
   * without DNS, no nameservers and no search list.
   */
  default TraceStep.Config configuration(Map<String, String> files) {
    return new TraceStep.Config(files, List.of(), List.of(), List.of(), 1);
  }

  /** Returns the DNS figures so far; {@link dev.netdb.NetDbStats#NONE} without DNS. */
  default dev.netdb.NetDbStats stats() {
    return dev.netdb.NetDbStats.NONE;
  }

  /** Looks a packed 4- or 16-byte address up by PTR. */
  CompletableFuture<HostAnswer> reverse(byte[] address);

  /** Returns a resolver that knows no names, as nsswitch {@code hosts: files} behaves. */
  static NssDns none() {
    return new NssDns() {
      @Override
      public CompletableFuture<HostAnswer> lookup(String name, int family) {
        return CompletableFuture.completedFuture(new HostAnswer.NotFound());
      }

      @Override
      public CompletableFuture<HostAnswer> reverse(byte[] address) {
        return CompletableFuture.completedFuture(new HostAnswer.NotFound());
      }
    };
  }

  /** The outcome of one DNS host lookup. */
  sealed interface HostAnswer {
    /**
     * Addresses found: {@code name} is the canonical name (the last CNAME target, or for PTR the
     * first PTR target), {@code aliases} the query name and intermediate CNAME owners, as glibc's
     * {@code getanswer_r} collects them; addresses are packed (4 or 16 bytes); {@code ttl} is the
     * smallest TTL of the records used, in seconds, as much of it as is left (0: not to be kept).
     */
    record Found(String name, List<String> aliases, List<byte[]> addresses, long ttl) implements HostAnswer {
      /** Creates the answer; the lists become immutable. */
      public Found {
        aliases = List.copyOf(aliases);
        addresses = List.copyOf(addresses);
      }

      /** Creates an answer not to be kept (TTL 0). */
      public Found(String name, List<String> aliases, List<byte[]> addresses) {
        this(name, aliases, addresses, 0);
      }
    }

    /**
     * NXDOMAIN: {@code HOST_NOT_FOUND}, {@code EAI_NONAME}; {@code negativeTtl} is how long it may
     * be kept, in seconds (RFC 2308 §5: the SOA's, 0 without one).
     */
    record NotFound(long negativeTtl) implements HostAnswer {
      /** Creates an outcome not to be kept. */
      public NotFound() {
        this(0);
      }
    }

    /**
     * The name exists but has no record of the type: {@code NO_DATA}, {@code EAI_NODATA}; {@code
     * negativeTtl} as for {@link NotFound}.
     */
    record NoData(long negativeTtl) implements HostAnswer {
      /** Creates an outcome not to be kept. */
      public NoData() {
        this(0);
      }
    }

    /**
     * SERVFAIL, timeout or no server reachable: {@code TRY_AGAIN}, {@code EAI_AGAIN}. {@code
     * transportFailed} tells whether the last name tried got no usable reply; when false (say
     * SERVFAIL under one search domain, then NXDOMAIN under the next), glibc's {@code nss_dns}
     * reports {@code NSS_STATUS_NOTFOUND} with {@code TRY_AGAIN}, which {@code gethostbyname2_r}
     * returns as "not found" ({@code EAI_NONAME} on getaddrinfo's AF_INET path).
     */
    record TryAgain(boolean transportFailed) implements HostAnswer {
      /** A failure in transport: no usable reply at all. */
      public TryAgain() {
        this(true);
      }
    }

    /** REFUSED, FORMERR or a malformed reply: {@code NO_RECOVERY}, {@code EAI_NONAME}. */
    record NoRecovery() implements HostAnswer {}

    /**
     * A DNS failure whose codes {@link dev.netdb.dns.DnsError} gives per path (h_errno, the EAI
     * code on the {@code gethostbyname2_r} path and elsewhere, errno for {@code EAI_SYSTEM}): a
     * final error RCODE, a broken TCP connection, no descriptor left.
     */
    record Failed(dev.netdb.dns.DnsError error) implements HostAnswer {}
  }
}
