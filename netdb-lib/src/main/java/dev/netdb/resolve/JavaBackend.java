package dev.netdb.resolve;

import dev.netdb.AddrInfo;
import dev.netdb.HostEntry;
import dev.netdb.NameInfo;
import dev.netdb.ProtocolEntry;
import dev.netdb.ServiceEntry;
import dev.netdb.dns.DnsError;
import dev.netdb.python.Backend;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The pure-Java back end: glibc 2.36's naming calls reproduced over the hosts file, host.conf,
 * gai.conf, the services and protocols databases and a DNS resolver, all taken from an {@link
 * Environment}. Asynchronous calls never block a thread on DNS; the blocking ones wait for the
 * same futures. Safe for concurrent use.
 */
public final class JavaBackend implements Backend {
  private final Environment env;
  private final Getaddrinfo getaddrinfo;
  private final HostDatabase hosts;
  private final Getnameinfo getnameinfo;

  /** Creates the back end over {@code env}. */
  public JavaBackend(Environment env) {
    this.env = env;
    this.getaddrinfo = new Getaddrinfo(env);
    this.hosts = new HostDatabase(env);
    this.getnameinfo = new Getnameinfo(env, hosts);
  }

  /** Returns the environment this back end reads. */
  public Environment environment() {
    return env;
  }

  @Override
  public String name() {
    return "java";
  }

  @Override
  public String gethostname() {
    return env.hostname().get();
  }

  @Override
  public List<AddrInfo> getaddrinfo(
      String host, String service, int family, int type, int proto, int flags) {
    return join(getaddrinfoAsync(host, service, family, type, proto, flags));
  }

  @Override
  public CompletableFuture<List<AddrInfo>> getaddrinfoAsync(
      String host, String service, int family, int type, int proto, int flags) {
    return getaddrinfo.run(new Getaddrinfo.Request(host, service, family, type, proto, flags));
  }

  @Override
  public HostEntry gethostbyname(String host, int family) {
    return join(hosts.byName(host, family));
  }

  /** Asynchronous {@link #gethostbyname}. */
  public CompletableFuture<HostEntry> gethostbynameAsync(String host, int family) {
    return hosts.byName(host, family);
  }

  @Override
  public HostEntry gethostbyaddr(byte[] address, int family) {
    return join(gethostbyaddrAsync(address));
  }

  /** Asynchronous {@link #gethostbyaddr}. */
  public CompletableFuture<HostEntry> gethostbyaddrAsync(byte[] address) {
    if (address.length != 4 && address.length != 16) {
      return CompletableFuture.failedFuture(DnsError.HOST_NOT_FOUND.error(null));
    }
    return hosts.byAddress(address.clone());
  }

  @Override
  public NameInfo getnameinfo(AddrInfo sockaddr, int flags) {
    return join(getnameinfo.run(sockaddr, flags));
  }

  /** Asynchronous {@link #getnameinfo}. */
  public CompletableFuture<NameInfo> getnameinfoAsync(AddrInfo sockaddr, int flags) {
    return getnameinfo.run(sockaddr, flags);
  }

  @Override
  public ServiceEntry getservbyname(String name, String proto) {
    return env.services().byName(name, proto);
  }

  @Override
  public ServiceEntry getservbyport(int port, String proto) {
    return env.services().byPort(port, proto);
  }

  @Override
  public ProtocolEntry getprotobyname(String name) {
    return env.services().protocolByName(name);
  }

  @Override
  public ProtocolEntry getprotobynumber(int number) {
    return env.services().protocolByNumber(number);
  }

  @Override
  public List<ServiceEntry> services() {
    return env.services().services();
  }

  @Override
  public List<ProtocolEntry> protocols() {
    return env.services().protocols();
  }

  /** Waits for a future and rethrows its failure as it was raised (not wrapped). */
  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
