package dev.netdb.dns;

import dev.netdb.text.IpLiterals;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Holds the answer of a host lookup through DNS ({@link DnsClient#lookupHost} or {@link
 * DnsClient#lookupAddress}): the one answer type from the DNS component up to the getaddrinfo
 * pipeline's sort and the {@code hostent} of {@code gethostbyname}. Either the names and packed
 * addresses with their TTL, or the glibc failure with its negative TTL.
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
   * @param addresses the packed addresses (4 or 16 bytes), the A ones then the AAAA ones, each in
   *     answer order; for PTR lookups, the address asked about. The arrays are not copied and
   *     never changed.
   * @param ttlSeconds the smallest TTL of the records used (CNAMEs included), in seconds
   */
  record Found(
      String queriedName, String canonicalName, List<String> aliases, List<byte[]> addresses,
      long ttlSeconds)
      implements DnsHostResult {
    /** Copies the lists. */
    public Found {
      Objects.requireNonNull(queriedName, "queriedName");
      Objects.requireNonNull(canonicalName, "canonicalName");
      aliases = List.copyOf(aliases);
      addresses = List.copyOf(addresses);
    }

    /** Reports whether {@code o} is an answer with the same names, TTL and address bytes. */
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Found f) || ttlSeconds != f.ttlSeconds || addresses.size() != f.addresses.size()
          || !queriedName.equals(f.queriedName) || !canonicalName.equals(f.canonicalName)
          || !aliases.equals(f.aliases)) {
        return false;
      }
      for (int i = 0; i < addresses.size(); i++) {
        if (!Arrays.equals(addresses.get(i), f.addresses.get(i))) return false;
      }
      return true;
    }

    /** Returns a hash of the names, the TTL and the address bytes. */
    @Override
    public int hashCode() {
      int h = Objects.hash(queriedName, canonicalName, aliases, ttlSeconds);
      for (byte[] a : addresses) h = 31 * h + Arrays.hashCode(a);
      return h;
    }

    /** Returns the fields, the addresses as text. */
    @Override
    public String toString() {
      return "Found[queriedName=" + queriedName + ", canonicalName=" + canonicalName + ", aliases="
          + aliases + ", addresses=" + addresses.stream().map(IpLiterals::ntop).toList()
          + ", ttlSeconds=" + ttlSeconds + "]";
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
   * @param negativeTtlSeconds how long the failure may be kept: for NXDOMAIN and NODATA, the
   *     smallest min(SOA TTL, SOA MINIMUM) of the replies of every name tried (RFC 2308 §5); 0
   *     when any of them had no SOA, and for every other failure
   */
  record Failed(DnsError error, String detail, boolean lastTransportFailed, long negativeTtlSeconds)
      implements DnsHostResult {
    /** Checks for nulls. */
    public Failed {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(detail, "detail");
    }

    /**
     * A failure not to be kept whose last query got no usable reply exactly when {@code error} is
     * TRY_AGAIN.
     */
    public Failed(DnsError error, String detail) {
      this(error, detail, error == DnsError.TRY_AGAIN, 0);
    }

    /** A failure not to be kept. */
    public Failed(DnsError error, String detail, boolean lastTransportFailed) {
      this(error, detail, lastTransportFailed, 0);
    }
  }
}
