package dev.netdb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Cross-checks {@link CodecBench} on a busy machine: runs the same benchmark methods interleaved in
 * short rounds and divides the thread's CPU time (not wall time) by the number of calls, so time
 * spent descheduled by other processes does not count. Prints the median over the rounds.
 *
 * <p>Run: {@code java -cp netdb-bench/target/benchmarks.jar dev.netdb.bench.CodecCpuTime [ROUNDS]}.
 */
public final class CodecCpuTime {
  private CodecCpuTime() {}

  /** Runs the interleaved measurement; {@code args[0]} is the number of rounds (default 60). */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    CodecBench b = new CodecBench();
    b.setUp();
    String[] names = {
      "pton4Netdb", "pton4Guava", "pton4Jdk", "pton4IpAddress",
      "pton6Netdb", "pton6Guava", "pton6Jdk", "pton6IpAddress",
      "ntop6Netdb", "ntop6Guava", "ntop6Jdk", "ntop6IpAddress"
    };
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int calls = 20_000;
    double[][] perOp = new double[names.length][rounds];
    long sink = 0;
    for (int warm = 0; warm < 40; warm++) {
      for (int k = 0; k < names.length; k++) {
        sink += run(k, b, calls);
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < names.length; k++) {
        long start = threads.getCurrentThreadCpuTime();
        sink += run(k, b, calls);
        perOp[k][r] = (threads.getCurrentThreadCpuTime() - start) / (double) calls;
      }
    }
    int k = 0;
    for (String name : names) {
      double[] v = perOp[k++];
      Arrays.sort(v);
      System.out.printf("%-16s median %7.1f ns/op  (p10 %7.1f, p90 %7.1f)%n",
          name, v[v.length / 2], v[v.length / 10], v[v.length * 9 / 10]);
    }
    System.out.println("sink " + (sink & 1));
  }

  /** Calls benchmark {@code k} {@code calls} times in its own loop, so each call site stays monomorphic. */
  private static long run(int k, CodecBench b, int calls) {
    long sink = 0;
    switch (k) {
      case 0 -> { for (int i = 0; i < calls; i++) sink += b.pton4Netdb().length; }
      case 1 -> { for (int i = 0; i < calls; i++) sink += b.pton4Guava().hashCode(); }
      case 2 -> { for (int i = 0; i < calls; i++) sink += b.pton4Jdk().hashCode(); }
      case 3 -> { for (int i = 0; i < calls; i++) sink += b.pton4IpAddress().hashCode(); }
      case 4 -> { for (int i = 0; i < calls; i++) sink += b.pton6Netdb().length; }
      case 5 -> { for (int i = 0; i < calls; i++) sink += b.pton6Guava().hashCode(); }
      case 6 -> { for (int i = 0; i < calls; i++) sink += b.pton6Jdk().hashCode(); }
      case 7 -> { for (int i = 0; i < calls; i++) sink += b.pton6IpAddress().hashCode(); }
      case 8 -> { for (int i = 0; i < calls; i++) sink += b.ntop6Netdb().length(); }
      case 9 -> { for (int i = 0; i < calls; i++) sink += b.ntop6Guava().length(); }
      case 10 -> { for (int i = 0; i < calls; i++) sink += b.ntop6Jdk().length(); }
      default -> { for (int i = 0; i < calls; i++) sink += b.ntop6IpAddress().length(); }
    }
    return sink;
  }
}
