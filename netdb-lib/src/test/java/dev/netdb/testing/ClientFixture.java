package dev.netdb.testing;

import dev.netdb.AddressFamily;
import dev.netdb.NetDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the client-adapter tests need to fetch by name with a real client: NSD on loopback serving
 * {@code clients.test} with 1 s TTLs, and HTTP servers on one port at {@code 127.0.0.1} (body
 * {@code "v4"}), {@code ::1} ({@code "v6"}) and {@code 127.0.0.2} ({@code "moved"}); plus a
 * pure-Java {@link NetDb} that reads private files and asks only that NSD.
 *
 * <p>{@value #DUAL} has both loopback addresses; {@value #SVC} starts at {@code 127.0.0.1} and
 * {@link #move()} moves it to {@code 127.0.0.2}; {@value #NXDOMAIN} does not exist. Nothing is
 * sent beyond loopback.
 */
public final class ClientFixture implements AutoCloseable {
  /** A name with an A record 127.0.0.1 and an AAAA record ::1. */
  public static final String DUAL = "dual.clients.test";
  /** A name whose A record {@link #move()} changes from 127.0.0.1 to 127.0.0.2. */
  public static final String SVC = "svc.clients.test";
  /** A name with only an AAAA record, ::1. */
  public static final String V6 = "v6.clients.test";
  /** A CNAME to {@value #SVC}. */
  public static final String ALIAS = "alias.clients.test";
  /** A name that does not exist in the zone (NXDOMAIN). */
  public static final String NXDOMAIN = "nosuch.clients.test";

  private final Path dir;
  private final List<ServerSocket> servers = new ArrayList<>();
  private final int httpPort;
  private NsdServer nsd;
  private final NetDb db;

  private ClientFixture(Path dir) throws IOException {
    this.dir = dir;
    this.nsd = NsdServer.start(List.of(zone("127.0.0.1")));
    this.httpPort = freePort();
    serve("127.0.0.1", "v4");
    serve("::1", "v6");
    serve("127.0.0.2", "moved");
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:2\n");
    this.db = NetDb.builder()
        .hostsFile(hosts)
        .resolvConf(resolv)
        .gaiConf(dir.resolve("no-gai.conf"))
        .nameserver(nsd.ipv4())
        .build();
  }

  /** Starts NSD and the three HTTP servers; files go in {@code dir}. */
  public static ClientFixture start(Path dir) {
    NsdServer.requireNsd();
    try {
      return new ClientFixture(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the pure-Java resolver that asks only this fixture's NSD. */
  public NetDb netDb() {
    return db;
  }

  /** Returns the HTTP servers' port (the same on every address). */
  public int httpPort() {
    return httpPort;
  }

  /** Returns {@code http://NAME:PORT/}. */
  public String url(String name) {
    return "http://" + name + ":" + httpPort + "/";
  }

  /** Returns the body that the server at {@code address} answers with. */
  public static String bodyOf(InetAddress address) {
    return switch (address.getHostAddress()) {
      case "127.0.0.1" -> "v4";
      case "0:0:0:0:0:0:0:1" -> "v6";
      case "127.0.0.2" -> "moved";
      default -> throw new IllegalArgumentException("no server at " + address);
    };
  }

  /** Returns the addresses of {@code name} in glibc's getaddrinfo order, as netdb gives them. */
  public List<InetAddress> glibcOrder(String name) throws UnknownHostException {
    return db.lookup(name, AddressFamily.UNSPEC);
  }

  /** Moves {@value #SVC} to 127.0.0.2: NSD is restarted on the same port with the new zone. */
  public void move() throws IOException {
    int port = nsd.port();
    nsd.close();
    nsd = NsdServer.start(List.of(zone("127.0.0.2")), port);
  }

  /** Sleeps past the zone's 1 s TTL, so that cached answers have expired. */
  public static void waitForTtl() throws InterruptedException {
    Thread.sleep(1_600);
  }

  private static ZoneFile zone(String svc) {
    return new ZoneFile("clients.test", "clients.test.zone", """
        $ORIGIN clients.test.
        $TTL 1
        @ IN SOA ns.clients.test. hostmaster.clients.test. 1 7200 3600 1209600 1
          IN NS ns
        ns IN A 127.0.0.1
        dual IN A 127.0.0.1
        dual IN AAAA ::1
        svc IN A %s
        alias IN CNAME svc
        v6 IN AAAA ::1
        """.formatted(svc));
  }

  /**
   * Serves {@code body} to every request on {@code ip}: a minimal HTTP/1.1 responder that reads
   * the request head and answers with {@code Connection: close}, so no client keeps a connection
   * that would hide a DNS change.
   */
  private void serve(String ip, String body) throws IOException {
    ServerSocket s = new ServerSocket();
    s.bind(new InetSocketAddress(InetAddress.ofLiteral(ip), httpPort), 50);
    servers.add(s);
    byte[] b = body.getBytes(StandardCharsets.US_ASCII);
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + b.length
        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    Thread.ofVirtual().name("clients-http-" + ip).start(() -> {
      while (!s.isClosed()) {
        try (Socket c = s.accept()) {
          c.setSoTimeout(10_000);
          var in = c.getInputStream();
          int state = 0; // counts the bytes of the "\r\n\r\n" that ends the request head
          for (int ch; state < 4 && (ch = in.read()) >= 0; ) {
            state = ch == "\r\n\r\n".charAt(state) ? state + 1 : ch == '\r' ? 1 : 0;
          }
          c.getOutputStream().write(head);
          c.getOutputStream().write(b);
        } catch (IOException e) {
          // a closed server socket ends the loop; a broken client connection is skipped
        }
      }
    });
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.ofLiteral("127.0.0.1"))) {
      return probe.getLocalPort();
    }
  }

  /** Stops the HTTP servers and NSD and closes the resolver. */
  @Override
  public void close() {
    for (ServerSocket s : servers) {
      try {
        s.close();
      } catch (IOException e) {
        // closing a test server; nothing to report
      }
    }
    nsd.close();
    if (db instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // closing a test resolver; nothing to report
      }
    }
  }
}
