package dev.netdb.resolve;

import dev.netdb.dns.LookupFailure;
import dev.netdb.AddrInfo;
import dev.netdb.HostEntry;
import dev.netdb.NameInfo;
import dev.netdb.NetDb;
import dev.netdb.backend.AddressInfo;
import dev.netdb.backend.HostAndService;
import dev.netdb.backend.Hostent;
import dev.netdb.NetDbException;
import dev.netdb.files.FilesDatabases;
import dev.netdb.files.GaiConf;
import dev.netdb.files.HostConf;
import dev.netdb.files.HostsFile;
import dev.netdb.PythonLayers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;

/**
 * The reference experiment's set-up (python-semantics.md section 0) as an {@link Environment}:
 * the fixture hosts file, hostname {@code testhost}, netbase 6.4 services and protocols (the
 * embedded copies), no DNS, and one of the four networks. Also renders results as the reference
 * tables write them.
 */
final class Fixture {
  private Fixture() {}

  /** The networks of the reference experiment. */
  enum Network {
    DUAL(List.of(
        LocalAddress.of("127.0.0.1", 8, 1), LocalAddress.of("::1", 128, 1),
        LocalAddress.of("192.0.2.2", 24, 2), LocalAddress.of("2001:db8::2", 64, 2),
        LocalAddress.of("fe80::2", 64, 2))),
    LO_ONLY(List.of(LocalAddress.of("127.0.0.1", 8, 1), LocalAddress.of("::1", 128, 1))),
    V4_ONLY(List.of(
        LocalAddress.of("127.0.0.1", 8, 1), LocalAddress.of("::1", 128, 1),
        LocalAddress.of("192.0.2.2", 24, 2))),
    V6_ONLY(List.of(
        LocalAddress.of("127.0.0.1", 8, 1), LocalAddress.of("::1", 128, 1),
        LocalAddress.of("2001:db8::2", 64, 2), LocalAddress.of("fe80::2", 64, 2)));

    final List<LocalAddress> addresses;

    Network(List<LocalAddress> addresses) {
      this.addresses = addresses;
    }
  }

  static String resource(String name) {
    try (InputStream in = Fixture.class.getResourceAsStream("/testdata/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Environment environment(Network net, String gaiConf, String hostConf, NssDns dns) {
    HostsFile hosts = HostsFile.parse(resource("hosts/reference"));
    HostConf hc = HostConf.parse(hostConf);
    GaiConf gc = GaiConf.parse(gaiConf);
    FilesDatabases db = FilesDatabases.open(
        Path.of("/nonexistent/netdb-test/services"), Path.of("/nonexistent/netdb-test/protocols"));
    return new Environment(
        () -> hosts,
        () -> hc,
        () -> gc,
        ServiceDirectory.of(db),
        dns,
        () -> "testhost",
        () -> net.addresses,
        SourceProbe.fromInterfaces(net.addresses),
        name -> name.equals("lo") ? 1 : name.equals("veth0") ? 2 : 0,
        index -> index == 1 ? "lo" : index == 2 ? "veth0" : null);
  }

  /** The reference set-up: Debian's host.conf ({@code multi on}), gai.conf all comments. */
  static NetDb netdb(Network net) {
    return netdb(net, "# all comments\n", "multi on\n");
  }

  static NetDb netdb(Network net, String gaiConf, String hostConf) {
    return PythonLayers.over(new JavaBackend(environment(net, gaiConf, hostConf, NssDns.none())));
  }

  /** Calls {@code call} and renders its result or its Python exception. */
  static String outcome(java.util.function.Supplier<Object> call) {
    try {
      return render(call.get());
    } catch (NetDbException | LookupFailure x) {
      NetDbException e = (NetDbException) PythonLayers.toPublic(x);
      String name = e.kind().pythonName();
      if (e.code().isPresent()) {
        return name + "(" + e.code().getAsInt() + ", " + quote(e.pythonMessage()) + ")";
      }
      return name + "(" + quote(e.pythonMessage()) + ")";
    }
  }

  static String render(Object o) {
    return switch (o) {
      case String s -> quote(s);
      case Integer i -> i.toString();
      case HostEntry h -> "(" + quote(h.name()) + ", " + list(h.aliases()) + ", " + list(h.addresses()) + ")";
      case Hostent h -> render(new HostEntry(h.name(), h.aliases(), h.addresses()));
      case NameInfo n -> "(" + quote(n.host()) + ", " + quote(n.service()) + ")";
      case HostAndService n -> render(new NameInfo(n.host(), n.service()));
      case List<?> l -> {
        StringJoiner j = new StringJoiner("; ", "[", "]");
        for (Object e : l) {
          j.add(e instanceof AddressInfo a
              ? entry(new AddrInfo(a.family(), a.type(), a.protocol(), a.canonicalName(), a.host(),
                  a.port(), a.flowInfo(), a.scopeId()))
              : entry((AddrInfo) e));
        }
        yield j.toString();
      }
      default -> String.valueOf(o);
    };
  }

  /** Renders one entry in the reference notation {@code F/T/P [canon='x'] sockaddr}. */
  static String entry(AddrInfo a) {
    String f = a.family() == 2 ? "4" : a.family() == 10 ? "6" : Integer.toString(a.family());
    String t = switch (a.type()) {
      case 1 -> "S";
      case 2 -> "D";
      case 3 -> "R";
      case 5 -> "Q";
      default -> Integer.toString(a.type());
    };
    String canon = a.canonicalName().isEmpty() ? "" : " canon=" + quote(a.canonicalName());
    String sa = a.family() == 10
        ? "(" + quote(a.host()) + ", " + a.port() + ", " + a.flowInfo() + ", " + a.scopeId() + ")"
        : "(" + quote(a.host()) + ", " + a.port() + ")";
    return f + "/" + t + "/" + a.protocol() + canon + " " + sa;
  }

  /** Renders only the hosts of the entries, joined by "; ", as the section 6b table does. */
  static String hosts(java.util.function.Supplier<Object> call) {
    try {
      Object o = call.get();
      StringJoiner j = new StringJoiner("; ");
      for (Object e : (List<?>) o) {
        j.add(e instanceof AddressInfo a ? a.host() : ((AddrInfo) e).host());
      }
      return j.toString();
    } catch (NetDbException | LookupFailure x) {
      NetDbException e = (NetDbException) PythonLayers.toPublic(x);
      return e.kind().pythonName() + "(" + e.code().orElse(0) + ")";
    }
  }

  private static String list(List<String> l) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    l.forEach(s -> j.add(quote(s)));
    return j.toString();
  }

  /** Quotes as Python's repr does for these strings: double quotes when a single quote is inside. */
  private static String quote(String s) {
    return s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? "\"" + s + "\"" : "'" + s + "'";
  }
}
