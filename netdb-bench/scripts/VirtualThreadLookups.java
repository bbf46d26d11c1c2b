import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N virtual threads each call InetAddress.getAllByName on a distinct name (hI.ZONE), all at once;
 * prints the throughput and how many carrier threads the JDK's scheduler ended up with (it adds
 * compensating carriers while a virtual thread is blocked in a native lookup). Run only inside
 * the oracle namespace by netdb-bench/vthreads-lookup.sh: the JDK's built-in resolver asks the
 * namespace's NSD on port 53, and nothing can leave the namespace.
 *
 * Usage: java VirtualThreadLookups.java LABEL N ZONE
 */
public class VirtualThreadLookups {
  public static void main(String[] args) throws Exception {
    String label = args[0];
    int n = Integer.parseInt(args[1]);
    String zone = args[2];
    InetAddress.getAllByName("localhost"); // loads the resolver provider before the clock starts
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long start = System.nanoTime();
    try (var ex = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        String name = "h" + i + "." + zone;
        ex.submit(() -> {
          try {
            InetAddress.getAllByName(name);
            ok.incrementAndGet();
          } catch (Exception e) {
            failed.incrementAndGet();
          }
        });
      }
    }
    long ns = System.nanoTime() - start;
    long carriers = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("ForkJoinPool-") && t.getName().contains("-worker-")).count();
    int peak = ManagementFactory.getThreadMXBean().getPeakThreadCount();
    System.out.printf("%s: %d lookups, %d answered, %d failed, %.0f ms, %.0f lookups/s, carriers %d, peak platform threads %d%n",
        label, n, ok.get(), failed.get(), ns / 1e6, n / (ns / 1e9), carriers, peak);
  }
}
