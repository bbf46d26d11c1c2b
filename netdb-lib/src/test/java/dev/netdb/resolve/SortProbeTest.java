package dev.netdb.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.backend.AddressInfo;
import dev.netdb.files.GaiConf;
import dev.netdb.resolve.Getaddrinfo.Request;
import dev.netdb.text.IpLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When the RFC 3484 stage asks the source probe: once per distinct consecutive destination, and
 * not at all when every entry has one destination (the order cannot change then). The orders
 * themselves are glibc's, checked against its reference tables in {@link ReferenceTableTest};
 * here each result is also compared with the full sort of the same entries, probe and all.
 */
class SortProbeTest {

  /** A pipeline over the fixture whose probe counts its calls. */
  private record Counted(Getaddrinfo gai, AtomicInteger probes) {}

  private static Counted counted(Fixture.Network net, String gaiConf) {
    Environment base = Fixture.environment(net, gaiConf, "multi on\n", NssDns.none());
    AtomicInteger probes = new AtomicInteger();
    SourceProbe counting = (d, s, p) -> {
      probes.incrementAndGet();
      return base.sourceProbe().sourceFor(d, s, p);
    };
    return new Counted(new Getaddrinfo(new Environment(base.hosts(), base.hostConf(),
        base.gaiConf(), base.services(), base.dns(), base.hostname(), base.interfaces(), counting,
        base.interfaceIndex(), base.interfaceName())), probes);
  }

  /** The order glibc's sort gives {@code entries}: every entry probed, then rules 1 to 10. */
  private static List<AddressInfo> fullSort(Fixture.Network net, GaiConf conf, List<AddressInfo> entries) {
    SourceProbe probe = SourceProbe.fromInterfaces(net.addresses);
    List<Rfc3484.Candidate> cands = new ArrayList<>();
    for (AddressInfo e : entries) {
      byte[] dest = e.address();
      byte[] src = probe.sourceFor(dest, (int) e.scopeId(), e.port());
      cands.add(new Rfc3484.Candidate(dest, src, Rfc3484.sourceInfo(src, net.addresses)));
    }
    return IntStream.of(Rfc3484.order(cands, conf)).mapToObj(entries::get).toList();
  }

  @ParameterizedTest(name = "{0} {1} family={2} type={3}: {4} entries, {5} probes")
  @CsvSource(delimiter = '|', value = {
    // One address, its three socket types (gethostbyname's getaddrinfo): no probe.
    "DUAL    | v4only.example | 2  | 0 | 3 | 0",
    "DUAL    | v4only.example | 0  | 0 | 3 | 0",
    "DUAL    | v6only.example | 10 | 0 | 3 | 0",
    "DUAL    | fe80::1%lo     | 10 | 0 | 3 | 0",
    "LO_ONLY | v4only.example | 0  | 0 | 3 | 0",
    "DUAL    | 192.0.2.99     | 0  | 0 | 3 | 0",
    // One entry: nothing to sort.
    "DUAL    | v4only.example | 2  | 1 | 1 | 0",
    // The same address twice in the hosts file: six entries, one destination.
    "DUAL    | dup.example    | 2  | 0 | 6 | 0",
    // Distinct addresses: one probe per run of entries with one destination.
    "DUAL    | localhost      | 0  | 1 | 2 | 2",
    "DUAL    | localhost      | 0  | 0 | 6 | 2",
    "DUAL    | multi.example  | 0  | 0 | 9 | 3",
    "V4_ONLY | multi.example  | 0  | 1 | 3 | 3",
    "DUAL    | multi.example  | 2  | 2 | 2 | 2",
  })
  void probesOnlyWhereTheOrderCanChange(Fixture.Network net, String host, int family, int type,
      int entries, int probes) {
    for (String gaiConf : List.of("# all comments\n", "precedence ::ffff:0:0/96 100\n",
        "label ::/0 9\nscopev4 0.0.0.0/0 14\n")) {
      Counted c = counted(net, gaiConf);
      List<AddressInfo> got = c.gai().run(new Request(host, "80", family, type, 0, 0)).join().entries();
      assertThat(got).hasSize(entries);
      assertThat(c.probes()).as(gaiConf).hasValue(probes);
      assertThat(got).as(gaiConf).isEqualTo(fullSort(net, GaiConf.parse(gaiConf), got));
    }
  }

  /**
   * Equal candidates tie on every rule, whatever the source (none, loopback, global, link-local,
   * deprecated, a tunnel) and the tables: glibc's merge sort keeps them in their order (rule 10).
   */
  @ParameterizedTest(name = "{0} from {1}, deprecated={2}, tunnel={3}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
    "192.0.2.10    | null        | false | false",
    "192.0.2.10    | 192.0.2.2   | false | false",
    "192.0.2.10    | 192.0.2.2   | true  | false",
    "127.0.0.1     | 127.0.0.1   | false | false",
    "::1           | ::1         | false | false",
    "2001:db8::10  | 2001:db8::2 | false | true",
    "2001:db8::10  | 2001:db8::2 | true  | true",
    "fe80::1       | fe80::2     | false | false",
    "::ffff:1.2.3.4 | ::ffff:192.0.2.2 | false | false",
    "2002::1       | null        | false | false",
  })
  void equalCandidatesKeepTheirOrder(String dest, String source, boolean deprecated, boolean tunnel) {
    byte[] d = IpLiterals.pton4(dest) != null ? IpLiterals.pton4(dest) : IpLiterals.pton6(dest);
    byte[] s = source == null ? null
        : IpLiterals.pton4(source) != null ? IpLiterals.pton4(source) : IpLiterals.pton6(source);
    LocalAddress info = s == null ? null : new LocalAddress(s, s.length == 4 ? 24 : 64, 2, deprecated, tunnel);
    Rfc3484.Candidate one = new Rfc3484.Candidate(d, s, info);
    for (GaiConf conf : List.of(GaiConf.defaults(), GaiConf.parse("precedence ::/0 1\nlabel ::/0 3\n"))) {
      for (int n = 2; n <= 7; n++) {
        List<Rfc3484.Candidate> same = java.util.Collections.nCopies(n, one);
        assertThat(Rfc3484.order(same, conf)).containsExactly(IntStream.range(0, n).toArray());
      }
    }
  }
}
