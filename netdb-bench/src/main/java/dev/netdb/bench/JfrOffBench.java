package dev.netdb.bench;

import dev.netdb.AddrInfo;
import dev.netdb.NetDb;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 9's JFR bar, side by side in one JMH run: a cached {@code getaddrinfo} (the answer cache's
 * hit, the cheapest lookup, so the events' share is the largest it can be) in four forks that
 * differ only in JFR:
 *
 * <ul>
 *   <li>{@link #eventsCompiledOut}: {@code --limit-modules} leaves {@code jdk.jfr} out of the boot
 *       layer, so {@code observe.Events.AVAILABLE} is a {@code static final false} and the JIT
 *       folds every event branch away: the lookup path as it would be without the events' code
 *       (the trace hooks' {@code TraceRecorder.OFF} checks remain: their cost was measured against
 *       the pre-observe jar, BENCHMARKS.md "Tracing costs nothing when not asked for");
 *   <li>{@link #jfrOff}: {@code jdk.jfr} present and no recording, the default of every JVM:
 *       each lookup asks {@code EventType.isEnabled()} once;
 *   <li>{@link #recordingNetdbEventsDisabled}: a recording with the {@code default} settings
 *       running (started in the set-up, in memory), netdb's {@code Lookup} and {@code DnsQuery}
 *       disabled in it;
 *   <li>{@link #recordingNetdbEventsEnabled}: the same recording with netdb's events on: what an
 *       always-on recording costs per lookup.
 * </ul>
 *
 * The bar: {@code jfrOff} within noise of {@code eventsCompiledOut}, time and {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} alike. Each fork checks in its set-up that JFR is in the state it is
 * named after and fails otherwise. Nothing leaves loopback: the answer (TTL one day) comes once
 * per fork from a responder in the benchmark JVM on 127.0.0.1, which counts the queries it gets
 * (printed at the end: the timed calls were hits); netdb reads a private hosts file and
 * resolv.conf, and checks them once a second ({@code fileCheckInterval}), as the answer cache's
 * bar row does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2)
public class JfrOffBench {
  static final String NAME = "cached.example.test";
  /** The JFR state a fork is launched in: {@code absent}, {@code off}, {@code disabled}, {@code enabled}. */
  static final String STATE = "netdb.bench.jfr";
  /** The modules JMH's forked VM needs, jdk.jfr not among them. */
  static final String WITHOUT_JFR = "--limit-modules=java.base,java.logging,java.management,jdk.management,jdk.unsupported";
  private LoopbackResponder responder;
  private Path dir;
  private NetDb netdb;
  /** The running {@code jdk.jfr.Recording} of the recording forks, else null. */
  private AutoCloseable recording;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    responder = LoopbackResponder.a(NAME);
    dir = Files.createTempDirectory("netdb-jfroff");
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "options ndots:1 attempts:1 timeout:1\n");
    netdb = NetDb.builder().hostsFile(hosts).resolvConf(resolv).gaiConf(dir.resolve("none"))
        .hostConf(dir.resolve("none")).nameserver(responder.address())
        .noInterfaceAddresses().fileCheckInterval(Duration.ofSeconds(1)).build();
    String got = netdb.getaddrinfo(NAME, null, 2, 1, 0, 0).getFirst().host();
    if (!got.equals("192.0.2.10")) throw new IllegalStateException("expected 192.0.2.10, got " + got);
    String state = System.getProperty(STATE, "off");
    if (state.equals("disabled") || state.equals("enabled")) {
      recording = Recorder.start(state.equals("enabled"));
    }
    checkJfrState(state);
  }

  /** Fails unless JFR is in the state the fork is named after. */
  private static void checkJfrState(String want) {
    boolean present = ModuleLayer.boot().findModule("jdk.jfr").isPresent();
    String seen = !present ? "absent" : Recorder.lookupEventState();
    if (!seen.equals(want)) {
      throw new IllegalStateException("this fork should run with JFR " + want + ", it runs with JFR " + seen);
    }
    System.out.printf("%n[JfrOffBench] JFR: %s%n", seen);
  }

  /** Touches {@code jdk.jfr} only when it is present (a class of its own, linked on first use). */
  private static final class Recorder {
    /** Starts a recording with the {@code default} settings, netdb's events on or off in it. */
    static AutoCloseable start(boolean netdbEvents) throws Exception {
      jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("default"));
      r.setToDisk(false);
      r.setMaxSize(16 << 20);
      if (netdbEvents) {
        r.enable("dev.netdb.Lookup");
        r.enable("dev.netdb.DnsQuery");
      } else {
        r.disable("dev.netdb.Lookup");
        r.disable("dev.netdb.DnsQuery");
      }
      r.start();
      return r;
    }

    static String lookupEventState() {
      if (jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings().isEmpty()) {
        return "off";
      }
      for (jdk.jfr.EventType t : jdk.jfr.FlightRecorder.getFlightRecorder().getEventTypes()) {
        if (t.getName().equals("dev.netdb.Lookup")) {
          return t.isEnabled() ? "enabled" : "disabled";
        }
      }
      return "unregistered";
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    if (recording != null) {
      recording.close();
    }
    netdb.close();
    responder.close();
    System.out.printf("%n[JfrOffBench] DNS queries sent: %d%n", responder.queries());
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) Files.delete(p);
    }
    Files.delete(dir);
  }

  /** The events' code folded away: {@code jdk.jfr} is not in the boot layer. */
  @Benchmark
  @Fork(value = 2, jvmArgsAppend = {WITHOUT_JFR, "-D" + STATE + "=absent"})
  public List<AddrInfo> eventsCompiledOut() {
    return netdb.getaddrinfo(NAME, null, 2, 1, 0, 0);
  }

  /** JFR present, no recording: the default. */
  @Benchmark
  @Fork(value = 2, jvmArgsAppend = "-D" + STATE + "=off")
  public List<AddrInfo> jfrOff() {
    return netdb.getaddrinfo(NAME, null, 2, 1, 0, 0);
  }

  /** A recording running, netdb's events disabled in it. */
  @Benchmark
  @Fork(value = 2, jvmArgsAppend = "-D" + STATE + "=disabled")
  public List<AddrInfo> recordingNetdbEventsDisabled() {
    return netdb.getaddrinfo(NAME, null, 2, 1, 0, 0);
  }

  /** A recording running with the default settings: netdb's events on. */
  @Benchmark
  @Fork(value = 2, jvmArgsAppend = "-D" + STATE + "=enabled")
  public List<AddrInfo> recordingNetdbEventsEnabled() {
    return netdb.getaddrinfo(NAME, null, 2, 1, 0, 0);
  }
}
