package dev.netdb;

import dev.netdb.backend.AddressInfo;
import dev.netdb.text.IpLiterals;
import dev.netdb.backend.Backend;
import dev.netdb.backend.HostAndService;
import dev.netdb.backend.Hostent;
import dev.netdb.dns.LookupFailure;
import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
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
  final Map<String, List<AddressInfo>> addrinfo = new LinkedHashMap<>();
  final Map<String, Hostent> byName = new LinkedHashMap<>();
  final Map<String, Hostent> byAddr = new LinkedHashMap<>();
  final List<Servent> services =
      List.of(
          new Servent("http", List.of("www"), 80, "tcp"),
          new Servent("imap2", List.of("imap"), 143, "tcp"));
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
  public List<AddressInfo> getaddrinfo(
      String host, String service, int family, int type, int proto, int flags) {
    calls.add("getaddrinfo " + host + " " + service + " " + family + " " + flags);
    if (host == null) {
      List<AddressInfo> any = new ArrayList<>();
      if (family != 10) {
        any.add(new AddressInfo(2, 2, 17, "", IpLiterals.pton4("0.0.0.0"), 0, 0, 0));
      }
      if (family != 2) {
        any.add(new AddressInfo(10, 2, 17, "", IpLiterals.pton6("::"), 0, 0, 0));
      }
      return any;
    }
    List<AddressInfo> r = addrinfo.get(host + "/" + family);
    if (r == null && (flags & 4) != 0) {
      throw LookupFailure.gai(-2, "Name or service not known", null);
    }
    if (r == null) {
      throw LookupFailure.gai(-2, "Name or service not known", null);
    }
    return r;
  }

  @Override
  public Hostent gethostbyname(String host, int family) {
    calls.add("gethostbyname " + host);
    Hostent h = byName.get(host);
    if (h == null) {
      throw LookupFailure.host(1, "Unknown host", null);
    }
    return h;
  }

  @Override
  public Hostent gethostbyaddr(byte[] address, int family) {
    String key = dev.netdb.Inet.ntop(
        family == 2 ? dev.netdb.AddressFamily.INET : dev.netdb.AddressFamily.INET6, address);
    calls.add("gethostbyaddr " + key);
    Hostent h = byAddr.get(key);
    if (h == null) {
      throw LookupFailure.host(1, "Unknown host", null);
    }
    return h;
  }

  @Override
  public HostAndService getnameinfo(AddressInfo sockaddr, int flags) {
    calls.add("getnameinfo " + sockaddr.host() + " " + sockaddr.port() + " " + sockaddr.flowInfo()
        + " " + sockaddr.scopeId());
    return new HostAndService(sockaddr.host(), Integer.toString(sockaddr.port()));
  }

  @Override
  public Servent getservbyname(String name, String proto) {
    for (Servent s : services) {
      if ((s.name().equals(name) || s.aliases().contains(name))
          && (proto == null || proto.equals(s.protocol()))) {
        return s;
      }
    }
    return null;
  }

  @Override
  public Servent getservbyport(int port, String proto) {
    for (Servent s : services) {
      if (s.port() == port && (proto == null || proto.equals(s.protocol()))) {
        return s;
      }
    }
    return null;
  }

  @Override
  public Protoent getprotobyname(String name) {
    return name.equals("tcp") || name.equals("TCP") ? new Protoent("tcp", List.of("TCP"), 6)
        : null;
  }

  @Override
  public Protoent getprotobynumber(int number) {
    return number == 6 ? new Protoent("tcp", List.of("TCP"), 6) : null;
  }

  @Override
  public List<Servent> services() {
    return services;
  }

  @Override
  public List<Protoent> protocols() {
    return List.of(new Protoent("tcp", List.of("TCP"), 6));
  }

  @Override
  public CompletableFuture<List<AddressInfo>> getaddrinfoAsync(
      String host, String service, int family, int type, int proto, int flags) {
    return Backend.completed(() -> getaddrinfo(host, service, family, type, proto, flags));
  }

  @Override
  public CompletableFuture<Hostent> gethostbynameAsync(String host, int family) {
    return Backend.completed(() -> gethostbyname(host, family));
  }

  @Override
  public CompletableFuture<Hostent> gethostbyaddrAsync(byte[] address, int family) {
    return Backend.completed(() -> gethostbyaddr(address, family));
  }

  @Override
  public CompletableFuture<HostAndService> getnameinfoAsync(AddressInfo sockaddr, int flags) {
    return Backend.completed(() -> getnameinfo(sockaddr, flags));
  }
}
