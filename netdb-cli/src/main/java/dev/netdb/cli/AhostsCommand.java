package dev.netdb.cli;

import dev.netdb.AddrInfo;
import dev.netdb.AddrInfoFlag;
import dev.netdb.AddressFamily;
import dev.netdb.NetDbException;
import java.util.List;

/**
 * {@code getent ahosts}, {@code ahostsv4} and {@code ahostsv6}: {@code getaddrinfo(key, NULL)} with
 * {@code AI_V4MAPPED | AI_ADDRCONFIG | AI_CANONNAME | AI_IDN | AI_CANONIDN} (plus {@code
 * AI_V4MAPPED} again for v6), as getent.c passes them without {@code --no-idn}: glibc then encodes
 * a non-ASCII key to its ACE form and decodes an ACE canonical name back to Unicode.
 */
final class AhostsCommand implements GetentHostDatabase {
  /** glibc's {@code AI_IDN}: encode the host name with IDNA before the lookup. */
  static final int AI_IDN = 0x0040;
  /** glibc's {@code AI_CANONIDN}: decode an ACE canonical name to Unicode. */
  static final int AI_CANONIDN = 0x0080;

  private final String name;
  private final AddressFamily family;

  AhostsCommand(String name, AddressFamily family) {
    this.name = name;
    this.family = family;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int run(Session session, List<String> keys, StringBuilder out) {
    if (keys.isEmpty()) {
      throw new UsageException(name + ": listing the whole hosts database is not supported; give"
          + " a name or an address");
    }
    int result = 0;
    for (String key : keys) {
      if (lookupKey(session, key, out) != null) {
        result = 2;
      }
    }
    return result;
  }

  @Override
  public NetDbException lookupKey(Session session, String key, StringBuilder out) {
    int flags = AddrInfoFlag.mask(
        AddrInfoFlag.V4MAPPED, AddrInfoFlag.ADDRCONFIG, AddrInfoFlag.CANONNAME)
        | AI_IDN | AI_CANONIDN; // getent.c: idn_flags = AI_IDN | AI_CANONIDN
    List<AddrInfo> res;
    try {
      res = session.netDb().addrinfo(key, null, family.value(), 0, 0, flags);
    } catch (NetDbException e) {
      return e;
    }
    for (AddrInfo ai : res) {
      print(out, ai);
    }
    return null;
  }

  /** Appends one result as getent.c {@code ahosts_keys_int} prints it. */
  static void print(StringBuilder out, AddrInfo ai) {
    String scope = ai.family() == AddressFamily.INET6.value() && ai.scopeId() != 0
        ? "%" + ai.scopeId() : "";
    // printf ("%s%-*s %-6s %s\n", buf, pad, scope, ...) with pad = 15 - strlen(buf) - strlen(scope)
    out.append(ai.host());
    int pad = Math.max(0, 15 - ai.host().length() - scope.length());
    GetentCommand.padRight(out, scope, pad);
    out.append(' ');
    GetentCommand.padRight(out, sockName(ai.type()), 6);
    out.append(' ').append(ai.canonicalName()).append('\n');
  }

  private static String sockName(int type) {
    return switch (type) {
      case 1 -> "STREAM";
      case 2 -> "DGRAM";
      case 3 -> "RAW";
      case 5 -> "SEQPACKET";
      case 4 -> "RDM";
      case 6 -> "DCCP";
      case 10 -> "PACKET";
      default -> Integer.toString(type);
    };
  }
}
