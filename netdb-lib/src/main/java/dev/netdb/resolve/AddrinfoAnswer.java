package dev.netdb.resolve;

import dev.netdb.backend.AddressInfo;
import java.util.List;

/**
 * The getaddrinfo pipeline's result: the sorted entries and how long they may be kept. A failure
 * is the pipeline's failed future, a {@link dev.netdb.dns.LookupFailure} whose {@link
 * dev.netdb.dns.LookupFailure#negativeTtlSeconds()} says how long it may be kept.
 *
 * @param entries the entries in glibc's order (RFC 3484 sorted), canonical name on the first
 * @param ttlSeconds the DNS answer's TTL (the smallest of the records used, over both lookups of
 *     an AI_V4MAPPED call); 0 for an answer not from DNS (null host, numeric host, hosts file),
 *     which is not to be kept
 */
public record AddrinfoAnswer(List<AddressInfo> entries, long ttlSeconds) {
  /** Copies the list. */
  public AddrinfoAnswer {
    entries = List.copyOf(entries);
  }
}
