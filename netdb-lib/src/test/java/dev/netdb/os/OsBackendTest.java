package dev.netdb.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdb.backend.AddressInfo;
import dev.netdb.backend.HostAndService;
import dev.netdb.text.IpLiterals;
import dev.netdb.dns.LookupFailure;
import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import dev.netdb.os.bindings.Libc;
import dev.netdb.os.bindings.NetdbLayouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the OS back end against fixed expectations that need no oracle: struct offsets, glibc's
 * error texts, buffer growth, listings against {@code getent}, and concurrent use. Every host is
 * numeric.
 */
@EnabledOnOs(OS.LINUX)
class OsBackendTest {
  private static OsBackend backend;

  @BeforeAll
  static void create() {
    backend = OsBackend.create();
  }

  @Test
  void layoutsHaveGlibcLp64Offsets() {
    assertThat(NetdbLayouts.ADDRINFO.byteSize()).isEqualTo(48);
    assertThat(NetdbLayouts.AI_ADDRLEN).isEqualTo(16);
    assertThat(NetdbLayouts.AI_ADDR).isEqualTo(24);
    assertThat(NetdbLayouts.AI_CANONNAME).isEqualTo(32);
    assertThat(NetdbLayouts.AI_NEXT).isEqualTo(40);
    assertThat(NetdbLayouts.SOCKADDR_IN.byteSize()).isEqualTo(16);
    assertThat(NetdbLayouts.SOCKADDR_IN6.byteSize()).isEqualTo(28);
    assertThat(NetdbLayouts.SIN6_SCOPE_ID).isEqualTo(24);
    assertThat(NetdbLayouts.HOSTENT.byteSize()).isEqualTo(32);
    assertThat(NetdbLayouts.H_ADDR_LIST).isEqualTo(24);
    assertThat(NetdbLayouts.SERVENT.byteSize()).isEqualTo(32);
    assertThat(NetdbLayouts.S_PROTO).isEqualTo(24);
    assertThat(NetdbLayouts.PROTOENT.byteSize()).isEqualTo(24);
  }

  @Test
  void reportsAvailabilityAndGlibcVersion() {
    assertThat(OsBackend.isAvailable()).isTrue();
    assertThat(OsBackend.unavailableReason()).isEmpty();
    assertThat(OsBackend.libcVersion()).matches("2\\.\\d+");
    assertThat(backend.name()).isEqualTo("os");
  }

  @ParameterizedTest(name = "h_errno {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1  | Unknown host
          2  | Host name lookup failure
          3  | Unknown server error
          4  | No address associated with name
          -1 | Resolver internal error
          """)
  void hostErrorsCarryHstrerror(int herr, String message) {
    LookupFailure e = Errors.host(herr, "example");
    assertThat(e.kind()).isEqualTo(LookupFailure.Kind.HOST);
    assertThat(e.code()).isEqualTo(herr);
    assertThat(e.text()).isEqualTo(message);
    assertThat(e.getMessage()).contains("example");
  }

  @ParameterizedTest(name = "EAI {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          -1  | Bad value for ai_flags
          -2  | Name or service not known
          -3  | Temporary failure in name resolution
          -5  | No address associated with hostname
          -6  | ai_family not supported
          -8  | Servname not supported for ai_socktype
          -9  | Address family for hostname not supported
          -12 | Unknown error
          """)
  void gaiErrorsCarryGaiStrerror(int code, String message) {
    LookupFailure e = Errors.gai(code, 0, "x");
    assertThat(e.kind()).isEqualTo(LookupFailure.Kind.GAI);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.text()).isEqualTo(message);
  }

  @Test
  void eaiSystemBecomesOsErrorWithErrno() {
    // CPython's set_gaierror: EAI_SYSTEM raises OSError(errno) instead of gaierror.
    LookupFailure e = Errors.gai(Libc.EAI_SYSTEM, 24, "x");
    assertThat(e.kind()).isEqualTo(LookupFailure.Kind.SYSTEM);
    assertThat(e.code()).isEqualTo(24);
    assertThat(e.text()).isEqualTo("Too many open files");
  }

  @Test
  void errnoIsCapturedFromTheFailingCall() {
    // glibc's gethostname sets ENAMETOOLONG (36) when the name does not fit.
    try (var arena = java.lang.foreign.Arena.ofConfined()) {
      var state = Libc.allocateCallState(arena);
      assertThat(Libc.gethostname(state, arena.allocate(1), 1)).isEqualTo(-1);
      assertThat(Libc.errno(state)).isEqualTo(36);
      assertThat(Errors.strerror(36)).isEqualTo("File name too long");
    }
    assertThat(backend.gethostname()).isNotEmpty();
  }

  @Test
  void growingBufferDoublesOnErangeFromOneKibibyte() {
    List<Long> sizes = new ArrayList<>();
    try (var arena = java.lang.foreign.Arena.ofConfined()) {
      int rc =
          GrowingBuffer.run(
              arena,
              "x",
              (buf, len) -> {
                sizes.add(len);
                assertThat(buf.byteSize()).isEqualTo(len);
                return len < 8192 ? Libc.ERANGE : 0;
              });
      assertThat(rc).isZero();
    }
    assertThat(sizes).containsExactly(1024L, 2048L, 4096L, 8192L);
  }

  @Test
  void growingBufferGivesUpAtItsBound() {
    try (var arena = java.lang.foreign.Arena.ofConfined()) {
      assertThatThrownBy(() -> GrowingBuffer.run(arena, "big", (buf, len) -> Libc.ERANGE))
          .isInstanceOfSatisfying(
              LookupFailure.class,
              e -> {
                assertThat(e.kind()).isEqualTo(LookupFailure.Kind.SYSTEM);
                assertThat(e.code()).isEqualTo(Libc.ERANGE);
                assertThat(e.text()).isEqualTo("Numerical result out of range");
              });
    }
  }

  @Test
  void ipv6ResultsKeepScopeIdAndPort() {
    List<AddressInfo> r = backend.getaddrinfo("fe80::1%1", "8080", 10, 1, 0, 4);
    assertThat(r)
        .containsExactly(new AddressInfo(10, 1, 6, "", IpLiterals.pton6("fe80::1"), 8080, 0, 1));
  }

  @Test
  void getnameinfoSendsFlowInfoAndScope() {
    // The scope id must reach glibc for the %lo suffix; flow info is accepted as given.
    var ni = backend.getnameinfo(new AddressInfo(10, 0, 0, "", IpLiterals.pton6("fe80::1"), 22, 0xfffff, 1), 3);
    assertThat(ni.host()).isEqualTo("fe80::1%lo");
    assertThat(ni.service()).isEqualTo("22");
  }

  @Test
  void aSocketAddressIsPackedSoNoHostTextReachesGetnameinfo() {
    // The contract carries the packed address; only 4 or 16 bytes make an entry (the API edge
    // parses the public record's numeric text once, PublicEdge).
    assertThatThrownBy(() -> new AddressInfo(2, 0, 0, "", new byte[3], 1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 bytes");
    assertThat(backend.getnameinfo(new AddressInfo(2, 0, 0, "", IpLiterals.pton4("127.0.0.1"), 80, 0, 0), 3))
        .isEqualTo(new HostAndService("127.0.0.1", "80"));
  }

  @Test
  void embeddedNulIsRefusedBeforeGlibc() {
    assertThatThrownBy(() -> backend.getaddrinfo("127.0.0.1\0evil", null, 0, 0, 0, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
  }

  @Test
  void gethostbynameOfLiteralNeedsNoLookup() {
    // glibc's digits-and-dots shortcut answers literals without NSS.
    assertThat(backend.gethostbyname("127.0.0.1", 2).addresses()).containsExactly("127.0.0.1");
  }

  @Test
  void servicesListMatchesGetent() throws IOException, InterruptedException {
    List<String> getent = getent("services");
    List<String> ours = new ArrayList<>();
    for (Servent e : backend.services()) {
      ours.add(e.name() + " " + e.port() + "/" + e.protocol() + aliases(e.aliases()));
    }
    assertThat(ours).isNotEmpty().isEqualTo(getent);
  }

  @Test
  void protocolsListMatchesGetent() throws IOException, InterruptedException {
    List<String> getent = getent("protocols");
    List<String> ours = new ArrayList<>();
    for (Protoent e : backend.protocols()) {
      ours.add(e.name() + " " + e.number() + aliases(e.aliases()));
    }
    assertThat(ours).isNotEmpty().isEqualTo(getent);
  }

  @Test
  void everyListedServiceIsFoundByNameOrAliasAsItsFirstMatch() {
    // glibc's files lookup returns the first line, in file order, whose name or an alias matches.
    List<Servent> all = backend.services();
    Map<String, Servent> first = new LinkedHashMap<>();
    for (Servent e : all) {
      first.putIfAbsent(e.name() + "/" + e.protocol(), e);
      for (String alias : e.aliases()) {
        first.putIfAbsent(alias + "/" + e.protocol(), e);
      }
    }
    first.forEach(
        (key, e) -> {
          String[] nameProto = key.split("/");
          assertThat(backend.getservbyname(nameProto[0], nameProto[1])).as(key).isEqualTo(e);
        });
    for (Protoent p : backend.protocols()) {
      assertThat(backend.getprotobyname(p.name()).number()).isEqualTo(p.number());
    }
  }

  @Test
  void getprotobynumberFindsTheFirstEntry() {
    assertThat(backend.getprotobynumber(6)).isEqualTo(new Protoent("tcp", List.of("TCP"), 6));
    assertThat(backend.getprotobynumber(4242)).isNull();
  }

  @Test
  void concurrentCallsAgree() throws Exception {
    List<AddressInfo> expected = backend.getaddrinfo("::1", "443", 0, 1, 0, 4);
    Servent http = backend.getservbyname("http", "tcp");
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  // Two listings per thread overlap others' keyed lookups and listings.
                  List<Servent> listing = backend.services();
                  for (int i = 0; i < 500; i++) {
                    if (!backend.getaddrinfo("::1", "443", 0, 1, 0, 4).equals(expected)
                        || !backend.getservbyname("http", "tcp").equals(http)) {
                      return false;
                    }
                  }
                  return backend.services().equals(listing);
                }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    }
  }

  private static String aliases(List<String> aliases) {
    return aliases.isEmpty() ? "" : " " + String.join(" ", aliases);
  }

  /** Returns getent's listing with its column padding collapsed to single spaces. */
  private static List<String> getent(String database) throws IOException, InterruptedException {
    Path getent = Path.of("/usr/bin/getent");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(getent), "no getent");
    Process p = new ProcessBuilder(getent.toString(), database).start();
    List<String> lines =
        p.inputReader(StandardCharsets.UTF_8).lines().map(l -> l.trim().replaceAll("\\s+", " "))
            .toList();
    assertThat(p.waitFor()).isZero();
    return lines;
  }
}
