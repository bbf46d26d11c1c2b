package dev.netdb.resolve;

import dev.netdb.backend.Hostent;
import dev.netdb.dns.DnsError;
import dev.netdb.dns.DnsName;
import dev.netdb.files.HostsFile;
import dev.netdb.dns.DnsHostResult;
import dev.netdb.text.IpLiterals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code gethostbyname2_r} and {@code gethostbyaddr_r} of glibc 2.36 over nsswitch {@code hosts:
 * files dns}: numeric names first ({@code __nss_hostname_digits_dots}), then the hosts file, then
 * DNS. Failures complete the future with a {@link dev.netdb.HostException} carrying {@code
 * h_errno}.
 */
public final class HostDatabase {
  private final Environment env;

  /** Creates the database over {@code env}. */
  public HostDatabase(Environment env) {
    this.env = env;
  }

  /** {@code gethostbyname2_r(name, family)} for {@code AF_INET} (2) or {@code AF_INET6} (10). */
  public CompletableFuture<Hostent> byName(String rawName, int family) {
    String name = IpLiterals.cString(rawName);
    try {
      Hostent numeric = digitsDots(name, family);
      if (numeric != null) {
        return CompletableFuture.completedFuture(numeric);
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    HostsFile.Match m = env.hosts().get().byName(name, family, env.hostConf().get().multi());
    if (m != null) {
      List<String> addrs = m.addresses().stream().map(IpLiterals::ntop).toList();
      return CompletableFuture.completedFuture(new Hostent(m.name(), m.aliases(), addrs));
    }
    // nss_dns's gethostbyname2_r sends nothing for a name that fails res_hnok: HOST_NOT_FOUND.
    if (!name.isEmpty() && !DnsName.isHostName(name)) {
      return CompletableFuture.failedFuture(DnsError.HOST_NOT_FOUND.error(name));
    }
    // An empty name goes to the DNS stage too, which decides: not found without DNS, NO_RECOVERY
    // with it (DnsHostResolver), never a query.
    return env.dns().lookup(name, family).thenApply(a -> entry(a, family == 2 ? 4 : 16, name));
  }

  /**
   * {@code gethostbyaddr_r} for a packed address: {@code ::} is never found; then the first
   * matching hosts line; then a DNS PTR lookup (its name, no aliases, the address asked for).
   */
  public CompletableFuture<Hostent> byAddress(byte[] address) {
    String text = IpLiterals.ntop(address);
    if (address.length == 16 && Arrays.equals(address, new byte[16])) {
      return CompletableFuture.failedFuture(DnsError.HOST_NOT_FOUND.error(text));
    }
    HostsFile.Line line = env.hosts().get().byAddress(address);
    if (line != null) {
      return CompletableFuture.completedFuture(new Hostent(line.name(), line.aliases(), List.of(text)));
    }
    return env.dns().reverse(address).thenApply(a -> switch (a) {
      case DnsHostResult.Found f -> new Hostent(f.canonicalName(), List.of(), List.of(text));
      default -> throw failure(a, text);
    });
  }

  /**
   * glibc {@code __nss_hostname_digits_dots}: a name of digits and dots not ending in a dot is
   * parsed with {@code __inet_aton_exact} (AF_INET) or {@code inet_pton} (AF_INET6); a name that
   * starts with a hex digit and has a colon, or starts with a colon, is not found for AF_INET and,
   * for AF_INET6, parsed as IPv6 when it has only hex digits, colons and dots. The entry's name
   * is the input; a failed parse is {@code HOST_NOT_FOUND} without any lookup. Returns null for
   * other names.
   */
  static Hostent digitsDots(String name, int family) {
    if (name.isEmpty()) {
      return null;
    }
    char c0 = name.charAt(0);
    if (IpLiterals.isDigit(c0) && name.chars().allMatch(c -> IpLiterals.isDigit((char) c) || c == '.')
        && !name.endsWith(".")) {
      byte[] a = family == 2 ? IpLiterals.atonExact(name) : IpLiterals.pton6(name);
      if (a == null) {
        throw DnsError.HOST_NOT_FOUND.error(name);
      }
      return new Hostent(name, List.of(), List.of(IpLiterals.ntop(a)));
    }
    if ((IpLiterals.hex(c0) >= 0 && name.indexOf(':') >= 0) || c0 == ':') {
      if (family == 2) {
        // glibc: an IPv6-looking name cannot be an AF_INET address; not found, without a lookup
        // (checked against glibc 2.36: gethostbyname_ex('::ffff:192.0.2.10') is herror 1).
        throw DnsError.HOST_NOT_FOUND.error(name);
      }
      boolean legal = name.chars().allMatch(c -> IpLiterals.hex((char) c) >= 0 || c == ':' || c == '.');
      if (legal && !name.endsWith(".")) {
        byte[] a = IpLiterals.pton6(name);
        if (a == null) {
          throw DnsError.HOST_NOT_FOUND.error(name);
        }
        return new Hostent(name, List.of(), List.of(IpLiterals.ntop(a)));
      }
    }
    return null;
  }

  private static Hostent entry(DnsHostResult a, int len, String name) {
    if (a instanceof DnsHostResult.Found f) {
      List<String> addrs = new ArrayList<>();
      for (byte[] b : f.addresses()) {
        if (b.length == len) {
          addrs.add(IpLiterals.ntop(b));
        }
      }
      if (addrs.isEmpty()) {
        throw DnsError.NO_DATA.error(name);
      }
      return new Hostent(f.canonicalName(), f.aliases(), addrs);
    }
    throw failure(a, name);
  }

  private static RuntimeException failure(DnsHostResult a, String input) {
    DnsError error = switch (a) {
      case DnsHostResult.Found f -> DnsError.NO_DATA;
      case DnsHostResult.Failed f -> f.error();
    };
    if (error.errno() != 0) {
      return NameStage.failure(error, false, input); // thrown as OSError, as for getaddrinfo
    }
    return error.error(input);
  }

}
