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
 * java -Dsun.net.inetaddr.ttl=0 -Dnetdb.bench.spiFork=true -cp $J $C bar2  # the floor and netdb-spi in one JVM
 * }</pre>
 *
 * <p>{@code bar2} alternates the floor's rounds (the map provider) with netdb-spi's in one JVM, so
 * that the two share the machine's state of the moment: their ratio is the least noisy figure of
 * netdb's part of bar 2 on a busy machine.
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
      case "bar2" -> new String[] {"jdkGetAllByNameCacheOffMapProvider", "spiGetAllByNameJdkCacheOff",
          "spiLookupByNameDirect"};
      default -> throw new IllegalArgumentException("group: cached, floor, spi or bar2");
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
    if (group.equals("bar2")) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = perOp[1][r] / perOp[0][r];
      }
      Arrays.sort(ratio);
      System.out.printf("%-36s median %7.2f       (p10 %7.2f, p90 %7.2f), round by round%n",
          "spi row / floor", ratio[rounds / 2], ratio[rounds / 10], ratio[rounds * 9 / 10]);
    }
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
        boolean spiFork = Boolean.getBoolean(AnswerCacheBench.SPI_FORK);
        if (spiFork) {
          b.throughSpi(false);
        }
        for (int i = 0; i < calls; i++) HOLE.consume(b.jdkGetAllByNameCacheOffMapProvider());
        if (spiFork) {
          b.throughSpi(true);
        }
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
