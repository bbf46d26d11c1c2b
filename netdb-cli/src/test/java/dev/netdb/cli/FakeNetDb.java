package dev.netdb.cli;

import dev.netdb.AddrInfo;
import dev.netdb.AddressFamily;
import dev.netdb.GaiException;
import dev.netdb.HostEntry;
import dev.netdb.HostException;
import dev.netdb.NameInfo;
import dev.netdb.NetDb;
import dev.netdb.OverflowException;
import dev.netdb.ProtocolEntry;
import dev.netdb.ServiceEntry;
import dev.netdb.SystemException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A small in-memory {@link NetDb} for CLI tests: a few services, protocols and hosts, with the
 * errors Python raises for misses. It is not a resolver; it exists so commands can be tested before
 * (and independently of) the real back ends.
 */
final class FakeNetDb implements NetDb {
  static final List<ServiceEntry> SERVICES = List.of(
      new ServiceEntry("ftp", List.of(), 21, "tcp"),
      new ServiceEntry("http", List.of("www"), 80, "tcp"),
      new ServiceEntry("imap2", List.of("imap"), 143, "tcp"),
      new ServiceEntry("domain", List.of(), 53, "tcp"),
      new ServiceEntry("domain", List.of(), 53, "udp"));
  static final List<ProtocolEntry> PROTOCOLS = List.of(
      new ProtocolEntry("ip", List.of("IP"), 0),
      new ProtocolEntry("icmp", List.of("ICMP"), 1),
      new ProtocolEntry("tcp", List.of("TCP"), 6),
      new ProtocolEntry("udp", List.of("UDP"), 17));
  static final HostEntry VM = new HostEntry("vm", List.of("vm.local"), List.of("127.0.0.1"));

  @Override
  public String backendName() {
    return "fake";
  }

  @Override
  public String gethostname() {
    return "vm";
  }

  @Override
  public String gethostbyname(String host) {
    return gethostbynameEx(host).addresses().get(0);
  }

  @Override
  public HostEntry gethostbynameEx(String host) {
    if (host.equals("vm")) {
      return VM;
    }
    throw new GaiException(-2, "Name or service not known", host);
  }

  @Override
  public String getfqdn(String name) {
    return name.isBlank() ? "vm" : name.strip();
  }

  @Override
  public HostEntry gethostbyaddr(String ip) {
    if (ip.equals("127.0.0.1") || ip.equals("vm")) {
      return VM;
    }
    throw new HostException(1, "Unknown host", ip);
  }

  @Override
  public int getservbyname(String name, String proto) {
    return serviceByName(name, proto)
        .orElseThrow(() -> new SystemException("service/proto not found", name))
        .port();
  }

  @Override
  public String getservbyport(long port, String proto) {
    if (port < 0 || port > 65535) {
      throw new OverflowException("getservbyport: port must be 0-65535.", Long.toString(port));
    }
    return serviceByPort((int) port, proto)
        .orElseThrow(() -> new SystemException("port/proto not found", Long.toString(port)))
        .name();
  }

  @Override
  public int getprotobyname(String name) {
    return protocolByName(name)
        .orElseThrow(() -> new SystemException("protocol not found", name))
        .number();
  }

  @Override
  public List<AddrInfo> getaddrinfo(
      String host, String port, int family, int type, int proto, int flags) {
    if (!"127.0.0.1".equals(host) && host != null) {
      throw new GaiException(-2, "Name or service not known", host);
    }
    int p = port == null ? 0 : Integer.parseInt(port);
    return List.of(
        new AddrInfo(2, 1, 6, "", "127.0.0.1", p, 0, 0),
        new AddrInfo(10, 2, 17, "", "::1", p, 0, 3),
        new AddrInfo(12, 99, 0, "", "127.0.0.1", p, 0, 0));
  }

  @Override
  public NameInfo getnameinfo(String host, long port, int flags) {
    return new NameInfo(host, port == 80 ? "http" : Long.toString(port));
  }

  @Override
  public NameInfo getnameinfo(String host, long port, long flowInfo, long scopeId, int flags) {
    return new NameInfo(host + "%" + scopeId, Long.toString(port));
  }

  @Override
  public List<ServiceEntry> services() {
    return SERVICES;
  }

  @Override
  public List<ProtocolEntry> protocols() {
    return PROTOCOLS;
  }

  @Override
  public Optional<ServiceEntry> serviceByName(String name, String proto) {
    return SERVICES.stream()
        .filter(s -> proto == null || s.protocol().equals(proto))
        .filter(s -> s.name().equals(name) || s.aliases().contains(name))
        .findFirst();
  }

  @Override
  public Optional<ServiceEntry> serviceByPort(int port, String proto) {
    return SERVICES.stream()
        .filter(s -> s.port() == port && (proto == null || s.protocol().equals(proto)))
        .findFirst();
  }

  @Override
  public Optional<ProtocolEntry> protocolByName(String name) {
    return PROTOCOLS.stream()
        .filter(p -> p.name().equals(name) || p.aliases().contains(name))
        .findFirst();
  }

  @Override
  public Optional<ProtocolEntry> protocolByNumber(int number) {
    return PROTOCOLS.stream().filter(p -> p.number() == number).findFirst();
  }

  @Override
  public HostEntry hostByName(String name, AddressFamily family) {
    if (name.equals("vm") && family == AddressFamily.INET) {
      return VM;
    }
    throw new HostException(1, "Unknown host", name);
  }

  @Override
  public HostEntry hostByAddress(byte[] address) {
    throw new HostException(1, "Unknown host", null);
  }

  @Override
  public List<AddrInfo> addrinfo(
      String host, String service, int family, int type, int proto, int flags) {
    if (!host.equals("vm")) {
      throw new GaiException(-2, "Name or service not known", host);
    }
    return List.of(
        new AddrInfo(2, 1, 6, "vm", "127.0.0.1", 0, 0, 0),
        new AddrInfo(2, 2, 17, "", "127.0.0.1", 0, 0, 0),
        new AddrInfo(10, 3, 0, "", "fe80::1", 0, 0, 2));
  }

  @Override
  public CompletableFuture<List<AddrInfo>> getaddrinfoAsync(
      String host, String port, int family, int type, int proto, int flags) {
    return CompletableFuture.completedFuture(getaddrinfo(host, port, family, type, proto, flags));
  }

  @Override
  public CompletableFuture<String> gethostbynameAsync(String host) {
    return CompletableFuture.completedFuture(gethostbyname(host));
  }

  @Override
  public CompletableFuture<HostEntry> gethostbynameExAsync(String host) {
    return CompletableFuture.completedFuture(gethostbynameEx(host));
  }

  @Override
  public CompletableFuture<HostEntry> gethostbyaddrAsync(String ip) {
    return CompletableFuture.completedFuture(gethostbyaddr(ip));
  }

  @Override
  public CompletableFuture<String> getfqdnAsync(String name) {
    return CompletableFuture.completedFuture(getfqdn(name));
  }

  @Override
  public CompletableFuture<NameInfo> getnameinfoAsync(
      String host, long port, long flowInfo, long scopeId, int flags) {
    return CompletableFuture.completedFuture(getnameinfo(host, port, flowInfo, scopeId, flags));
  }
}
