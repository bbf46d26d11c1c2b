package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdb.backend.AddressInfo;
import dev.netdb.text.IpLiterals;
import dev.netdb.backend.Hostent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Python layer over a fake back end: CPython's own logic, checked case by case. */
class PythonLayerTest {
  private final FakeBackend backend = new FakeBackend();
  private final PythonLayer py = new PythonLayer(backend);

  {
    backend.addrinfo.put("th/2", List.of(new AddressInfo(2, 1, 6, "", IpLiterals.pton4("127.0.1.1"), 0, 0, 0)));
    backend.addrinfo.put(
        "localhost/0",
        List.of(new AddressInfo(10, 1, 6, "", IpLiterals.pton6("::1"), 0, 0, 0), new AddressInfo(2, 1, 6, "", IpLiterals.pton4("127.0.0.1"), 0, 0, 0)));
    backend.addrinfo.put("127.0.0.1/0", List.of(new AddressInfo(2, 2, 17, "", IpLiterals.pton4("127.0.0.1"), 80, 0, 0)));
    backend.addrinfo.put("::1/0", List.of(new AddressInfo(10, 2, 17, "", IpLiterals.pton6("::1"), 80, 0, 0)));
    backend.addrinfo.put("xn--bcher-kva.example/2", List.of(new AddressInfo(2, 1, 6, "", IpLiterals.pton4("192.0.2.20"), 0, 0, 0)));
    backend.byName.put("th", new Hostent("testhost.example.org", List.of("testhost", "th"), List.of("127.0.1.1")));
    backend.byAddr.put("127.0.1.1", new Hostent("testhost", List.of("testhost.example.org", "th"), List.of("127.0.1.1")));
    backend.byAddr.put("::1", new Hostent("localhost", List.of("ip6-localhost"), List.of("::1")));
  }

  @ParameterizedTest(name = "gethostbyname({0}) = {1}")
  @CsvSource({
    "'', 0.0.0.0",
    "<broadcast>, 255.255.255.255",
    "255.255.255.255, 255.255.255.255",
    "127.0.0.1, 127.0.0.1",
    "th, 127.0.1.1",
    "bücher.example, 192.0.2.20",
  })
  void gethostbyname(String host, String expected) {
    assertThat(py.gethostbyname(host)).isEqualTo(expected);
  }

  @Test
  void numericAddressesAreNotLookedUp() {
    py.gethostbyname("10.1.2.3");
    assertThat(backend.calls).isEmpty();
  }

  @Test
  void gethostbynameExRaisesGaierrorBeforeHerror() {
    assertThatThrownBy(() -> py.gethostbynameEx("nosuchhost.invalid"))
        .satisfies(e -> assertKind(e, PythonErrorKind.GAIERROR, -2, "Name or service not known"));
    assertThat(backend.calls).noneMatch(c -> c.startsWith("gethostbyname "));
    assertThatThrownBy(() -> py.gethostbynameEx(""))
        .satisfies(e -> assertKind(e, PythonErrorKind.HERROR, 1, "Unknown host"));
  }

  @Test
  void gethostbyaddrAcceptsNamesAndRejectsTheWildcard() {
    assertThat(py.gethostbyaddr("localhost").name()).isEqualTo("localhost");
    assertThatThrownBy(() -> py.gethostbyaddr(""))
        .satisfies(e -> assertKind(e, PythonErrorKind.OSERROR, null, "wildcard resolved to multiple address"));
  }

  @Test
  void getfqdnPrefersTheFirstDottedName() {
    backend.hostname = "127.0.1.1";
    assertThat(py.getfqdn()).isEqualTo("testhost.example.org");
    assertThat(py.getfqdn(" 127.0.1.1\t")).isEqualTo("testhost.example.org");
    assertThat(py.getfqdn("192.0.2.99")).isEqualTo("192.0.2.99");
    assertThatThrownBy(() -> py.getfqdn("a..b"))
        .satisfies(e -> assertKind(e, PythonErrorKind.UNICODEERROR, null,
            "encoding with 'idna' codec failed (UnicodeError: label empty or too long)"));
  }

  @Test
  void servicesAndProtocols() {
    assertThat(py.getservbyname("www")).isEqualTo(80);
    assertThat(py.getservbyport(143)).isEqualTo("imap2");
    assertThatThrownBy(() -> py.getservbyname("http", "udp"))
        .satisfies(e -> assertKind(e, PythonErrorKind.OSERROR, null, "service/proto not found"));
    assertThatThrownBy(() -> py.getservbyport(80, "udp"))
        .satisfies(e -> assertKind(e, PythonErrorKind.OSERROR, null, "port/proto not found"));
    assertThatThrownBy(() -> py.getservbyport(65536))
        .satisfies(e -> assertKind(e, PythonErrorKind.OVERFLOWERROR, null, "getservbyport: port must be 0-65535."));
    assertThatThrownBy(() -> py.getservbyport(1L << 31))
        .satisfies(e -> assertKind(e, PythonErrorKind.OVERFLOWERROR, null, "signed integer is greater than maximum"));
    assertThatThrownBy(() -> py.getservbyname("a\0"))
        .satisfies(e -> assertKind(e, PythonErrorKind.VALUEERROR, null, "embedded null character"));
    assertThatThrownBy(() -> py.getprotobyname("Tcp"))
        .satisfies(e -> assertKind(e, PythonErrorKind.OSERROR, null, "protocol not found"));
  }

  @Test
  void getnameinfoChecksItsSockaddr() {
    assertThatThrownBy(() -> py.getnameinfo("127.0.0.1", 80, 0, 0, 0))
        .satisfies(e -> assertKind(e, PythonErrorKind.OSERROR, null, "IPv4 sockaddr must be 2 tuple"));
    assertThatThrownBy(() -> py.getnameinfo("::1", 80, 1 << 20, 0, 0))
        .satisfies(e -> assertKind(e, PythonErrorKind.OVERFLOWERROR, null, "getnameinfo(): flowinfo must be 0-1048575."));
    py.getnameinfo("::1", 80, (1L << 32) + 5, (1L << 32) + 1, 1);
    assertThat(backend.calls).last().isEqualTo("getnameinfo ::1 80 5 1");
  }

  private static void assertKind(Throwable t, PythonErrorKind kind, Integer code, String message) {
    assertThat(t).isInstanceOf(NetDbException.class);
    NetDbException e = (NetDbException) t;
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.code().isPresent() ? (Integer) e.code().getAsInt() : null).isEqualTo(code);
    assertThat(e.pythonMessage()).isEqualTo(message);
  }
}
