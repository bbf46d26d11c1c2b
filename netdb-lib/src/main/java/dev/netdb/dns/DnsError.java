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
 *       #eai(int, boolean)}.
 * </ul>
 *
 * <p>Measured with Python 3.11 / glibc 2.36 in the oracle namespace against NSD (2026-11-25,
 * {@code testdata/dns/oracle-glibc-2.36.txt}): NODATA gives -5 for AF_INET and AF_UNSPEC; REFUSED
 * gives -3; NXDOMAIN and a CNAME to a missing name give -2; a NOERROR reply holding only a CNAME
 * (or a CNAME loop) gives -5 for AF_INET and -2 for AF_UNSPEC. With the hostile fake server of
 * {@code HostileOracleTest} on the namespace's port 53 (2026-12-01): an answer section glibc cannot
 * read gives -5 for AF_INET and -2 elsewhere (UNAVAIL with {@code NO_RECOVERY}); FORMERR and RCODE 15
 * give -2 on every path (NOTFOUND with {@code NO_RECOVERY}); a TCP connection broken mid-reply gives
 * -2 for AF_INET and -3 elsewhere (NOTFOUND with {@code TRY_AGAIN}); so each constant carries the
 * NSS status as well as the {@code h_errno}, and {@link #EMFILE} carries the errno of {@code
 * EAI_SYSTEM}.
 */
public enum DnsError {
  /** {@code HOST_NOT_FOUND} (1): NXDOMAIN. */
  HOST_NOT_FOUND(1, "Unknown host", Eai.NONAME, Eai.NONAME, "Name or service not known"),
  /** {@code TRY_AGAIN} (2): SERVFAIL, REFUSED from every server, timeout, TCP refused. */
  TRY_AGAIN(2, "Host name lookup failure", Eai.AGAIN, Eai.AGAIN, "Temporary failure in name resolution"),
  /**
   * {@code TRY_AGAIN} (2) with NSS status {@code NOTFOUND}: after TC the TCP connection broke
   * (closed midway, short length prefix). {@code send_vc} fails with an errno that is neither
   * {@code ETIMEDOUT} nor {@code ECONNREFUSED}, so {@code _nss_dns_gethostbyname3_r} says
   * NOTFOUND, which the {@code gethostbyname2_r} path of {@code getaddrinfo} reports as {@code
   * EAI_NONAME}; the {@code gethostbyname4_r} path reports the {@code h_errno}, {@code EAI_AGAIN}
   * (measured: {@code HostileOracleTest}, tcpshort/tcpcut).
   */
  STREAM_BROKEN(2, "Host name lookup failure", Eai.AGAIN, Eai.NONAME, "Temporary failure in name resolution"),
  /**
   * {@code NO_RECOVERY} (3) with NSS status {@code UNAVAIL}: a reply whose answer section {@code
   * getanswer_r} cannot read (a pointer loop, a bad label, a name over 255, RDLENGTH past the end,
   * an address of the wrong length, ANCOUNT beyond the records), or one of CNAMEs only.
   */
  NO_RECOVERY(3, "Unknown server error", Eai.NONAME, Eai.NODATA, "Name or service not known"),
  /**
   * {@code NO_RECOVERY} (3) with NSS status {@code NOTFOUND}: a final error RCODE, FORMERR or one
   * without a meaning here (6-15). {@code __res_context_query} sets {@code NO_RECOVERY} and
   * returns -1, which nss_dns reports as NOTFOUND: {@code EAI_NONAME} on every path (measured:
   * formerr, rcode15).
   */
  FINAL_RCODE(3, "Unknown server error", Eai.NONAME, Eai.NONAME, "Name or service not known"),
  /** {@code NO_DATA} (4): the name exists but has no record of the asked type. */
  NO_DATA(4, "No address associated with name", Eai.NODATA, Eai.NODATA, "No address associated with hostname"),
  /**
   * {@code NETDB_INTERNAL} (-1) with errno {@code EMFILE}: the process has no descriptor left for a
   * socket. {@code getaddrinfo} returns {@code EAI_SYSTEM} (-11) and Python raises {@code
   * OSError(24, 'Too many open files')} (measured under {@code ulimit -n 64}).
   */
  EMFILE(-1, "Resolver internal error", Eai.SYSTEM, Eai.SYSTEM, "Too many open files"),
  /** {@code NETDB_INTERNAL} (-1) with errno {@code ENFILE}: the system has no descriptor left. */
  ENFILE(-1, "Resolver internal error", Eai.SYSTEM, Eai.SYSTEM, "Too many open files in system");

  private static final DnsError[] VALUES = values();

  /** {@code AF_INET}: the family of {@link #eai(int, boolean)}'s {@code gethostbyname2_r} path. */
  static final int AF_INET = 2;

  private final int herrno;
  private final String hstrerror;
  private final Eai eai;
  private final Eai eaiInet;
  /** {@code strerror(errno)} for the {@code EAI_SYSTEM} failures, Python's {@code OSError} text. */
  private final String systemText;

  DnsError(int herrno, String hstrerror, Eai eai, Eai eaiInet, String gaiText) {
    this.herrno = herrno;
    this.hstrerror = hstrerror;
    this.eai = eai;
    this.eaiInet = eaiInet;
    this.systemText = eai == Eai.SYSTEM ? gaiText : null;
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

  /** Returns errno for an {@code EAI_SYSTEM} failure ({@link #EMFILE} 24, {@link #ENFILE} 23), else 0. */
  public int errno() {
    return this == EMFILE ? 24 : this == ENFILE ? 23 : 0;
  }

  /** Returns glibc's {@code h_errno} value, the code of Python's {@code herror}. */
  public int herrno() {
    return herrno;
  }

  /** Returns glibc's {@code hstrerror} text, the message of Python's {@code herror}. */
  public String hstrerror() {
    return hstrerror;
  }

  /** Returns the (negative) EAI code {@code getaddrinfo} reports for this failure on its {@code gethostbyname4_r} path. */
  public int eai() {
    return eai.code();
  }

  /**
   * Returns glibc's {@code gai_strerror} text for {@link #eai()}, or for {@code EAI_SYSTEM}
   * {@code strerror(errno)}, the text of Python's {@code OSError}.
   */
  public String gaiStrerror() {
    return systemText != null ? systemText : eai.message();
  }

  /**
   * Returns the EAI code {@code getaddrinfo} reports on a given path: with {@code AF_INET} and no
   * {@code AI_CANONNAME} glibc goes through {@code gethostbyname2_r}, where the NSS status counts
   * as well as {@code h_errno} (UNAVAIL with {@code NO_RECOVERY} ends as {@code EAI_NODATA},
   * NOTFOUND as {@code EAI_NONAME}); on every other path it is {@link #eai()}.
   */
  public int eai(int family, boolean canonName) {
    return (family == AF_INET && !canonName ? eaiInet : eai).code();
  }

  /** Returns glibc's {@code gai_strerror} text for {@link #eai(int, boolean)}. */
  public String gaiStrerror(int family, boolean canonName) {
    int code = eai(family, canonName);
    return code == Eai.SYSTEM.code() && systemText != null ? systemText : Eai.message(code);
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
          r.rcode() == DnsType.REFUSED || r.rcode() == DnsType.NOTIMP ? TRY_AGAIN : FINAL_RCODE;
      case DnsOutcome.Truncated t -> TRY_AGAIN;
      case DnsOutcome.StreamBroken t -> STREAM_BROKEN;
      case DnsOutcome.Timeout t -> TRY_AGAIN;
      case DnsOutcome.Malformed m -> NO_RECOVERY;
      case DnsOutcome.OutOfDescriptors o -> o.errno() == 23 ? ENFILE : EMFILE;
    };
  }
}
