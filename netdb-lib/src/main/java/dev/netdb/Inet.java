package dev.netdb;

import dev.netdb.text.CString;
import dev.netdb.text.IpLiterals;
import dev.netdb.text.Ipv4Text;
import dev.netdb.text.Ipv6Text;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Converts IP addresses between text and packed bytes exactly as Python's {@code socket.inet_aton},
 * {@code inet_ntoa}, {@code inet_pton} and {@code inet_ntop} do on glibc 2.36: the same accepted
 * inputs, results, exception kinds and messages. No method does I/O or looks up a name.
 *
 * <p>Each throwing method has a twin that returns null instead of throwing ({@link #tryAton},
 * {@link #tryNtoa}, {@link #tryPton}, {@link #tryNtop}). Methods given a null argument throw
 * {@link NullPointerException}. Packed addresses are in network byte order; returned arrays are
 * new and belong to the caller.
 */
public final class Inet {
  private static final String ATON_ILLEGAL = "illegal IP address string passed to inet_aton";
  private static final String PTON_ILLEGAL = "illegal IP address string passed to inet_pton";
  private static final String BAD_LENGTH = "invalid length of packed IP address string";
  private static final int EAFNOSUPPORT = 97;
  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;

  private Inet() {}

  /**
   * Returns the 4 bytes that Python's {@code inet_aton} gives for {@code text}. glibc accepts the
   * BSD forms ({@code 127.1}, {@code 0x7f.1}, {@code 017700000001}) and ignores white space and
   * anything after it ({@code "127.0.0.1 junk"}).
   *
   * @param text the address text
   * @return the 4 packed bytes
   * @throws SystemException ({@code OSError}) when glibc rejects the text
   * @throws InvalidValueException ({@code ValueError}) when the text contains NUL
   * @throws IdnaException ({@code UnicodeError}) when the text contains a lone surrogate
   */
  public static byte[] aton(String text) {
    long address = Ipv4Text.parseAton(text);
    int problem = CString.check(text, address == Ipv4Text.INVALID ? 0 : Ipv4Text.atonEnd(text));
    if (problem != CString.OK) {
      throw cStringError(text, problem);
    }
    if (address == Ipv4Text.INVALID) {
      throw new SystemException(ATON_ILLEGAL, text);
    }
    return Ipv4Text.toBytes(address);
  }

  /**
   * {@return what {@link #aton} returns, or null where it throws}
   *
   * @param text the address text
   */
  public static byte[] tryAton(String text) {
    return IpLiterals.aton(text);
  }

  /**
   * Returns Python's {@code inet_ntoa} of {@code packed}: {@code a.b.c.d} in decimal.
   *
   * @param packed the packed address: 4 bytes for IPv4, 16 for IPv6
   * @return the dotted-decimal text
   * @throws SystemException ({@code OSError}) unless {@code packed} has exactly 4 bytes
   */
  public static String ntoa(byte[] packed) {
    if (packed.length != 4) {
      throw new SystemException("packed IP wrong length for inet_ntoa", hex(packed));
    }
    return Ipv4Text.format(packed, 0);
  }

  /**
   * {@return what {@link #ntoa} returns, or null where it throws}
   *
   * @param packed the packed address: 4 bytes for IPv4, 16 for IPv6
   */
  public static String tryNtoa(byte[] packed) {
    return packed.length == 4 ? Ipv4Text.format(packed, 0) : null;
  }

  /**
   * Returns Python's {@code inet_pton(family, text)}: 4 bytes for {@link AddressFamily#INET}
   * (exactly four decimal octets without leading zeros), 16 for {@link AddressFamily#INET6} (RFC
   * 4291 text as glibc reads it, without a scope).
   *
   * @param family {@link AddressFamily#INET} or {@link AddressFamily#INET6}
   * @param text the address text
   * @return the packed address: 4 or 16 bytes
   * @throws SystemException ({@code OSError}) when the text is not an address of the family, or
   *     with errno 97 ({@code EAFNOSUPPORT}) for another family
   * @throws InvalidValueException ({@code ValueError}) when the text contains NUL
   * @throws IdnaException ({@code UnicodeError}) when the text contains a lone surrogate
   */
  public static byte[] pton(AddressFamily family, String text) {
    return pton(family.value(), text);
  }

  /**
   * {@return Python's {@code inet_pton} for a family given by its number, which may be any int}
   *
   * @param family {@link AddressFamily#INET} or {@link AddressFamily#INET6}
   * @param text the address text
   */
  public static byte[] pton(int family, String text) {
    Objects.requireNonNull(text, "text");
    byte[] result = parse(family, text);
    if (result != null) {
      return result;
    }
    // Python converts the str argument before it calls inet_pton.
    int problem = CString.check(text, 0);
    if (problem != CString.OK) {
      throw cStringError(text, problem);
    }
    if (family != AF_INET && family != AF_INET6) {
      throw new SystemException(EAFNOSUPPORT, "Address family not supported by protocol", text);
    }
    throw new SystemException(PTON_ILLEGAL, text);
  }

  /**
   * {@return what {@link #pton(AddressFamily, String)} returns, or null where it throws}
   *
   * @param family {@link AddressFamily#INET} or {@link AddressFamily#INET6}
   * @param text the address text
   */
  public static byte[] tryPton(AddressFamily family, String text) {
    return parse(family.value(), Objects.requireNonNull(text, "text"));
  }

  /**
   * {@return what {@link #pton(int, String)} returns, or null where it throws}
   *
   * @param family {@link AddressFamily#INET} or {@link AddressFamily#INET6}
   * @param text the address text
   */
  public static byte[] tryPton(int family, String text) {
    return parse(family, Objects.requireNonNull(text, "text"));
  }

  /**
   * Reports whether {@link #pton(AddressFamily, String)} accepts {@code text}.
   *
   * @param family {@link AddressFamily#INET} or {@link AddressFamily#INET6}
   * @param text the address text
   * @return true when {@code pton} would succeed
   */
  public static boolean isAddress(AddressFamily family, String text) {
    return tryPton(family, text) != null;
  }

  private static byte[] parse(int family, String text) {
    if (family == AF_INET) {
      long address = Ipv4Text.parsePton(text, 0, text.length());
      return address == Ipv4Text.INVALID ? null : Ipv4Text.toBytes(address);
    }
    // An accepted text is ASCII without NUL, so the str conversion cannot have failed.
    return family == AF_INET6 ? Ipv6Text.parse(text) : null;
  }

  /**
   * Returns Python's {@code inet_ntop(family, packed)}: {@code a.b.c.d} for {@link
   * AddressFamily#INET}, glibc's compressed lower-case form for {@link AddressFamily#INET6}.
   *
   * @param family {@link AddressFamily#INET} or {@link AddressFamily#INET6}
   * @param packed the packed address: 4 bytes for IPv4, 16 for IPv6
   * @return the address text
   * @throws InvalidValueException ({@code ValueError}) when the length is not 4 or 16 as the family
   *     needs, or for another family ({@code unknown address family N})
   */
  public static String ntop(AddressFamily family, byte[] packed) {
    return ntop(family.value(), packed);
  }

  /**
   * {@return Python's {@code inet_ntop} for a family given by its number, which may be any int}
   *
   * @param family {@link AddressFamily#INET} or {@link AddressFamily#INET6}
   * @param packed the packed address: 4 bytes for IPv4, 16 for IPv6
   */
  public static String ntop(int family, byte[] packed) {
    String text = format(family, packed);
    if (text != null) {
      return text;
    }
    if (family == AF_INET || family == AF_INET6) {
      throw new InvalidValueException(BAD_LENGTH, hex(packed));
    }
    throw new InvalidValueException("unknown address family " + family, hex(packed));
  }

  /**
   * {@return what {@link #ntop(AddressFamily, byte[])} returns, or null where it throws}
   *
   * @param family {@link AddressFamily#INET} or {@link AddressFamily#INET6}
   * @param packed the packed address: 4 bytes for IPv4, 16 for IPv6
   */
  public static String tryNtop(AddressFamily family, byte[] packed) {
    return format(family.value(), packed);
  }

  private static String format(int family, byte[] packed) {
    if (family == AF_INET6 && packed.length == 16) {
      return Ipv6Text.format(packed, 0);
    }
    if (family == AF_INET && packed.length == 4) {
      return Ipv4Text.format(packed, 0);
    }
    Objects.requireNonNull(packed, "packed");
    return null;
  }

  /**
   * Returns the exception Python raises when it converts {@code text} to a C string and {@link
   * CString#check} found {@code problem}: {@code ValueError} for NUL, {@code UnicodeEncodeError}
   * for a lone surrogate.
   */
  private static NetDbException cStringError(String text, int problem) {
    return problem == CString.NUL
        ? new InvalidValueException(CString.nulMessage(), text)
        : new IdnaException(CString.surrogateMessage(text, problem), text);
  }

  private static String hex(byte[] packed) {
    return HexFormat.of().formatHex(packed);
  }
}
