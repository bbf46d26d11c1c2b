package dev.netdb.dns;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Holds how one exchange for one question ended, after every server and attempt that glibc's
 * {@code res_send} would try. Callers handle it with an exhaustive {@code switch}; {@link
 * DnsError#of(DnsOutcome)} maps it to glibc's {@code h_errno}.
 */
public sealed interface DnsOutcome {

  /** A NOERROR reply with at least one record in the answer section (possibly only CNAMEs). */
  record Answer(DnsMessage message, InetSocketAddress server) implements DnsOutcome {
    /** Checks for nulls. */
    public Answer {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(server, "server");
    }
  }

  /** An NXDOMAIN reply: the name does not exist (RFC 1035 RCODE 3; RFC 8020). */
  record NxDomain(DnsMessage message, InetSocketAddress server) implements DnsOutcome {
    /** Checks for nulls. */
    public NxDomain {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(server, "server");
    }
  }

  /** A NOERROR reply with an empty answer section: the name exists without this type (RFC 2308 §2.2). */
  record NoData(DnsMessage message, InetSocketAddress server) implements DnsOutcome {
    /** Checks for nulls. */
    public NoData {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(server, "server");
    }
  }

  /** Every server asked answered SERVFAIL (glibc tries the next server on SERVFAIL). */
  record ServFail(InetSocketAddress lastServer) implements DnsOutcome {}

  /**
   * Every server asked answered REFUSED or NOTIMP (glibc {@code send_dg} treats them as SERVFAIL:
   * next server), or the last one answered another error RCODE such as FORMERR, which glibc accepts
   * as final. {@code rcode} is the last RCODE seen.
   */
  record Refused(InetSocketAddress lastServer, int rcode) implements DnsOutcome {}

  /** A UDP reply had TC set and the TCP retry failed (refused, closed midway or timed out). */
  record Truncated(InetSocketAddress lastServer) implements DnsOutcome {}

  /** No acceptable reply arrived from any server within the timeouts. */
  record Timeout() implements DnsOutcome {}

  /**
   * A TCP reply could not be decoded (UDP garbage is ignored and the wait goes on, as in glibc
   * {@code send_dg}), or the question could not be encoded.
   */
  record Malformed(String reason) implements DnsOutcome {
    /** Checks for null. */
    public Malformed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
