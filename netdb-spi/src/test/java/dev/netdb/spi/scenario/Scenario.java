package dev.netdb.spi.scenario;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The program each forked JVM of {@code ProviderScenariosTest} runs: it makes {@code InetAddress}
 * calls and prints one {@code key=value} line per result.
 *
 * <p>Safety: before any name outside the private hosts file is looked up, it checks that
 * {@code localhost} resolves to {@code 127.0.0.5}, which only netdb's provider reading the test's
 * private hosts file gives (the machine's /etc/hosts says 127.0.0.1). If not, it stops (exit 3),
 * so a provider that failed to load can never send a test name to the machine's resolver.
 */
public final class Scenario {
  private Scenario() {}

  /** Runs {@code args[0]} with the rest as its arguments. */
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "localhost" -> System.out.println("localhost=" + addresses("localhost"));
      case "lookup" -> {
        guard();
        for (int i = 1; i < args.length; i++) {
          System.out.println(args[i] + "=" + addresses(args[i]));
        }
      }
      case "reverse" -> {
        guard();
        for (int i = 1; i < args.length; i++) {
          InetAddress a = InetAddress.ofLiteral(args[i]);
          System.out.println(args[i] + "=" + InetAddress.getByAddress(a.getAddress()).getHostName());
        }
      }
      case "bootstrap" -> {
        // The JVM's first InetAddress call triggers loading the provider, from inside InetAddress.
        String local;
        try {
          local = InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
          local = "unknown";
        }
        System.out.println("getLocalHost=" + local);
        System.out.println("localhost=" + addresses("localhost"));
      }
      case "http" -> http(Integer.parseInt(args[1]), args[2]);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void guard() throws UnknownHostException {
    String probe = addresses("localhost");
    if (!probe.equals("127.0.0.5")) {
      System.out.println("provider=builtin localhost=" + probe);
      System.out.flush();
      System.exit(3);
    }
  }

  private static String addresses(String host) {
    try {
      return Arrays.stream(InetAddress.getAllByName(host))
          .map(InetAddress::getHostAddress)
          .collect(Collectors.joining(","));
    } catch (UnknownHostException e) {
      return "!" + e.getMessage();
    }
  }

  /**
   * Serves "one" on 127.0.0.1:PORT and "two" on 127.0.0.2:PORT, fetches http://NAME:PORT/ with
   * the JDK's HttpClient, waits for a line on standard input (the test changes the DNS record),
   * sleeps past the record's 1 s TTL and fetches again.
   */
  private static void http(int port, String name) throws Exception {
    guard();
    HttpServer one = serve("127.0.0.1", port, "one");
    HttpServer two = serve("127.0.0.2", port, "two");
    try {
      System.out.println("first=" + fetch(name, port));
      System.out.println("ready");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      Thread.sleep(1_600); // the record's TTL is 1 s
      System.out.println("second=" + fetch(name, port));
      System.out.println("nosuch=" + addresses("nosuch.spi.test"));
    } finally {
      one.stop(0);
      two.stop(0);
    }
  }

  private static HttpServer serve(String ip, int port, String body) throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.ofLiteral(ip), port), 0);
    s.createContext("/", ex -> {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    s.start();
    return s;
  }

  private static String fetch(String name, int port) throws Exception {
    // A new client each time: a kept-alive connection would hide the DNS change.
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + name + ":" + port + "/")).build();
      return client.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }
  }
}
