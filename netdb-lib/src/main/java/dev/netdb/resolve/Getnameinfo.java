package dev.netdb.resolve;

import dev.netdb.backend.AddressInfo;
import dev.netdb.backend.Hostent;
import dev.netdb.backend.HostAndService;
import dev.netdb.files.Servent;
import dev.netdb.dns.LookupFailure;
import dev.netdb.dns.DnsError;
import dev.netdb.dns.Eai;
import dev.netdb.text.IpLiterals;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * glibc 2.36's {@code getnameinfo} for IPv4 and IPv6 socket addresses: the host by {@code
 * gethostbyaddr_r} unless {@code NI_NUMERICHOST} (numeric IPv6 text gets {@code %scope}: the
 * interface name for link-local unicast and multicast when known, else the decimal id), the
 * service by {@code getservbyport_r} for tcp or, with {@code NI_DGRAM}, udp, unless {@code
 * NI_NUMERICSERV}.
 */
public final class Getnameinfo {
  static final int NI_NUMERICHOST = 1;
  static final int NI_NUMERICSERV = 2;
  static final int NI_NOFQDN = 4;
  static final int NI_NAMEREQD = 8;
  static final int NI_DGRAM = 16;
  /** NI_NUMERICHOST..NI_DGRAM plus glibc's NI_IDN (32) and its two deprecated companions. */
  static final int VALID_FLAGS = 0xff;

  private final Environment env;
  private final HostDatabase hosts;

  /** Creates the lookup over {@code env}. */
  public Getnameinfo(Environment env, HostDatabase hosts) {
    this.env = env;
    this.hosts = hosts;
  }

  /** Runs {@code getnameinfo}; the future fails with a {@link dev.netdb.GaiException}. */
  public CompletableFuture<HostAndService> run(AddressInfo sa, int flags) {
    String input = sa.host();
    if ((flags & ~VALID_FLAGS) != 0) {
      return CompletableFuture.failedFuture(Eai.BADFLAGS.error(input));
    }
    if (sa.family() != NameStage.AF_INET && sa.family() != NameStage.AF_INET6) {
      return CompletableFuture.failedFuture(Eai.FAMILY.error(input));
    }
    byte[] addr = sa.address();
    String serv = service(sa.port() & 0xffff, flags);
    CompletableFuture<String> host;
    if ((flags & NI_NUMERICHOST) != 0) {
      // glibc gni_host_inet: NI_NAMEREQD fails whenever no name was looked up, even when the
      // caller asked for the numeric form.
      if ((flags & NI_NAMEREQD) != 0) {
        return CompletableFuture.failedFuture(Eai.NONAME.error(input));
      }
      host = CompletableFuture.completedFuture(numericHost(addr, sa.scopeId()));
    } else {
      host = hosts.byAddress(addr).handle((entry, err) -> hostName(entry, err, addr, sa, flags));
    }
    return host.thenApply(h -> new HostAndService(h, serv));
  }

  private String hostName(Hostent entry, Throwable err, byte[] addr, AddressInfo sa, int flags) {
    if (entry != null) {
      String name = entry.name();
      if ((flags & NI_NOFQDN) != 0) {
        name = stripDomain(name);
      }
      return name;
    }
    Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    if (!(cause instanceof LookupFailure lf && lf.kind() == LookupFailure.Kind.HOST)) {
      // Not an h_errno outcome (a closed resolver, a refused destination): not glibc's to map.
      throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
    }
    if (lf.code() == DnsError.TRY_AGAIN.herrno()) {
      throw Eai.AGAIN.error(sa.host());
    }
    if ((flags & NI_NAMEREQD) != 0) {
      throw Eai.NONAME.error(sa.host());
    }
    return numericHost(addr, sa.scopeId());
  }

  /** glibc {@code nrl_domainname}: the part of this host's name after its first dot. */
  private String stripDomain(String name) {
    String self = env.hostname().get();
    String domain = null;
    int dot = self.indexOf('.');
    if (dot >= 0) {
      domain = self.substring(dot + 1);
    } else {
      var m = env.hosts().get().byName(self, NameStage.AF_INET, env.hostConf().get().multi());
      if (m != null) {
        for (String n : concat(m.name(), m.aliases())) {
          int d = n.indexOf('.');
          if (d >= 0) {
            domain = n.substring(d + 1);
            break;
          }
        }
      }
    }
    if (domain == null || domain.isEmpty()) {
      return name;
    }
    int at = name.indexOf(domain);
    if (at > 0 && name.charAt(at - 1) == '.') {
      return name.substring(0, at - 1);
    }
    return name;
  }

  private static java.util.List<String> concat(String first, java.util.List<String> rest) {
    java.util.List<String> out = new java.util.ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }

  /** Formats the address as {@code inet_ntop} does, with {@code %scope} for a non-zero IPv6 scope. */
  String numericHost(byte[] addr, long scopeId) {
    String text = IpLiterals.ntop(addr);
    if (addr.length == 4 || scopeId == 0) {
      return text;
    }
    boolean linkLocal = (addr[0] & 0xff) == 0xfe && (addr[1] & 0xc0) == 0x80;
    boolean mcLinkLocal = (addr[0] & 0xff) == 0xff && (addr[1] & 0xf) == 2;
    if (linkLocal || mcLinkLocal) {
      String ifName = env.interfaceName().apply((int) scopeId);
      if (ifName != null) {
        return text + "%" + ifName;
      }
    }
    return text + "%" + Long.toUnsignedString(scopeId & 0xFFFFFFFFL);
  }

  private String service(int port, int flags) {
    if ((flags & NI_NUMERICSERV) == 0) {
      Servent s = env.services().byPort(port, (flags & NI_DGRAM) != 0 ? "udp" : "tcp");
      if (s != null) {
        return s.name();
      }
    }
    return Integer.toString(port);
  }
}
