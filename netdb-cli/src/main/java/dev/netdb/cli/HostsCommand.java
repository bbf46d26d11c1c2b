package dev.netdb.cli;

import dev.netdb.AddressFamily;
import dev.netdb.HostEntry;
import dev.netdb.Inet;
import dev.netdb.NetDbException;
import java.util.List;

/** {@code getent hosts KEY...}: {@code gethostbyaddr} for addresses, else {@code gethostbyname2}. */
final class HostsCommand implements GetentHostDatabase {
  @Override
  public String name() {
    return "hosts";
  }

  @Override
  public int run(Session session, List<String> keys, StringBuilder out) {
    if (keys.isEmpty()) {
      throw new UsageException("hosts: listing the whole hosts database is not supported; give"
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

  /**
   * Looks a key up as getent.c {@code hosts_keys} does: an IPv6 literal, then an IPv4 literal, by
   * address; otherwise by name for AF_INET6, then AF_INET. Returns the last failure when not found.
   */
  @Override
  public NetDbException lookupKey(Session session, String key, StringBuilder out) {
    byte[] address = parse(AddressFamily.INET6, key);
    if (address == null) {
      address = parse(AddressFamily.INET, key);
    }
    HostEntry e;
    try {
      if (address != null) {
        e = session.netDb().hostByAddress(address);
      } else {
        try {
          e = session.netDb().hostByName(key, AddressFamily.INET6);
        } catch (NetDbException v6) {
          e = session.netDb().hostByName(key, AddressFamily.INET);
        }
      }
    } catch (NetDbException failure) {
      return failure;
    }
    print(out, e);
    return null;
  }

  private static byte[] parse(AddressFamily family, String key) {
    try {
      return Inet.pton(family, key);
    } catch (NetDbException e) {
      return null;
    }
  }

  /** Appends an entry as getent's {@code print_hosts} does: one line per address. */
  static void print(StringBuilder out, HostEntry e) {
    for (String address : e.addresses()) {
      GetentCommand.padRight(out, address, 15);
      out.append(' ').append(e.name());
      for (String alias : e.aliases()) {
        out.append(' ').append(alias);
      }
      out.append('\n');
    }
  }
}
