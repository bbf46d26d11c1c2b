package dev.netdb.python;

import dev.netdb.AddrInfo;
import dev.netdb.GaiException;
import dev.netdb.HostEntry;
import dev.netdb.HostException;
import dev.netdb.NameInfo;
import dev.netdb.ProtocolEntry;
import dev.netdb.ServiceEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An in-memory back end for testing the Python layer alone: a tiny hosts table and services list,
 * with a log of the calls the layer made (to check what is and is not looked up).
 */
final class FakeBackend implements Backend {
  final List<String> calls = new ArrayList<>();
  final Map<String, List<AddrInfo>> addrinfo = new LinkedHashMap<>();
  final Map<String, HostEntry> byName = new LinkedHashMap<>();
  final Map<String, HostEntry> byAddr = new LinkedHashMap<>();
  final List<ServiceEntry> services =
      List.of(
          new ServiceEntry("http", List.of("www"), 80, "tcp"),
          new ServiceEntry("imap2", List.of("imap"), 143, "tcp"));
  String hostname = "testhost";

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public String gethostname() {
    return hostname;
  }

  @Override
  public List<AddrInfo> getaddrinfo(
      String host, String service, int family, int type, int proto, int flags) {
    calls.add("getaddrinfo " + host + " " + service + " " + family + " " + flags);
    if (host == null) {
      List<AddrInfo> any = new ArrayList<>();
      if (family != 10) {
        any.add(new AddrInfo(2, 2, 17, "", "0.0.0.0", 0, 0, 0));
      }
      if (family != 2) {
        any.add(new AddrInfo(10, 2, 17, "", "::", 0, 0, 0));
      }
      return any;
    }
    List<AddrInfo> r = addrinfo.get(host + "/" + family);
    if (r == null && (flags & 4) != 0) {
      throw new GaiException(-2, "Name or service not known", null);
    }
    if (r == null) {
      throw new GaiException(-2, "Name or service not known", null);
    }
    return r;
  }

  @Override
  public HostEntry gethostbyname(String host, int family) {
    calls.add("gethostbyname " + host);
    HostEntry h = byName.get(host);
    if (h == null) {
      throw new HostException(1, "Unknown host", null);
    }
    return h;
  }

  @Override
  public HostEntry gethostbyaddr(byte[] address, int family) {
    String key = dev.netdb.Inet.ntop(
        family == 2 ? dev.netdb.AddressFamily.INET : dev.netdb.AddressFamily.INET6, address);
    calls.add("gethostbyaddr " + key);
    HostEntry h = byAddr.get(key);
    if (h == null) {
      throw new HostException(1, "Unknown host", null);
    }
    return h;
  }

  @Override
  public NameInfo getnameinfo(AddrInfo sockaddr, int flags) {
    calls.add("getnameinfo " + sockaddr.host() + " " + sockaddr.port() + " " + sockaddr.flowInfo()
        + " " + sockaddr.scopeId());
    return new NameInfo(sockaddr.host(), Integer.toString(sockaddr.port()));
  }

  @Override
  public ServiceEntry getservbyname(String name, String proto) {
    for (ServiceEntry s : services) {
      if ((s.name().equals(name) || s.aliases().contains(name))
          && (proto == null || proto.equals(s.protocol()))) {
        return s;
      }
    }
    return null;
  }

  @Override
  public ServiceEntry getservbyport(int port, String proto) {
    for (ServiceEntry s : services) {
      if (s.port() == port && (proto == null || proto.equals(s.protocol()))) {
        return s;
      }
    }
    return null;
  }

  @Override
  public ProtocolEntry getprotobyname(String name) {
    return name.equals("tcp") || name.equals("TCP") ? new ProtocolEntry("tcp", List.of("TCP"), 6)
        : null;
  }

  @Override
  public ProtocolEntry getprotobynumber(int number) {
    return number == 6 ? new ProtocolEntry("tcp", List.of("TCP"), 6) : null;
  }

  @Override
  public List<ServiceEntry> services() {
    return services;
  }

  @Override
  public List<ProtocolEntry> protocols() {
    return List.of(new ProtocolEntry("tcp", List.of("TCP"), 6));
  }

  @Override
  public CompletableFuture<List<AddrInfo>> getaddrinfoAsync(
      String host, String service, int family, int type, int proto, int flags) {
    return Backend.completed(() -> getaddrinfo(host, service, family, type, proto, flags));
  }

  @Override
  public CompletableFuture<HostEntry> gethostbynameAsync(String host, int family) {
    return Backend.completed(() -> gethostbyname(host, family));
  }

  @Override
  public CompletableFuture<HostEntry> gethostbyaddrAsync(byte[] address, int family) {
    return Backend.completed(() -> gethostbyaddr(address, family));
  }

  @Override
  public CompletableFuture<NameInfo> getnameinfoAsync(AddrInfo sockaddr, int flags) {
    return Backend.completed(() -> getnameinfo(sockaddr, flags));
  }
}
