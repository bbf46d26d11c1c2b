package dev.netdb.dns;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Holds how one exchange for one question ended, after every server and attempt that glibc's
 * {@code res_send} would try. Callers handle it with an exhaustive {@code switch}; {@link
 * DnsError#of(DnsOutcome)} maps it to glibc's {@code h_errno}.
 */
public sealed interface DnsOutcome {

  /**
   * A NOERROR reply with at least one record in the answer section on the wire (possibly only
   * CNAMEs, or only records of types not decoded, so the decoded list may be empty).
   */
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

  /** A UDP reply had TC set and the TCP retry was refused or timed out. */
  record Truncated(InetSocketAddress lastServer) implements DnsOutcome {}

  /**
   * A UDP reply had TC set and the TCP connection broke before a whole reply arrived: closed
   * midway, or a short length prefix. glibc's {@code send_vc} then fails with an errno other than
   * {@code ETIMEDOUT}/{@code ECONNREFUSED}, which {@code nss_dns} reports as {@code NOTFOUND} with
   * {@code h_errno} {@code TRY_AGAIN} ({@link DnsError#STREAM_BROKEN}).
   */
  record StreamBroken(InetSocketAddress lastServer) implements DnsOutcome {}

  /**
   * No socket could be opened because the process or the system ran out of descriptors ({@code
   * EMFILE} 24 or {@code ENFILE} 23). glibc's {@code getaddrinfo} returns {@code EAI_SYSTEM} with
   * that errno, which Python raises as {@code OSError(24, 'Too many open files')}.
   */
  record OutOfDescriptors(int errno, String message) implements DnsOutcome {
    /** Checks for null. */
    public OutOfDescriptors {
      Objects.requireNonNull(message, "message");
    }
  }

  /** No acceptable reply arrived from any server within the timeouts. */
  record Timeout() implements DnsOutcome {}

  /**
   * A reply matched the query but its answer section does not decode (glibc's {@code getanswer_r}
   * fails with {@code NO_RECOVERY}), a TCP reply did not match, or the question could not be
   * encoded. A UDP datagram whose header or question does not decode is ignored and the wait goes
   * on, as in glibc {@code send_dg}.
   */
  record Malformed(String reason) implements DnsOutcome {
    /** Checks for null. */
    public Malformed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
