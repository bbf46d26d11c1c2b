package dev.netdb.resolve;

import dev.netdb.dns.DnsError;
import dev.netdb.dns.DnsHostResult;
import dev.netdb.observe.ResolverStats;
import dev.netdb.observe.TraceRecorder;
import dev.netdb.trace.TraceStep;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The DNS half of host lookups, as glibc's {@code nss_dns} module serves it: forward lookups by
 * name and reverse (PTR) lookups. The futures complete with the DNS component's own answer
 * ({@link DnsHostResult}: packed addresses, names, TTL or negative TTL), never exceptionally for
 * resolver outcomes.
 */
public interface NssDns {

  /**
   * Looks {@code name} (ASCII, as given) up for {@code family}: 2 (A), 10 (AAAA) or 0 (A and
   * AAAA, A answers first).
   */
  CompletableFuture<DnsHostResult> lookup(String name, int family);

  /**
   * {@link #lookup(String, int)}, reporting what it does to {@code recorder}; without DNS there
   * is nothing to report.
   */
  default CompletableFuture<DnsHostResult> lookup(String name, int family, TraceRecorder recorder) {
    return lookup(name, family);
  }

  /**
   * Returns the configuration step of a trace: {@code files} and the resolver settings in force;
   * without DNS, no nameservers and no search list.
   */
  default TraceStep.Config configuration(Map<String, String> files) {
    return new TraceStep.Config(files, List.of(), List.of(), List.of(), 1);
  }

  /** Returns the DNS figures so far; {@link ResolverStats#NONE} without DNS. */
  default ResolverStats stats() {
    return ResolverStats.NONE;
  }

  /** Looks a packed 4- or 16-byte address up by PTR. */
  CompletableFuture<DnsHostResult> reverse(byte[] address);

  /** The answer of a resolver that knows no names: {@code HOST_NOT_FOUND}, not to be kept. */
  DnsHostResult NOT_FOUND = new DnsHostResult.Failed(DnsError.HOST_NOT_FOUND, "hosts: files", false, 0);

  /** Returns a resolver that knows no names, as nsswitch {@code hosts: files} behaves. */
  static NssDns none() {
    return new NssDns() {
      @Override
      public CompletableFuture<DnsHostResult> lookup(String name, int family) {
        return CompletableFuture.completedFuture(NOT_FOUND);
      }

      @Override
      public CompletableFuture<DnsHostResult> reverse(byte[] address) {
        return CompletableFuture.completedFuture(NOT_FOUND);
      }
    };
  }
}
