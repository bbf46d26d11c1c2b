package dev.netdb.cli;

import dev.netdb.NetDbException;
import dev.netdb.ServiceEntry;
import java.util.List;
import java.util.Optional;

/** {@code getent services [KEY...]}. */
final class ServicesCommand implements GetentCommand {
  @Override
  public String name() {
    return "services";
  }

  @Override
  public int run(Session session, List<String> keys, StringBuilder out) {
    if (keys.isEmpty()) {
      for (ServiceEntry e : session.netDb().services()) {
        print(out, e);
      }
      return 0;
    }
    int result = 0;
    for (String key : keys) {
      int slash = key.indexOf('/');
      String name = slash < 0 ? key : key.substring(0, slash);
      String proto = slash < 0 ? null : key.substring(slash + 1);
      Optional<ServiceEntry> e;
      try {
        // getent.c services_keys: a key starting with a digit that strtol parses whole as
        // 0..65535 is a port, anything else a name
        long port = decimalPort(name);
        e = port >= 0 ? session.netDb().serviceByPort((int) port, proto)
            : session.netDb().serviceByName(name, proto);
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

  /** Returns the port of a key that is all decimal digits and at most 65535, else -1. */
  static long decimalPort(String key) {
    if (key.isEmpty()) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = Math.min(v * 10 + (c - '0'), 65536);
    }
    return v <= 65535 ? v : -1;
  }

  /** Appends one entry as getent's {@code print_services} does. */
  static void print(StringBuilder out, ServiceEntry e) {
    GetentCommand.padRight(out, e.name(), 21);
    out.append(' ').append(e.port()).append('/').append(e.protocol());
    for (String alias : e.aliases()) {
      out.append(' ').append(alias);
    }
    out.append('\n');
  }
}
