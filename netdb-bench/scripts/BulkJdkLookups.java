import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The JDK's built-in resolver (glibc's getaddrinfo) in the bulk benchmark's shape: WINDOW lookups
 * in flight, each InetAddress.getAllByName of hI.bulk.test on a virtual thread of its own, each
 * answer starting the next, for a warm-up and then SECONDS; prints a row as BulkDnsBench does.
 * Run it with -Dsun.net.inetaddr.ttl=0 -Dsun.net.inetaddr.negative.ttl=0 (the JDK's cache off)
 * and -Djava.net.preferIPv4Stack=true (A queries only), and only inside the private network
 * namespace of netdb-bench/bulk-dns.sh, whose NSD is the namespace's 127.0.0.1:53: the JDK asks
 * the system's nameserver, so this refuses unless /etc/resolv.conf names only 127.0.0.1.
 *
 * Usage: java BulkJdkLookups.java SECONDS WINDOW NAMES
 */
public class BulkJdkLookups {
  public static void main(String[] args) throws Exception {
    int seconds = Integer.parseInt(args[0]);
    int window = Integer.parseInt(args[1]);
    int names = Integer.parseInt(args[2]);
    List<String> servers = Files.readAllLines(Path.of("/etc/resolv.conf")).stream()
        .map(String::strip).filter(l -> l.startsWith("nameserver")).toList();
    if (!servers.equals(List.of("nameserver 127.0.0.1")) || !"0".equals(System.getProperty("sun.net.inetaddr.ttl"))) {
      throw new IllegalStateException("runs only inside bulk-dns.sh's namespace (nameserver 127.0.0.1"
          + " alone) with -Dsun.net.inetaddr.ttl=0");
    }
    InetAddress.getAllByName("localhost"); // loads the resolver before the clock starts
    run(Math.max(1, seconds / 3), window, names);
    long[] r = run(seconds, window, names);
    System.out.printf("jdk-vthreads: %.0f queries/s (%d answered, %d failed, %d s, window %d)%n",
        r[0] / (double) seconds, r[0], r[1], seconds, window);
  }

  static long[] run(int seconds, int window, int names) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicInteger next = new AtomicInteger();
    CountDownLatch drained = new CountDownLatch(window);
    for (int i = 0; i < window; i++) {
      Thread.ofVirtual().start(() -> {
        while (System.nanoTime() - end < 0) {
          try {
            InetAddress.getAllByName("h" + Math.floorMod(next.getAndIncrement(), names) + ".bulk.test");
            ok.increment();
          } catch (UnknownHostException e) {
            failed.increment();
          }
        }
        drained.countDown();
      });
    }
    drained.await(seconds + 30L, TimeUnit.SECONDS);
    return new long[] {ok.sum(), failed.sum()};
  }
}
