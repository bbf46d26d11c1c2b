package dev.netdb.bench;

import dev.netdb.os.OsBackend;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Measures the same calls as {@link OsBackendBench} in thread CPU time instead of wall time, so
 * that a machine shared with other jobs still gives usable per-call costs. Each call runs in
 * warm-up rounds, then in timed rounds; the best round's CPU nanoseconds per call is printed (the
 * same "best of" rule as Python's {@code timeit}).
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED -cp netdb-bench/target/benchmarks.jar
 * dev.netdb.bench.OsBackendCpuCost}. Network safety is as in {@link OsBackendBench}: literals with
 * AI_NUMERICHOST, and {@code localhost} with AF_INET only (checked by its setup).
 */
public final class OsBackendCpuCost {
  private OsBackendCpuCost() {}

  private static volatile Object sink;

  /** Prints CPU nanoseconds per call for each row. */
  public static void main(String[] args) throws Exception {
    OsBackendBench b = new OsBackendBench();
    b.check();
    OsBackend os = OsBackend.create();
    Map<String, Supplier<Object>> rows = new LinkedHashMap<>();
    rows.put("osGetaddrinfoNumericV4", b::osGetaddrinfoNumericV4);
    rows.put("osGetaddrinfoNumericV6", b::osGetaddrinfoNumericV6);
    rows.put("jdkOfLiteralV4", b::jdkOfLiteralV4);
    rows.put("jdkOfLiteralV6", b::jdkOfLiteralV6);
    rows.put("osGetservbyname", b::osGetservbyname);
    rows.put("osGetaddrinfoHostsLocalhostInet", b::osGetaddrinfoHostsLocalhostInet);
    rows.put("osGethostbyname2LocalhostInet", b::osGethostbyname2LocalhostInet);
    rows.put("osGethostname", b::osGethostname);
    sink = os;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (var e : rows.entrySet()) {
      Supplier<Object> call = e.getValue();
      int n = 20_000;
      for (int w = 0; w < 10; w++) {
        round(mx, call, n);
      }
      double best = Double.MAX_VALUE;
      for (int r = 0; r < 7; r++) {
        best = Math.min(best, round(mx, call, n));
      }
      System.out.printf("%-34s %12.1f ns/call (thread CPU, best of 7 rounds of %d)%n", e.getKey(), best, n);
    }
  }

  private static double round(ThreadMXBean mx, Supplier<Object> call, int n) {
    long t0 = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      sink = call.get();
    }
    return (mx.getCurrentThreadCpuTime() - t0) / (double) n;
  }
}
