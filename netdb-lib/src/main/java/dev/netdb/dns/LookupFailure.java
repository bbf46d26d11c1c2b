package dev.netdb.dns;

import java.util.Objects;

/**
 * Carries a failed call as the C library reports it (an {@code EAI_*} code, an {@code h_errno}, an
 * {@code errno}, or a closed resolver) from where it is found up to the API edge, which turns it
 * into the public exception of its kind ({@code GaiException}, {@code HostException}, {@code
 * SystemException}, {@code NetDbClosedException}). No public method throws it: it exists so that
 * the packages below {@code dev.netdb} never import the API (the package graph stays acyclic).
 *
 * <p>Like the public exceptions it records no stack trace: a failed lookup is an ordinary result.
 */
public final class LookupFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which public exception the failure becomes. */
  public enum Kind {
    /** {@code getaddrinfo}/{@code getnameinfo}'s {@code EAI_*}: {@code socket.gaierror}. */
    GAI,
    /** {@code h_errno}: {@code socket.herror}. */
    HOST,
    /** {@code errno} (or none): {@code OSError}. */
    SYSTEM,
    /** The resolver was closed. */
    CLOSED
  }

  private final Kind kind;
  private final transient Integer code;
  private final String text;
  private final String input;
  private final long negativeTtlSeconds;

  private LookupFailure(Kind kind, Integer code, String text, String input) {
    this(kind, code, text, input, 0);
  }

  private LookupFailure(Kind kind, Integer code, String text, String input, long negativeTtlSeconds) {
    super(input == null ? text : text + " (" + input + ")", null, false, false);
    this.kind = kind;
    this.code = code;
    this.text = Objects.requireNonNull(text, "text");
    this.input = input;
    this.negativeTtlSeconds = negativeTtlSeconds;
  }

  /** Returns an {@code EAI_*} failure with its {@code gai_strerror} text, naming {@code input}. */
  public static LookupFailure gai(int code, String text, String input) {
    return new LookupFailure(Kind.GAI, code, text, input);
  }

  /** Returns an {@code h_errno} failure with its {@code hstrerror} text, naming {@code input}. */
  public static LookupFailure host(int herrno, String text, String input) {
    return new LookupFailure(Kind.HOST, herrno, text, input);
  }

  /** Returns an {@code errno} failure (code null: none) with its text, naming {@code input}. */
  public static LookupFailure system(Integer errno, String text, String input) {
    return new LookupFailure(Kind.SYSTEM, errno, text, input);
  }

  /** Returns the failure of a call on (or in flight at) a closed resolver. */
  public static LookupFailure closed() {
    return new LookupFailure(Kind.CLOSED, null, "NetDb is closed", null);
  }

  /** Returns which public exception this becomes. */
  public Kind kind() {
    return kind;
  }

  /** Returns the code ({@code EAI_*}, {@code h_errno} or {@code errno}), or null for none. */
  public Integer code() {
    return code;
  }

  /** Returns the C library's text for the code, as Python shows it. */
  public String text() {
    return text;
  }

  /** Returns what the caller asked for, or null. */
  public String input() {
    return input;
  }

  /**
   * Returns how long this answer may be kept, in seconds: for a failure that DNS reported with an
   * SOA record (NXDOMAIN, NODATA), min(SOA TTL, SOA MINIMUM) as RFC 2308 §5 says; 0 for any other
   * failure, which is not to be kept.
   */
  public long negativeTtlSeconds() {
    return negativeTtlSeconds;
  }

  /** Returns the same failure, to be kept for {@code seconds} (see {@link #negativeTtlSeconds}). */
  public LookupFailure withNegativeTtl(long seconds) {
    return new LookupFailure(kind, code, text, input, Math.max(0, seconds));
  }
}
