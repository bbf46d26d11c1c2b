package dev.netdb.dns;

/**
 * Names glibc 2.36's {@code EAI_*} codes with their {@code gai_strerror} texts (C locale, as
 * Python shows them): the one EAI vocabulary of both back ends. Its partner for {@code h_errno} is
 * {@link DnsError}.
 */
public enum Eai {
  /** {@code EAI_BADFLAGS}. */
  BADFLAGS(-1, "Bad value for ai_flags"),
  /** {@code EAI_NONAME}. */
  NONAME(-2, "Name or service not known"),
  /** {@code EAI_AGAIN}. */
  AGAIN(-3, "Temporary failure in name resolution"),
  /** {@code EAI_FAIL}. */
  FAIL(-4, "Non-recoverable failure in name resolution"),
  /** {@code EAI_NODATA}. */
  NODATA(-5, "No address associated with hostname"),
  /** {@code EAI_FAMILY}. */
  FAMILY(-6, "ai_family not supported"),
  /** {@code EAI_SOCKTYPE}. */
  SOCKTYPE(-7, "ai_socktype not supported"),
  /** {@code EAI_SERVICE}. */
  SERVICE(-8, "Servname not supported for ai_socktype"),
  /** {@code EAI_ADDRFAMILY}. */
  ADDRFAMILY(-9, "Address family for hostname not supported"),
  /** {@code EAI_MEMORY}. */
  MEMORY(-10, "Memory allocation failure"),
  /** {@code EAI_SYSTEM}: Python raises {@code OSError(errno)} instead. */
  SYSTEM(-11, "System error"),
  /** {@code EAI_OVERFLOW}: glibc's {@code gai_strerror} has no text for it. */
  OVERFLOW(-12, "Unknown error"),
  /** {@code EAI_INPROGRESS} ({@code getaddrinfo_a}). */
  INPROGRESS(-100, "Processing request in progress"),
  /** {@code EAI_CANCELED} ({@code getaddrinfo_a}). */
  CANCELED(-101, "Request canceled"),
  /** {@code EAI_NOTCANCELED} ({@code getaddrinfo_a}). */
  NOTCANCELED(-102, "Request not canceled"),
  /** {@code EAI_ALLDONE} ({@code getaddrinfo_a}). */
  ALLDONE(-103, "All requests done"),
  /** {@code EAI_INTR} ({@code getaddrinfo_a}). */
  INTR(-104, "Interrupted by a signal"),
  /** {@code EAI_IDN_ENCODE}: {@code AI_IDN} could not encode the name. */
  IDN_ENCODE(-105, "Parameter string not correctly encoded");

  /** glibc's {@code gai_strerror} text for a code it has no entry for. */
  static final String UNKNOWN = "Unknown error";

  private static final Eai[] VALUES = values();

  private final int code;
  private final String message;

  Eai(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /** Returns the (negative) code. */
  public int code() {
    return code;
  }

  /** Returns the {@code gai_strerror} text. */
  public String message() {
    return message;
  }

  /** Returns the failure for this code, naming {@code input} (the API raises it as gaierror). */
  public LookupFailure error(String input) {
    return LookupFailure.gai(code, message, input);
  }

  /** Returns glibc's {@code gai_strerror(code)} for any int ({@code "Unknown error"} if none). */
  public static String message(int code) {
    for (Eai e : VALUES) {
      if (e.code == code) {
        return e.message;
      }
    }
    return UNKNOWN;
  }
}
