package dev.netdb.bench;

import com.google.common.net.InetAddresses;
import dev.netdb.AddressFamily;
import dev.netdb.Inet;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
 * Measures netdb's text codecs against Guava {@code InetAddresses}, the JDK's {@code InetAddress}
 * and IPAddress, side by side in one run (SPEC §7: netdb must be at least 2× the fastest peer with
 * no garbage beyond the result).
 *
 * <p>{@code pton*} parse one literal into the library's own address value (netdb: a byte array;
 * Guava and the JDK: an {@code InetAddress}; IPAddress: an {@code IPAddress}). {@code ntop6}
 * formats one address: netdb from its bytes; Guava and the JDK from an {@code Inet6Address} made in
 * setup (their most favourable case); IPAddress from its bytes, because an {@code IPv6Address}
 * caches its strings and a second call would only read a field. The JDK's {@code getHostAddress}
 * does not compress zero runs, so its text is longer. No literal here causes a lookup.
 *
 * <p>Run: {@code java -jar netdb-bench/target/benchmarks.jar CodecBench -f 1 -wi 3 -w 1 -i 5 -r 1
 * -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBench {
  private String v4Text;
  private String v6Text;
  private byte[] v6Bytes;
  private InetAddress v6Jdk;

  /** Prepares the inputs; the text goes through a fresh String so that nothing is interned. */
  @Setup
  public void setUp() throws UnknownHostException {
    v4Text = new String("192.168.100.200".toCharArray());
    v6Text = new String("2001:db8:85a3::8a2e:370:7334".toCharArray());
    v6Bytes = Inet.pton(AddressFamily.INET6, v6Text);
    v6Jdk = InetAddress.getByAddress(v6Bytes); // no lookup: the address is given
  }

  /** Parses an IPv4 literal with netdb. */
  @Benchmark
  public byte[] pton4Netdb() {
    return Inet.pton(AddressFamily.INET, v4Text);
  }

  /** Parses an IPv4 literal with Guava. */
  @Benchmark
  public InetAddress pton4Guava() {
    return InetAddresses.forString(v4Text);
  }

  /** Parses an IPv4 literal with the JDK. */
  @Benchmark
  public InetAddress pton4Jdk() {
    return InetAddress.ofLiteral(v4Text);
  }

  /** Parses an IPv4 literal with IPAddress. */
  @Benchmark
  public IPAddress pton4IpAddress() {
    return new IPAddressString(v4Text).getAddress();
  }

  /** Parses an IPv6 literal with netdb. */
  @Benchmark
  public byte[] pton6Netdb() {
    return Inet.pton(AddressFamily.INET6, v6Text);
  }

  /** Parses an IPv6 literal with Guava. */
  @Benchmark
  public InetAddress pton6Guava() {
    return InetAddresses.forString(v6Text);
  }

  /** Parses an IPv6 literal with the JDK. */
  @Benchmark
  public InetAddress pton6Jdk() {
    return InetAddress.ofLiteral(v6Text);
  }

  /** Parses an IPv6 literal with IPAddress. */
  @Benchmark
  public IPAddress pton6IpAddress() {
    return new IPAddressString(v6Text).getAddress();
  }

  /** Formats an IPv6 address with netdb. */
  @Benchmark
  public String ntop6Netdb() {
    return Inet.ntop(AddressFamily.INET6, v6Bytes);
  }

  /** Formats an IPv6 address with Guava. */
  @Benchmark
  public String ntop6Guava() {
    return InetAddresses.toAddrString(v6Jdk);
  }

  /** Formats an IPv6 address with the JDK (uncompressed text). */
  @Benchmark
  public String ntop6Jdk() {
    return v6Jdk.getHostAddress();
  }

  /** Formats an IPv6 address with IPAddress, from its bytes. */
  @Benchmark
  public String ntop6IpAddress() {
    return new IPv6Address(v6Bytes).toCompressedString();
  }
}
