package dev.netdb.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Holds the result of a host lookup through DNS ({@link DnsClient#lookupHost} or {@link
 * DnsClient#lookupAddress}): either the names and addresses, or the glibc failure.
 */
public sealed interface DnsHostResult {

  /**
   * A successful lookup, shaped as glibc {@code getanswer_r} shapes a {@code hostent}.
   *
   * @param queriedName the fully qualified name that answered (after search-list expansion), no
   *     trailing dot
   * @param canonicalName {@code h_name}: the last name of the CNAME chain (the owner of the
   *     addresses); for PTR lookups, the first PTR target
   * @param aliases {@code h_aliases}: the queried name and every CNAME target but the last, in
   *     chain order; for PTR lookups, empty
   * @param addresses the A addresses then the AAAA addresses, each in answer order; for PTR
   *     lookups, the address asked about
   * @param ttl the smallest TTL of the records used, in seconds
   */
  record Found(
      String queriedName, String canonicalName, List<String> aliases, List<InetAddress> addresses, long ttl)
      implements DnsHostResult {
    /** Copies the lists. */
    public Found {
      Objects.requireNonNull(queriedName, "queriedName");
      Objects.requireNonNull(canonicalName, "canonicalName");
      aliases = List.copyOf(aliases);
      addresses = List.copyOf(addresses);
    }
  }

  /**
   * A failed lookup.
   *
   * @param error the glibc {@code h_errno}; {@link DnsError#eai()} gives {@code getaddrinfo}'s code
   * @param detail what happened, for logs and debugging (never shown as Python's message)
   * @param lastTransportFailed the last name tried got no usable reply (SERVFAIL, REFUSED,
   *     timeout), so glibc's {@code nss_dns} ends in {@code NSS_STATUS_UNAVAIL} rather than {@code
   *     NSS_STATUS_NOTFOUND}; with {@code TRY_AGAIN}, {@code getaddrinfo}'s AF_INET path then gives
   *     {@code EAI_AGAIN}, else {@code EAI_NONAME}
   * @param negativeTtl how long the failure may be kept, in seconds: for {@code HOST_NOT_FOUND}
   *     and {@code NO_DATA}, the smallest RFC 2308 §5 negative TTL (min of the SOA's TTL and
   *     MINIMUM) over every name tried; 0 when any try had no SOA or failed otherwise
   */
  record Failed(DnsError error, String detail, boolean lastTransportFailed, long negativeTtl)
      implements DnsHostResult {
    /** Checks for nulls. */
    public Failed {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(detail, "detail");
    }

    /** A failure whose last query got no usable reply exactly when {@code error} is TRY_AGAIN. */
    public Failed(DnsError error, String detail) {
      this(error, detail, error == DnsError.TRY_AGAIN);
    }

    /** A failure not to be kept. */
    public Failed(DnsError error, String detail, boolean lastTransportFailed) {
      this(error, detail, lastTransportFailed, 0);
    }
  }
}
