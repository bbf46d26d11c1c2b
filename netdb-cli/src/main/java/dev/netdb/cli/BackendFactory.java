package dev.netdb.cli;

import dev.netdb.AddressFamily;
import dev.netdb.Inet;
import dev.netdb.NetDb;
import dev.netdb.NetDbBuilder;
import dev.netdb.NetDbException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * Creates the {@link NetDb} that the options ask for. It is the one place that knows the library's
 * factories and builder, so wiring new back-end inputs touches only this class.
 */
final class BackendFactory {
  private BackendFactory() {}

  /** Creates the back end; throws {@link UsageException} when the options cannot be honoured. */
  static NetDb create(Options o) {
    String backend = o.backend();
    if (o.hasJavaOptions()) {
      if ("os".equals(backend)) {
        throw new UsageException("--hosts, --resolv-conf, --nameserver, --gai-conf, --no-cache,"
            + " --hostname, --interface and --udp-max-queries apply to the java back end only");
      }
      // A batch makes many calls: files are checked once a second, not on every call (SPEC §3).
      NetDbBuilder b = NetDb.builder().fileCheckInterval(FILE_CHECK).serialExecutor(Callbacks::run);
      if (o.hosts() != null) {
        b.hostsFile(Path.of(o.hosts()));
      }
      if (o.resolvConf() != null) {
        b.resolvConf(Path.of(o.resolvConf()));
      }
      if (o.gaiConf() != null) {
        b.gaiConf(Path.of(o.gaiConf()));
      }
      for (String ns : o.nameservers()) {
        b.nameserver(nameserver(ns));
      }
      if (o.noCache()) {
        b.cache(false);
      }
      if (o.hostname() != null) {
        b.hostname(o.hostname());
      }
      for (String address : o.interfaces()) {
        interfaceAddress(b, address);
      }
      b.udpMaxQueries(o.udpMaxQueries());
      return b.build();
    }
    if (backend == null) {
      return NetDb.system();
    }
    return "os".equals(backend) ? NetDb.os() : SystemJava.INSTANCE;
  }

  /** How long a read of each file is trusted: one second, for batches. */
  static final java.time.Duration FILE_CHECK = java.time.Duration.ofSeconds(1);

  /**
   * The java back end's callback thread ({@link CallbackThread}), started with the first callback:
   * a command that makes no DNS lookup (services, protocols) starts no thread.
   */
  private static final class Callbacks {
    static final CallbackThread INSTANCE = new CallbackThread();

    /** Hands {@code task} to the thread, starting it first if need be. */
    static void run(Runnable task) {
      INSTANCE.execute(task);
    }
  }

  /**
   * The java back end on the system's files, built on first use and never closed (like {@link
   * NetDb#java()}, but with files checked once a second).
   */
  private static final class SystemJava {
    static final NetDb INSTANCE = NetDb.builder().fileCheckInterval(FILE_CHECK).serialExecutor(Callbacks::run).build();
  }

  /**
   * Parses {@code IP}, {@code IP:PORT} or {@code [IPv6]:PORT} (port 53 by default) without any
   * lookup: the address must be numeric.
   */
  static InetSocketAddress nameserver(String text) {
    String host = text;
    int port = 53;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0 || (close + 1 < text.length() && text.charAt(close + 1) != ':')) {
        throw bad(text);
      }
      host = text.substring(1, close);
      if (close + 1 < text.length()) {
        port = port(text, text.substring(close + 2));
      }
    } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      host = text.substring(0, text.indexOf(':'));
      port = port(text, text.substring(text.indexOf(':') + 1));
    }
    byte[] address;
    try {
      address = host.indexOf(':') >= 0 ? Inet.pton(AddressFamily.INET6, host)
          : Inet.pton(AddressFamily.INET, host);
    } catch (NetDbException e) {
      throw bad(text);
    }
    try {
      return new InetSocketAddress(InetAddress.getByAddress(address), port); // no lookup
    } catch (UnknownHostException e) {
      throw bad(text);
    }
  }

  /**
   * Adds {@code --interface IP/PREFIX[%INDEX]} (index 1, loopback's, by default) to {@code b};
   * the address must be numeric.
   */
  static void interfaceAddress(NetDbBuilder b, String text) {
    int slash = text.indexOf('/');
    int percent = text.indexOf('%', Math.max(slash, 0));
    if (slash < 0) {
      throw new UsageException("--interface takes IP/PREFIX[%INDEX], not '" + text + "'");
    }
    String host = text.substring(0, slash);
    String prefix = percent < 0 ? text.substring(slash + 1) : text.substring(slash + 1, percent);
    String index = percent < 0 ? "1" : text.substring(percent + 1);
    if (!Words.isInteger(prefix) || prefix.startsWith("-") || prefix.startsWith("+")
        || prefix.length() > 3 || !Words.isInteger(index) || index.startsWith("-")
        || index.startsWith("+") || index.length() > 9 || Integer.parseInt(index) < 1) {
      throw new UsageException("--interface takes IP/PREFIX[%INDEX], not '" + text + "'");
    }
    try {
      byte[] address = host.indexOf(':') >= 0 ? Inet.pton(AddressFamily.INET6, host)
          : Inet.pton(AddressFamily.INET, host);
      b.interfaceAddress(InetAddress.getByAddress(address), Integer.parseInt(prefix),
          Integer.parseInt(index)); // getByAddress: no lookup
    } catch (NetDbException | UnknownHostException | IllegalArgumentException e) {
      throw new UsageException("--interface takes IP/PREFIX[%INDEX], not '" + text + "'");
    }
  }

  private static int port(String text, String digits) {
    if (!Words.isInteger(digits) || digits.startsWith("-") || digits.startsWith("+")
        || digits.length() > 5 || Integer.parseInt(digits) > 65535) {
      throw bad(text);
    }
    return Integer.parseInt(digits);
  }

  private static UsageException bad(String text) {
    return new UsageException("--nameserver takes a numeric IP[:PORT] or [IPv6]:PORT, not '"
        + text + "'");
  }
}
