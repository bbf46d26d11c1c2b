package dev.netdb.dns;


/**
 * Names the resolver failures glibc reports through {@code h_errno}, with the {@code
 * getaddrinfo} EAI code and the texts Python shows for each.
 *
 * <p>Where the codes come from in glibc 2.36:
 *
 * <ul>
 *   <li>{@code res_query.c} ({@code __res_context_query}) sets {@code h_errno} from the RCODE of a
 *       reply without answers: NXDOMAIN → {@code HOST_NOT_FOUND}, SERVFAIL → {@code TRY_AGAIN},
 *       NOERROR → {@code NO_DATA}, FORMERR/NOTIMP/REFUSED/other → {@code NO_RECOVERY}; when {@code
 *       res_send} fails (timeout, or every server answered SERVFAIL/NOTIMP/REFUSED, which {@code
 *       send_dg} skips to the next server) it sets {@code TRY_AGAIN}.
 *   <li>{@code sysdeps/posix/getaddrinfo.c} turns {@code TRY_AGAIN} into {@code EAI_AGAIN}; a
 *       {@code NO_DATA} result (the name is known, no address) into <b>{@code EAI_NODATA} (-5)</b>,
 *       "We made requests but they turned out no data"; anything else, {@code HOST_NOT_FOUND} and
 *       {@code NO_RECOVERY} alike, ends as {@code EAI_NONAME} (-2). So the SPEC's "NODATA →
 *       EAI_NODATA" is what glibc 2.36 really returns.
 *   <li>Except on {@code getaddrinfo}'s {@code AF_INET} path without {@code AI_CANONNAME}, which
 *       calls {@code gethostbyname2_r}: there a failure that is not {@code TRY_AGAIN} and not a
 *       clean "not found" ({@code NO_RECOVERY}) becomes {@code EAI_NODATA}; see {@link
 *       #eai(dev.netdb.AddressFamily, boolean)}.
 * </ul>
 *
 * <p>Measured with Python 3.11 / glibc 2.36 in the oracle namespace against NSD (2026-11-25,
 * {@code testdata/dns/oracle-glibc-2.36.txt}): NODATA gives -5 for AF_INET and AF_UNSPEC; REFUSED
 * gives -3; NXDOMAIN and a CNAME to a missing name give -2; a NOERROR reply holding only a CNAME
 * (or a CNAME loop) gives -5 for AF_INET and -2 for AF_UNSPEC.
 */
public enum DnsError {
  /** {@code HOST_NOT_FOUND} (1): NXDOMAIN. */
  HOST_NOT_FOUND(1, "Unknown host", Eai.NONAME),
  /** {@code TRY_AGAIN} (2): SERVFAIL, REFUSED from every server, timeout. */
  TRY_AGAIN(2, "Host name lookup failure", Eai.AGAIN),
  /** {@code NO_RECOVERY} (3): FORMERR or another final error RCODE; an answer of CNAMEs only. */
  NO_RECOVERY(3, "Unknown server error", Eai.NONAME),
  /** {@code NO_DATA} (4): the name exists but has no record of the asked type. */
  NO_DATA(4, "No address associated with name", Eai.NODATA);

  private static final DnsError[] VALUES = values();

  private final int herrno;
  private final String hstrerror;
  private final Eai eai;

  DnsError(int herrno, String hstrerror, Eai eai) {
    this.herrno = herrno;
    this.hstrerror = hstrerror;
    this.eai = eai;
  }

  /**
   * Returns glibc's {@code hstrerror(herrno)} for any int, as {@code resolv/herror.c} gives it in
   * the C locale: the table for 0 to 4, {@code "Resolver internal error"} below 0 ({@code
   * NETDB_INTERNAL}), {@code "Unknown resolver error"} above 4.
   */
  public static String hstrerror(int herrno) {
    if (herrno < 0) {
      return "Resolver internal error";
    }
    if (herrno == 0) {
      return "Resolver Error 0 (no error)";
    }
    for (DnsError e : VALUES) {
      if (e.herrno == herrno) {
        return e.hstrerror;
      }
    }
    return "Unknown resolver error";
  }

  /** Returns the failure Python raises as {@code herror} for this code, naming {@code input}. */
  public LookupFailure error(String input) {
    return LookupFailure.host(herrno, hstrerror, input);
  }

  /** Returns glibc's {@code h_errno} value, the code of Python's {@code herror}. */
  public int herrno() {
    return herrno;
  }

  /** Returns glibc's {@code hstrerror} text, the message of Python's {@code herror}. */
  public String hstrerror() {
    return hstrerror;
  }

  /** Returns the (negative) EAI code {@code getaddrinfo} reports for this failure. */
  public int eai() {
    return eai.code();
  }

  /** Returns glibc's {@code gai_strerror} text for {@link #eai()}. */
  public String gaiStrerror() {
    return eai.message();
  }

  /**
   * Returns the EAI code {@code getaddrinfo} reports on a given path: with {@code AF_INET} and no
   * {@code AI_CANONNAME} glibc goes through {@code gethostbyname2_r}, where {@code NO_RECOVERY}
   * ends as {@code EAI_NODATA} ("We made requests but they turned out no data"); on every other
   * path it is {@link #eai()}.
   */
  public int eai(dev.netdb.AddressFamily family, boolean canonName) {
    if (this == NO_RECOVERY && family == dev.netdb.AddressFamily.INET && !canonName) {
      return NO_DATA.eai();
    }
    return eai.code();
  }

  /** Returns glibc's {@code gai_strerror} text for {@link #eai(dev.netdb.AddressFamily, boolean)}. */
  public String gaiStrerror(dev.netdb.AddressFamily family, boolean canonName) {
    return Eai.message(eai(family, canonName));
  }

  /**
   * Returns the {@code h_errno} glibc's {@code res_query} leaves for an exchange outcome, or null
   * for an {@link DnsOutcome.Answer} (which is not a failure at this level).
   */
  public static DnsError of(DnsOutcome outcome) {
    return switch (outcome) {
      case DnsOutcome.Answer a -> null;
      case DnsOutcome.NxDomain n -> HOST_NOT_FOUND;
      case DnsOutcome.NoData n -> NO_DATA;
      // res_send failed: every server skipped, or no reply -> res_query sets TRY_AGAIN
      case DnsOutcome.ServFail s -> TRY_AGAIN;
      case DnsOutcome.Refused r ->
          r.rcode() == DnsType.REFUSED || r.rcode() == DnsType.NOTIMP ? TRY_AGAIN : NO_RECOVERY;
      case DnsOutcome.Truncated t -> TRY_AGAIN;
      case DnsOutcome.Timeout t -> TRY_AGAIN;
      case DnsOutcome.Malformed m -> NO_RECOVERY;
    };
  }
}
