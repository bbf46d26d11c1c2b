package dev.netdb.cli;

import dev.netdb.NetDb;
import dev.netdb.NetDbBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Creates the {@link NetDb} that the options ask for. It is the one place that knows the library's
 * factories, so wiring new builder inputs touches only this class.
 */
final class BackendFactory {
  private BackendFactory() {}

  /** Creates the back end; throws {@link UsageException} when the options cannot be honoured. */
  static NetDb create(Options o) {
    String backend = o.backend();
    if (o.hasJavaOptions()) {
      if ("os".equals(backend)) {
        throw new UsageException("--hosts, --resolv-conf, --nameserver, --gai-conf, --no-cache,"
            + " --hostname and --interface apply to the java back end only");
      }
      NetDbBuilder b = NetDb.builder().cache(!o.noCache());
      if (o.hosts() != null) {
        b.hostsFile(Path.of(o.hosts()));
      }
      if (o.resolvConf() != null) {
        b.resolvConf(Path.of(o.resolvConf()));
      }
      if (o.gaiConf() != null) {
        b.gaiConf(Path.of(o.gaiConf()));
      }
      for (String server : o.nameservers()) {
        b.nameserver(nameserver(server));
      }
      if (o.hostname() != null) {
        b.hostname(o.hostname());
      }
      for (String address : o.interfaces()) {
        interfaceAddress(b, address);
      }
      return b.build();
    }
    if (backend == null) {
      return NetDb.system();
    }
    return "os".equals(backend) ? NetDb.os() : NetDb.java();
  }

  /**
   * Parses {@code --nameserver}: {@code IPV4}, {@code IPV4:PORT}, {@code IPV6} or {@code
   * [IPV6]:PORT}, port 53 by default. Only literals are accepted, so parsing never looks a name up.
   */
  static InetSocketAddress nameserver(String text) {
    String host = text;
    int port = 53;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0 || close + 1 < text.length() && text.charAt(close + 1) != ':') {
        throw new UsageException("--nameserver: bad address '" + text + "'");
      }
      host = text.substring(1, close);
      if (close + 1 < text.length()) {
        port = port(text, text.substring(close + 2));
      }
    } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') >= 0) {
      host = text.substring(0, text.indexOf(':'));
      port = port(text, text.substring(text.indexOf(':') + 1));
    }
    try {
      return new InetSocketAddress(InetAddress.ofLiteral(host), port);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--nameserver: '" + text + "' is not IP[:PORT] with a numeric IP");
    }
  }

  /** Adds {@code --interface IP/PREFIX[%INDEX]} (index 1, loopback's, by default) to {@code b}. */
  static void interfaceAddress(NetDbBuilder b, String text) {
    int slash = text.indexOf('/');
    int percent = text.indexOf('%', Math.max(slash, 0));
    if (slash < 0) {
      throw new UsageException("--interface: '" + text + "' is not IP/PREFIX[%INDEX]");
    }
    String end = percent < 0 ? text.substring(slash + 1) : text.substring(slash + 1, percent);
    try {
      int prefix = Integer.parseInt(end);
      int index = percent < 0 ? 1 : Integer.parseInt(text.substring(percent + 1));
      if (index < 1) {
        throw new UsageException("--interface: bad index in '" + text + "'");
      }
      b.interfaceAddress(InetAddress.ofLiteral(text.substring(0, slash)), prefix, index);
    } catch (IllegalArgumentException e) { // NumberFormatException included
      throw new UsageException("--interface: '" + text + "' is not IP/PREFIX[%INDEX] ("
          + e.getMessage() + ")");
    }
  }

  private static int port(String text, String port) {
    try {
      int p = Integer.parseInt(port);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--nameserver: bad port in '" + text + "'");
  }
}
