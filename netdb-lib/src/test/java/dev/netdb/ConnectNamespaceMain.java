package dev.netdb;

import java.util.List;

/**
 * Runs the connect cases of {@link ConnectNamespaceTest} inside the oracle namespace and prints
 * one outcome line per case, as {@code connect_oracle.py} prints Python's. Arguments: {@code
 * os|java|he PORT CLOSED_PORT}; {@code he} runs Happy Eyeballs on {@code hang.test} instead and
 * prints its attempts.
 */
public final class ConnectNamespaceMain {
  private ConnectNamespaceMain() {}

  /** The names of the namespace's hosts file that the cases use. */
  static final String HOSTS = """
      2001:db8::99\thang.test
      127.0.0.1\thang.test
      2001:db8::98\tdead.test
      192.0.2.98\tdead.test
      2001:db8::97\thang6.test
      ::1\trst.test
      127.0.0.1\trst.test
      """;

  /** Returns the exact-mode cases for a listener on {@code port} and nothing on {@code closed}. */
  static List<ConnectionOracleTest.Row> rows(int port, int closed) {
    List<Object> v4 = List.of("127.0.0.1", 0);
    return List.of(
        new ConnectionOracleTest.Row("hang.test", port, null, null, false),
        new ConnectionOracleTest.Row("hang.test", port, 0.5, null, false),
        new ConnectionOracleTest.Row("hang6.test", port, null, null, false),
        new ConnectionOracleTest.Row("dead.test", port, 0.4, null, true),
        new ConnectionOracleTest.Row("dead.test", port, 0.4, null, false),
        new ConnectionOracleTest.Row("rst.test", closed, null, null, false),
        new ConnectionOracleTest.Row("rst.test", closed, null, null, true),
        new ConnectionOracleTest.Row("hang.test", port, 0.5, v4, true),
        new ConnectionOracleTest.Row("nosuch.example.test", port, null, null, false),
        new ConnectionOracleTest.Row("www.example.test", port, 0.3, null, true),
        new ConnectionOracleTest.Row("dual.example.test", port, 0.2, null, false));
  }

  /** Runs the cases and prints the outcomes. */
  public static void main(String[] args) {
    int port = Integer.parseInt(args[1]);
    int closed = Integer.parseInt(args[2]);
    if (args[0].equals("he")) {
      StringBuilder log = new StringBuilder();
      ConnectOptions o = ConnectOptions.rfc8305().withOnAttempt(a -> {
        synchronized (log) {
          log.append(ConnectRace.describe(a.address())).append(' ').append(a.outcome())
              .append(' ').append(a.start().toMillis()).append('\n');
        }
      });
      try (var ch = NetDb.system().createConnection("hang.test", Integer.toString(port), o)) {
        System.out.print(log);
        System.out.println("winner " + ConnectRace.describe(ch.getRemoteAddress()));
      } catch (Exception e) {
        System.out.println("failed " + e);
      }
      return;
    }
    NetDb db = args[0].equals("os") ? NetDb.os() : NetDb.java();
    for (ConnectionOracleTest.Row r : rows(port, closed)) {
      System.out.println(r.netdb(db));
    }
  }

}
