package dev.netdb.files;

import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A seeded corpus of getservbyname/getservbyport/getprotobyname calls, in the line format of
 * {@code testdata/files/oracle.py}, with the answers the Java databases give in Python's terms.
 */
final class PythonCorpus {
  private PythonCorpus() {}

  private static final String[] PROTOS = {null, "tcp", "udp", "sctp", "ddp", "TCP", ""};
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-_./#é ";

  /** One call: its oracle.py input line and the answer the Java database gives. */
  record Call(String input, String javaAnswer) {}

  /** Builds the corpus for {@code db}: every name and alias, case variants, random strings, ports. */
  static List<Call> build(FilesDatabases db, long seed) {
    Random rnd = new Random(seed);
    Set<String> serviceNames = new LinkedHashSet<>();
    List<Integer> ports = new ArrayList<>();
    for (Servent e : db.services().services()) {
      serviceNames.add(e.name());
      serviceNames.addAll(e.aliases());
      ports.add(e.port());
    }
    Set<String> protoNames = new LinkedHashSet<>();
    for (Protoent e : db.protocols().protocols()) {
      protoNames.add(e.name());
      protoNames.addAll(e.aliases());
    }
    List<Call> calls = new ArrayList<>();
    for (String name : serviceNames) {
      for (String variant : variants(name)) {
        calls.add(byName(db, variant, PROTOS[rnd.nextInt(PROTOS.length)]));
        calls.add(byName(db, variant, null));
      }
    }
    for (int i = 0; i < 1500; i++) {
      calls.add(byName(db, random(rnd), PROTOS[rnd.nextInt(PROTOS.length)]));
    }
    for (int port : ports) {
      calls.add(byPort(db, port, PROTOS[rnd.nextInt(PROTOS.length)]));
    }
    for (int i = 0; i < 3000; i++) {
      calls.add(byPort(db, rnd.nextInt(65536), PROTOS[rnd.nextInt(PROTOS.length)]));
    }
    for (int port : new int[] {0, 1, 65535, 80, 143, 4464}) {
      calls.add(byPort(db, port, null));
    }
    for (String name : protoNames) {
      for (String variant : variants(name)) {
        calls.add(byProto(db, variant));
      }
    }
    for (int i = 0; i < 500; i++) {
      calls.add(byProto(db, random(rnd)));
    }
    return calls;
  }

  private static List<String> variants(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    String lower = name.toLowerCase(Locale.ROOT);
    String capital = name.isEmpty() ? name : upper.substring(0, 1) + lower.substring(1);
    return List.copyOf(new LinkedHashSet<>(List.of(name, upper, lower, capital, name + " ", name + "x")));
  }

  private static String random(Random rnd) {
    int len = 1 + rnd.nextInt(12);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private static Call byName(FilesDatabases db, String name, String proto) {
    Servent e = db.services().serviceByName(name, proto);
    return new Call(
        "s\t" + (proto == null ? "0\t" + name + "\t" : "1\t" + name + "\t" + proto),
        e == null ? "N\tservice/proto not found" : "F\t" + e.port());
  }

  private static Call byPort(FilesDatabases db, int port, String proto) {
    Servent e = db.services().serviceByPort(port, proto);
    return new Call(
        "p\t" + (proto == null ? "0\t" + port + "\t" : "1\t" + port + "\t" + proto),
        e == null ? "N\tport/proto not found" : "F\t" + e.name());
  }

  private static Call byProto(FilesDatabases db, String name) {
    Protoent e = db.protocols().protocolByName(name);
    return new Call("r\t" + name, e == null ? "N\tprotocol not found" : "F\t" + e.number());
  }
}
