package dev.netdb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a real NSD on 127.0.0.1 and ::1 (loopback only) serving the given zones, for tests of the
 * pure-Java resolver against a real DNS server.
 *
 * <p>The server runs in the foreground ({@code nsd -d -c DIR/nsd.conf}) from a fresh temporary
 * directory holding its configuration ({@link NsdConfig}), zone files and log. {@link #start}
 * returns once the server answers an SOA query for the first zone; {@link #close} sends SIGTERM
 * to the PID this class started (NSD renames its process, so it is never looked up by name) and
 * deletes the directory unless {@code -Dnetdb.nsd.keep=true}.
 *
 * <p>Tests should obtain a server through {@link NsdExtension} (one shared lazily-started
 * instance) or start their own in a try-with-resources block. Where NSD is missing, call sites go
 * through {@link #requireNsd()}, which skips the test with a printed reason, or fails it under
 * {@code CI=true}.
 */
public final class NsdServer implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int FREE_PORT_ATTEMPTS = 5;

  private final Process process;
  private final Path directory;
  private final int port;
  private final List<ZoneFile> zones;

  private NsdServer(Process process, Path directory, int port, List<ZoneFile> zones) {
    this.process = process;
    this.directory = directory;
    this.port = port;
    this.zones = zones;
  }

  /** Returns the path of {@code nsd}, skipping or failing the test if it is not installed. */
  public static Path requireNsd() {
    return Requirements.requireProgram("nsd", "nsd");
  }

  /** Starts NSD serving {@link TestZone#zones()} at a free port. */
  public static NsdServer start() throws IOException {
    return start(TestZone.zones());
  }

  /** Starts NSD serving {@code zones} at a free port, retrying if another process takes it. */
  public static NsdServer start(List<ZoneFile> zones) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
      try {
        return start(zones, freePort());
      } catch (IOException e) {
        last = e; // most likely a port race: another process bound it meanwhile
      }
    }
    throw last;
  }

  /** Starts NSD serving {@code zones} on 127.0.0.1 and ::1 at {@code port}. */
  public static NsdServer start(List<ZoneFile> zones, int port) throws IOException {
    if (zones.isEmpty()) {
      throw new IllegalArgumentException("no zones to serve");
    }
    Path nsd = requireNsd();
    Path dir = Files.createTempDirectory("netdb-nsd-");
    Path conf = NsdConfig.write(dir, port, zones);
    Process process =
        new ProcessBuilder(nsd.toString(), "-d", "-c", conf.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nsd.out").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    NsdServer server = new NsdServer(process, dir, port, List.copyOf(zones));
    try {
      server.awaitReady();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Returns the port NSD listens on, for UDP and TCP, on both loopback addresses. */
  public int port() {
    return port;
  }

  /** Returns 127.0.0.1 at {@link #port()}. */
  public InetSocketAddress ipv4() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** Returns ::1 at {@link #port()}. */
  public InetSocketAddress ipv6() {
    try {
      return new InetSocketAddress(InetAddress.getByAddress(new byte[] {
          0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}), port);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e); // 16 bytes is always a valid length
    }
  }

  /** Returns the PID of the NSD process this object started. */
  public long pid() {
    return process.pid();
  }

  /** Returns the zones this server serves. */
  public List<ZoneFile> zones() {
    return zones;
  }

  /** Returns the server's working directory (configuration, zone files, log). */
  public Path directory() {
    return directory;
  }

  /** Reports whether the NSD process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Returns NSD's log and console output so far, for failure messages. */
  public String log() {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("nsd.out", "nsd.log")) {
      Path file = directory.resolve(name);
      try {
        if (Files.exists(file)) {
          out.append("--- ").append(name).append('\n').append(Files.readString(file));
        }
      } catch (IOException e) {
        out.append("--- ").append(name).append(": ").append(e.getMessage()).append('\n');
      }
    }
    return out.toString();
  }

  /** Stops NSD with SIGTERM (SIGKILL after 10 s) and deletes its directory. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.toHandle().descendants().toList();
    process.destroy(); // SIGTERM to the PID we started; NSD then stops its own children
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
    if (!Boolean.getBoolean("netdb.nsd.keep")) {
      deleteTree(directory);
    }
  }

  @Override
  public String toString() {
    return "NsdServer[pid=" + pid() + ", port=" + port + ", dir=" + directory + "]";
  }

  /** Polls with an SOA query for the first zone until NSD answers, dies, or the timeout ends. */
  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    byte[] query = DnsProbe.soaQuery(zones.getFirst().origin(), 0x4e44);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("nsd exited with status " + process.exitValue()
            + " before answering on port " + port + "\n" + log());
      }
      if (DnsProbe.answers(ipv4(), query, Duration.ofMillis(200))) {
        return;
      }
    }
    throw new IOException("nsd did not answer on 127.0.0.1:" + port + " within "
        + READY_TIMEOUT.toSeconds() + " s\n" + log());
  }

  /** Returns a port that is free for UDP and TCP on both 127.0.0.1 and ::1 right now. */
  static int freePort() throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = probe.getLocalPort();
      }
      if (isFree(port)) {
        return port;
      }
    }
    throw new IOException("no free port on 127.0.0.1 and ::1 after 20 attempts");
  }

  private static boolean isFree(int port) {
    InetAddress[] loopbacks;
    try {
      loopbacks = new InetAddress[] {
        InetAddress.getLoopbackAddress(),
        InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})
      };
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
    for (InetAddress address : loopbacks) {
      try (ServerSocket tcp = new ServerSocket(port, 1, address);
          DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port))) {
        if (!tcp.isBound() || !udp.isBound()) {
          return false;
        }
      } catch (IOException e) { // BindException: in use on this address
        return false;
      }
    }
    return true;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds and sends the one query used as a readiness probe: a tiny DNS client for loopback. */
  static final class DnsProbe {
    private DnsProbe() {}

    /** Returns a DNS query (RD clear) for {@code name} SOA IN with ID {@code id}. */
    static byte[] soaQuery(String name, int id) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      out.write(id >> 8);
      out.write(id);
      out.writeBytes(new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0}); // flags 0, QDCOUNT 1
      if (!name.equals(".")) {
        for (String label : name.split("\\.")) {
          byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
          out.write(bytes.length);
          out.writeBytes(bytes);
        }
      }
      out.write(0);
      out.writeBytes(new byte[] {0, 6, 0, 1}); // QTYPE SOA, QCLASS IN
      return out.toByteArray();
    }

    /**
     * Reports whether {@code server} (a loopback address) returns a NOERROR reply with the
     * query's ID within {@code timeout}.
     */
    static boolean answers(InetSocketAddress server, byte[] query, Duration timeout) {
      if (!server.getAddress().isLoopbackAddress()) {
        throw new IllegalArgumentException("probe only loopback servers: " + server);
      }
      try (DatagramSocket socket = new DatagramSocket()) {
        socket.setSoTimeout((int) timeout.toMillis());
        socket.send(new DatagramPacket(query, query.length, server));
        byte[] buffer = new byte[4096];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        socket.receive(reply);
        return reply.getSocketAddress().equals(server)
            && reply.getLength() >= 12
            && buffer[0] == query[0]
            && buffer[1] == query[1]
            && (buffer[2] & 0x80) != 0 // QR
            && (buffer[3] & 0x0f) == 0; // RCODE NOERROR
      } catch (SocketTimeoutException e) {
        return false;
      } catch (IOException e) {
        // ICMP port unreachable surfaces as PortUnreachableException: not listening yet
        sleep(Duration.ofMillis(50));
        return false;
      }
    }

    private static void sleep(Duration d) {
      try {
        Thread.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
