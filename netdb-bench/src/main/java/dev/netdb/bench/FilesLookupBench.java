package dev.netdb.bench;

import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import dev.netdb.files.FilesDatabases;
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
 * Warm services and protocols lookups of the pure-Java back end's files databases on the system's
 * {@code /etc/services} and {@code /etc/protocols}, with the default change check (the file is
 * checked at most once a second, so a warm lookup is a clock read plus hash or array reads).
 *
 * <p>Keys rotate through a fixed mix of hits and misses so that no single answer is constant-folded.
 * The {@code ...FreshKey} variant copies the name first, as a key arriving from a caller has no
 * cached hash code. The OS back end's figures (glibc through FFM) are to be added side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FilesLookupBench {
  private static final String[] NAMES = {
    "http", "https", "ftp", "gopher", "smtp", "imap", "imaps", "pop3", "pop3s", "www", "domain",
    "ssh", "HTTP", "nosuchservice", "amqp", "sieve"
  };
  private static final String[] PROTOS = {"tcp", "udp", null, "tcp"};
  private static final int[] PORTS = {80, 443, 21, 70, 25, 143, 993, 110, 995, 53, 22, 9, 4, 65000, 5672, 4190};
  private static final String[] PROTOCOLS = {
    "tcp", "udp", "icmp", "TCP", "ipv6-icmp", "sctp", "Tcp", "nosuchproto"
  };

  private FilesDatabases db;
  private int i;

  /** Opens the databases and loads both files once, so every measured lookup is warm. */
  @Setup
  public void setUp() {
    db = FilesDatabases.system();
    if (db.services().serviceByName("http", "tcp") == null || db.protocols().protocolByName("tcp") == null) {
      throw new IllegalStateException("the system files lack http/tcp or tcp");
    }
  }

  /** {@code getservbyname(name, proto)} with a key whose hash code is cached. */
  @Benchmark
  public Servent getservbyname() {
    int n = i++;
    return db.services().serviceByName(NAMES[n & 15], PROTOS[n & 3]);
  }

  /** {@code getservbyname(name, proto)} with a freshly copied key, as from a caller. */
  @Benchmark
  public Servent getservbynameFreshKey() {
    int n = i++;
    return db.services().serviceByName(new String(NAMES[n & 15]), PROTOS[n & 3]);
  }

  /** {@code getservbyport(port, proto)}. */
  @Benchmark
  public Servent getservbyport() {
    int n = i++;
    return db.services().serviceByPort(PORTS[n & 15], PROTOS[n & 3]);
  }

  /** {@code getprotobyname(name)}. */
  @Benchmark
  public Protoent getprotobyname() {
    return db.protocols().protocolByName(PROTOCOLS[i++ & 7]);
  }

  /** {@code getprotobyname(name)} with a freshly copied key. */
  @Benchmark
  public Protoent getprotobynameFreshKey() {
    return db.protocols().protocolByName(new String(PROTOCOLS[i++ & 7]));
  }

  /** The monotonic clock read every lookup makes to decide whether to check the file: a floor. */
  @Benchmark
  public long clockRead() {
    return System.nanoTime();
  }
}
