package dev.netdb.resolve;

import dev.netdb.AddressFamily;
import dev.netdb.dns.DnsClient;
import dev.netdb.dns.HostLookup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The DNS stage over {@link DnsClient}: forward lookups by {@code lookupHost}, reverse by {@code
 * lookupAddress}, with glibc's {@code h_errno} carried over. The client (and its selector thread)
 * is created on the first lookup, so building a back end opens no socket; if it cannot be created
 * every lookup is {@code TRY_AGAIN}.
 */
public final class DnsHostResolver implements HostResolver {
  private final Supplier<DnsClient> factory;
  private volatile DnsClient client;
  private volatile boolean failed;

  /** Creates the stage; {@code factory} makes the client on first use. */
  public DnsHostResolver(Supplier<DnsClient> factory) {
    this.factory = factory;
  }

  /** Returns a factory for {@link DnsClient#create} that reports an I/O failure as null. */
  public static Supplier<DnsClient> creating(
      Supplier<dev.netdb.dns.ResolverConfig> config, dev.netdb.dns.DnsCache cache) {
    return creating(config, cache, 0);
  }

  /** Returns such a factory with a cap on sockets in flight (0: derived from the descriptor limit). */
  public static Supplier<DnsClient> creating(
      Supplier<dev.netdb.dns.ResolverConfig> config, dev.netdb.dns.DnsCache cache, int maxSocketsInFlight) {
    return () -> {
      try {
        return DnsClient.create(config, cache, maxSocketsInFlight);
      } catch (IOException e) {
        return null;
      }
    };
  }

  private DnsClient client() {
    DnsClient c = client;
    if (c == null && !failed) {
      synchronized (this) {
        c = client;
        if (c == null && !failed) {
          c = factory.get();
          client = c;
          failed = c == null;
        }
      }
    }
    return c;
  }

  @Override
  public CompletableFuture<HostAnswer> lookup(String name, int family) {
    if (name.isEmpty()) {
      // nss_dns fails an empty name with NO_RECOVERY and sends nothing (glibc 2.36 in the oracle
      // namespace: gethostbyname_ex('') is herror(3) with "hosts: files dns", python-semantics.md
      // §6a #54 notes; herror(1) with "hosts: files", HostResolver.none()).
      return CompletableFuture.completedFuture(new HostAnswer.NoRecovery());
    }
    DnsClient c = client();
    if (c == null) {
      return CompletableFuture.completedFuture(new HostAnswer.TryAgain());
    }
    AddressFamily af = family == 2 ? AddressFamily.INET : family == 10 ? AddressFamily.INET6 : AddressFamily.UNSPEC;
    return c.lookupHost(name, af).thenApply(DnsHostResolver::answer);
  }

  @Override
  public CompletableFuture<HostAnswer> reverse(byte[] address) {
    DnsClient c = client();
    if (c == null) {
      return CompletableFuture.completedFuture(new HostAnswer.TryAgain());
    }
    try {
      // getByAddress with a null name makes no lookup.
      return c.lookupAddress(InetAddress.getByAddress(null, address)).thenApply(DnsHostResolver::answer);
    } catch (UnknownHostException e) {
      return CompletableFuture.completedFuture(new HostAnswer.NotFound());
    }
  }

  static HostAnswer answer(HostLookup l) {
    return switch (l) {
      case HostLookup.Found f -> new HostAnswer.Found(
          f.canonicalName(), f.aliases(), f.addresses().stream().map(InetAddress::getAddress).toList());
      case HostLookup.Failed x -> switch (x.error()) {
        case HOST_NOT_FOUND -> new HostAnswer.NotFound();
        case TRY_AGAIN -> new HostAnswer.TryAgain();
        case NO_RECOVERY -> new HostAnswer.NoRecovery();
        case NO_DATA -> new HostAnswer.NoData();
        case STREAM_BROKEN, FINAL_RCODE, EMFILE, ENFILE -> new HostAnswer.Failed(x.error());
      };
    };
  }
}
