package dev.netdb.dns;

import dev.netdb.GaiException;
import dev.netdb.HostException;

/** The glibc {@code EAI_*} codes with {@code gai_strerror} texts, and the {@code h_errno} texts. */
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
  /** {@code EAI_OVERFLOW}: glibc's {@code gai_strerror} has no text for it. */
  OVERFLOW(-12, "Unknown error");

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

  /** Returns the exception Python raises for this code, naming {@code input}. */
  public GaiException error(String input) {
    return new GaiException(code, message, input);
  }

  /** {@code h_errno} {@code HOST_NOT_FOUND}. */
  public static final int HOST_NOT_FOUND = 1;
  /** {@code h_errno} {@code TRY_AGAIN}. */
  public static final int TRY_AGAIN = 2;
  /** {@code h_errno} {@code NO_RECOVERY}. */
  public static final int NO_RECOVERY = 3;
  /** {@code h_errno} {@code NO_DATA}. */
  public static final int NO_DATA = 4;

  /** Returns the {@code herror} Python raises for an {@code h_errno}, with glibc's {@code hstrerror} text. */
  public static HostException hostError(int herrno, String input) {
    String text = switch (herrno) {
      case HOST_NOT_FOUND -> "Unknown host";
      case TRY_AGAIN -> "Host name lookup failure";
      case NO_RECOVERY -> "Unknown server error";
      case NO_DATA -> "No address associated with name";
      default -> "Resolver internal error";
    };
    return new HostException(herrno, text, input);
  }
}
