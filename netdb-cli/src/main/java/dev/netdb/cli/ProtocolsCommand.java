package dev.netdb.cli;

import dev.netdb.NetDbException;
import dev.netdb.ProtocolEntry;
import java.util.List;
import java.util.Optional;

/** {@code getent protocols [KEY...]}. */
final class ProtocolsCommand implements GetentCommand {
  @Override
  public String name() {
    return "protocols";
  }

  @Override
  public int run(Session session, List<String> keys, StringBuilder out) {
    if (keys.isEmpty()) {
      for (ProtocolEntry e : session.netDb().protocols()) {
        print(out, e);
      }
      return 0;
    }
    int result = 0;
    for (String key : keys) {
      Optional<ProtocolEntry> e;
      try {
        // getent.c protocols_keys: isdigit(key[0]) ? getprotobynumber(atol(key)) : by name
        e = !key.isEmpty() && key.charAt(0) >= '0' && key.charAt(0) <= '9'
            ? session.netDb().protocolByNumber((int) atol(key))
            : session.netDb().protocolByName(key);
      } catch (NetDbException ex) {
        e = Optional.empty();
      }
      if (e.isPresent()) {
        print(out, e.get());
      } else {
        result = 2;
      }
    }
    return result;
  }

  /** Returns C's {@code atol}: leading decimal digits, saturating at {@code LONG_MAX}. */
  static long atol(String s) {
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
        return Long.MAX_VALUE; // glibc's atol is strtol, which saturates
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Appends one entry as getent's {@code print_protocols} does. */
  static void print(StringBuilder out, ProtocolEntry e) {
    GetentCommand.padRight(out, e.name(), 21);
    out.append(' ').append(e.number());
    for (String alias : e.aliases()) {
      out.append(' ').append(alias);
    }
    out.append('\n');
  }
}
