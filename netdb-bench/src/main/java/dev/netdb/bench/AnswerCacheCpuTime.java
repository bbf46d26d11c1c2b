package dev.netdb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cross-checks {@link AnswerCacheBench} on a busy machine: runs its benchmark methods in short
 * rounds, interleaved within one JVM, and divides the thread's CPU time (not wall time) by the
 * number of calls, so time spent descheduled by other processes does not count. Prints the median
 * and the 10th and 90th percentiles over the rounds.
 *
 * <p>The rows need the JDK cache settings of their JMH forks, so each group is one JVM:
 *
 * <pre>{@code
 * J=netdb-bench/target/benchmarks.jar; C=dev.netdb.bench.AnswerCacheCpuTime
 * java -Dsun.net.inetaddr.ttl=3600 -cp $J $C cached      # JDK hit, netdb getaddrinfo, resolve
 * java -Dsun.net.inetaddr.ttl=0 -cp $J $C floor          # JDK cache off over the map provider
 * java -Dsun.net.inetaddr.ttl=0 -Dnetdb.bench.spiFork=true -cp $J $C spi   # netdb-spi, and alone
 * }</pre>
 */
public final class AnswerCacheCpuTime {
  private AnswerCacheCpuTime() {}

  /** Runs one group; {@code args[0]} names it, {@code args[1]} is the number of rounds (default 60). */
  public static void main(String[] args) throws Exception {
    String group = args.length > 0 ? args[0] : "cached";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    String[] names = switch (group) {
      case "cached" -> new String[] {"jdkGetAllByNameCached", "netdbGetaddrinfoCached", "netdbResolveCached"};
      case "floor" -> new String[] {"jdkGetAllByNameCacheOffMapProvider"};
      case "spi" -> new String[] {"spiGetAllByNameJdkCacheOff", "spiLookupByNameDirect"};
      default -> throw new IllegalArgumentException("group: cached, floor or spi");
    };
    AnswerCacheBench b = new AnswerCacheBench();
    b.setUp();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int calls = 20_000;
    double[][] perOp = new double[names.length][rounds];
    long sink = 0;
    for (int warm = 0; warm < 100; warm++) {
      for (String name : names) {
        sink += run(name, b, calls);
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < names.length; k++) {
        long start = threads.getCurrentThreadCpuTime();
        sink += run(names[k], b, calls);
        perOp[k][r] = (threads.getCurrentThreadCpuTime() - start) / (double) calls;
      }
    }
    b.tearDown();
    for (int k = 0; k < names.length; k++) {
      double[] v = perOp[k];
      Arrays.sort(v);
      System.out.printf("%-36s median %7.1f ns/op  (p10 %7.1f, p90 %7.1f) CPU%n",
          names[k], v[v.length / 2], v[v.length / 10], v[v.length * 9 / 10]);
    }
    System.out.println("sink " + (sink & 1));
  }

  /**
   * Calls one benchmark {@code calls} times in its own loop, so each call site stays monomorphic;
   * each result goes to a JMH {@link Blackhole}, as under JMH.
   */
  private static long run(String name, AnswerCacheBench b, int calls) throws Exception {
    switch (name) {
      case "jdkGetAllByNameCached" -> { for (int i = 0; i < calls; i++) HOLE.consume(b.jdkGetAllByNameCached()); }
      case "netdbGetaddrinfoCached" -> { for (int i = 0; i < calls; i++) HOLE.consume(b.netdbGetaddrinfoCached()); }
      case "netdbResolveCached" -> { for (int i = 0; i < calls; i++) HOLE.consume(b.netdbResolveCached()); }
      case "jdkGetAllByNameCacheOffMapProvider" -> {
        for (int i = 0; i < calls; i++) HOLE.consume(b.jdkGetAllByNameCacheOffMapProvider());
      }
      case "spiGetAllByNameJdkCacheOff" -> {
        for (int i = 0; i < calls; i++) HOLE.consume(b.spiGetAllByNameJdkCacheOff());
      }
      default -> { for (int i = 0; i < calls; i++) HOLE.consume(b.spiLookupByNameDirect()); }
    }
    return calls;
  }

  private static final Blackhole HOLE = new Blackhole(
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
}
