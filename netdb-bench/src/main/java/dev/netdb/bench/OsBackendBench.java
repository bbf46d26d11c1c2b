package dev.netdb.bench;

import dev.netdb.backend.AddressInfo;
import dev.netdb.backend.Hostent;
import dev.netdb.files.Servent;
import dev.netdb.os.OsBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the per-call cost of the OS back end (glibc through FFM) against the JDK's literal
 * parser, which does no lookup either.
 *
 * <p>Network safety: every getaddrinfo host is a literal with {@code AI_NUMERICHOST}, except the
 * hosts-file rows, which ask for {@code localhost} with {@code AF_INET} only. /etc/hosts here
 * holds {@code localhost} for IPv4 but not for IPv6, so an AF_UNSPEC or AF_INET6 lookup would go
 * to the upstream DNS server; {@link #check()} refuses to run unless the IPv4 line exists.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class OsBackendBench {
  private static final int AF_INET = 2;
  private static final int SOCK_STREAM = 1;
  private static final int AI_NUMERICHOST = 4;

  private OsBackend os;

  /** Creates the back end and checks that {@code localhost} is an IPv4 name of /etc/hosts. */
  @Setup
  public void check() throws IOException {
    os = OsBackend.create();
    boolean v4Localhost =
        Files.readAllLines(Path.of("/etc/hosts")).stream()
            .map(l -> l.replaceFirst("#.*", "").trim().split("\\s+"))
            .anyMatch(
                f ->
                    f.length > 1
                        && f[0].matches("\\d+\\.\\d+\\.\\d+\\.\\d+")
                        && List.of(f).subList(1, f.length).contains("localhost"));
    if (!v4Localhost) {
      throw new IllegalStateException(
          "/etc/hosts has no IPv4 line for localhost: the hosts-file rows would query DNS");
    }
  }

  /** getaddrinfo of an IPv4 literal, one STREAM result. */
  @Benchmark
  public List<AddressInfo> osGetaddrinfoNumericV4() {
    return os.getaddrinfo("127.0.0.1", "80", AF_INET, SOCK_STREAM, 0, AI_NUMERICHOST);
  }

  /** getaddrinfo of an IPv6 literal, one STREAM result. */
  @Benchmark
  public List<AddressInfo> osGetaddrinfoNumericV6() {
    return os.getaddrinfo("2001:db8::1", "80", 0, SOCK_STREAM, 0, AI_NUMERICHOST);
  }

  /** The JDK's literal parser for the same IPv4 text. */
  @Benchmark
  public InetAddress jdkOfLiteralV4() {
    return InetAddress.ofLiteral("127.0.0.1");
  }

  /** The JDK's literal parser for the same IPv6 text. */
  @Benchmark
  public InetAddress jdkOfLiteralV6() {
    return InetAddress.ofLiteral("2001:db8::1");
  }

  /** getservbyname_r("http", "tcp"): one pass over the services file in glibc. */
  @Benchmark
  public Servent osGetservbyname() {
    return os.getservbyname("http", "tcp");
  }

  /** getaddrinfo("localhost", AF_INET): the hosts file, never DNS (see the class comment). */
  @Benchmark
  public List<AddressInfo> osGetaddrinfoHostsLocalhostInet() {
    return os.getaddrinfo("localhost", null, AF_INET, SOCK_STREAM, 0, 0);
  }

  /** gethostbyname2_r("localhost", AF_INET): the hosts file, never DNS. */
  @Benchmark
  public Hostent osGethostbyname2LocalhostInet() {
    return os.gethostbyname("localhost", AF_INET);
  }

  /** gethostname(2): the floor of one downcall with an arena and a string copy. */
  @Benchmark
  public String osGethostname() {
    return os.gethostname();
  }
}
