package dev.netdb.dns;

import dev.netdb.AddrInfo;
import dev.netdb.NetDb;
import dev.netdb.NetDbException;
import dev.netdb.SystemException;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child side of {@link DnsLoadTest}, run in a JVM of its own under a lowered descriptor limit
 * ({@code ulimit -n}). Prints {@code key=value} lines for the parent to check. Modes:
 *
 * <ul>
 *   <li>{@code healthy HOST PORT PATTERN EXPECTED COUNT}: COUNT concurrent {@code getaddrinfoAsync}
 *       calls (AF_INET, no cache) for distinct names ({@code PATTERN} with {@code %d} the call's
 *       number, so that no two share an exchange) against a real server on loopback, each expected
 *       to contain the address EXPECTED; reports answers, failures, the peak and final descriptor
 *       counts;
 *   <li>{@code slow COUNT}: the same against an in-process fake server that answers every query
 *       300 ms late, so that far more queries are wanted at once than descriptors exist;
 *   <li>{@code drop50 COUNT}: the same against an in-process fake server that drops every other
 *       datagram, with {@code timeout:1 attempts:2}: every lookup must end, answered or EAI_AGAIN;
 *   <li>{@code emfile HOST PORT NAME}: one lookup, then every descriptor taken, then a lookup
 *       (which must fail as Python's {@code OSError(24)}), then the descriptors freed and a last
 *       lookup (which must succeed).
 * </ul>
 *
 * Test code only; every query goes to loopback.
 */
final class DnsLoadMain {
  private DnsLoadMain() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "healthy" -> healthy(new InetSocketAddress(args[1], Integer.parseInt(args[2])), args[3], args[4],
          Integer.parseInt(args[5]), "options timeout:5 attempts:2\n");
      case "drop50" -> fake(Integer.parseInt(args[1]), new java.util.Random(1)::nextBoolean, null);
      case "slow" -> fake(Integer.parseInt(args[1]), () -> false, java.time.Duration.ofMillis(300));
      case "emfile" -> emfile(new InetSocketAddress(args[1], Integer.parseInt(args[2])), args[3]);
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.out.flush();
    System.exit(0);
  }

  static NetDb netdb(InetSocketAddress server, String options) throws IOException {
    Path dir = Files.createTempDirectory("netdb-load-");
    Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    Files.writeString(dir.resolve("resolv.conf"), "nameserver " + server.getAddress().getHostAddress() + "\n" + options);
    Files.writeString(dir.resolve("gai.conf"), "# defaults\n");
    Files.writeString(dir.resolve("host.conf"), "multi on\n");
    return NetDb.builder()
        .hostsFile(dir.resolve("hosts"))
        .resolvConf(dir.resolve("resolv.conf"))
        .gaiConf(dir.resolve("gai.conf"))
        .hostConf(dir.resolve("host.conf"))
        .nameserver(server)
        .hostname("testhost")
        .noInterfaceAddresses()
        .cache(false)
        .build();
  }

  static int openDescriptors() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  /** Waits (bounded) until the descriptor count is at most {@code baseline}; returns the ms it took, or -1. */
  static long backToBaseline(int baseline, long maxMillis) throws InterruptedException {
    long t0 = System.nanoTime();
    while (true) {
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (openDescriptors() <= baseline) return ms;
      if (ms > maxMillis) return -1;
      Thread.sleep(10);
    }
  }

  static void healthy(InetSocketAddress server, String name, String expected, int count, String options)
      throws Exception {
    NetDb db = netdb(server, options);
    run(db, name, expected, count, 120);
  }

  static void run(NetDb db, String pattern, String expected, int count, int boundSeconds) throws Exception {
    db.getaddrinfo(String.format(pattern, -1), null, 2, 1, 0, 0); // starts the client: its selector and threads are the baseline
    Thread.sleep(1500); // the socket pool drains once nothing is taken
    int baseline = openDescriptors();
    AtomicInteger peak = new AtomicInteger();
    Thread sampler = Thread.ofPlatform().daemon().start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(openDescriptors(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger wrong = new AtomicInteger();
    AtomicInteger again = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    List<CompletableFuture<?>> all = new ArrayList<>(count);
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      all.add(db.getaddrinfoAsync(String.format(pattern, i), null, 2, 1, 0, 0).handle((List<AddrInfo> r, Throwable t) -> {
        if (t == null) {
          if (r.stream().anyMatch(a -> a.host().equals(expected))) answered.incrementAndGet(); else wrong.incrementAndGet();
        } else if (t.getCause() instanceof NetDbException e && e.code().orElse(0) == -3
            || t instanceof NetDbException e2 && e2.code().orElse(0) == -3) {
          again.incrementAndGet();
        } else {
          if (other.getAndIncrement() < 3) System.out.println("error=" + t);
        }
        return null;
      }));
    }
    int done = 0;
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(boundSeconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      // reported below as lost
    }
    for (CompletableFuture<?> f : all) if (f.isDone()) done++;
    long ms = (System.nanoTime() - t0) / 1_000_000;
    long back = backToBaseline(baseline, 1000);
    sampler.interrupt();
    System.out.println("count=" + count);
    System.out.println("done=" + done);
    System.out.println("answered=" + answered.get());
    System.out.println("wrong=" + wrong.get());
    System.out.println("again=" + again.get());
    System.out.println("other=" + other.get());
    System.out.println("millis=" + ms);
    System.out.println("baseline=" + baseline);
    System.out.println("peak=" + peak.get());
    System.out.println("backMillis=" + back);
    System.out.println("final=" + openDescriptors());
  }

  /** Runs {@code count} lookups against a fake server that drops when {@code drop} says so, else answers after {@code delay}. */
  static void fake(int count, java.util.function.BooleanSupplier drop, java.time.Duration delay) throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start(r -> {
      synchronized (drop) {
        if (drop.getAsBoolean()) return new FakeDnsServer.Drop();
      }
      FakeDnsServer.Action a = HostileScenario.handle(r);
      return delay == null ? a : new FakeDnsServer.Delayed(delay, a);
    })) {
      NetDb db = netdb(server.address(), "options timeout:1 attempts:2\n");
      run(db, "n%d." + HostileScenario.GOOD.hostName(), "192.0.2.10", count, 120);
    }
  }

  static void emfile(InetSocketAddress server, String name) throws Exception {
    NetDb db = netdb(server, "options timeout:1 attempts:1\n");
    preloadClasses(); // loading a class from a directory needs a descriptor, and there will be none
    System.out.println("first=" + db.getaddrinfo(name, null, 2, 1, 0, 0).size());
    Thread.sleep(1500); // no pooled socket left to hand out
    List<InputStream> hog = new ArrayList<>();
    try {
      while (true) hog.add(new FileInputStream("/dev/null"));
    } catch (IOException e) {
      System.out.println("hogged=" + hog.size());
    }
    try {
      db.getaddrinfo(name, null, 2, 1, 0, 0);
      System.out.println("starved=answered");
    } catch (SystemException e) {
      System.out.println("starved=OSError(" + e.code().orElse(0) + ", '" + e.pythonMessage() + "')");
    } catch (NetDbException e) {
      System.out.println("starved=" + e.kind().pythonName() + "(" + e.code().orElse(0) + ", '" + e.pythonMessage() + "')");
    }
    for (InputStream in : hog) in.close();
    Thread.sleep(100);
    System.out.println("recovered=" + db.getaddrinfo(name, null, 2, 1, 0, 0).size());
  }

  /** Loads every class of the class path's directories, so that none needs a file later. */
  static void preloadClasses() throws IOException {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path root = Path.of(entry);
      if (!Files.isDirectory(root)) continue;
      try (var files = Files.walk(root)) {
        for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
          String cls = root.relativize(p).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
          if (cls.equals("module-info")) continue;
          try {
            Class.forName(cls, false, DnsLoadMain.class.getClassLoader());
          } catch (ClassNotFoundException | LinkageError e) {
            // not loadable here (a test class needing JUnit): not on the starved path either
          }
        }
      }
    }
  }
}
