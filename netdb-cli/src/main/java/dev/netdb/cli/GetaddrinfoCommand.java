package dev.netdb.cli;

import dev.netdb.AddrInfo;
import dev.netdb.NetDb;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.CompletableFuture;

/**
 * Python's {@code getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)}; on the command line
 * {@code HOST PORT [--family F] [--type T] [--proto P] [--flags A,B]}, where {@code None} stands
 * for Python's None and a decimal port is an int.
 */
final class GetaddrinfoCommand implements Command {
  @Override
  public String name() {
    return "getaddrinfo";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    List<String> positional = new ArrayList<>();
    PyValue[] numbers = {PyValue.PyInt.of(0), PyValue.PyInt.of(0), PyValue.PyInt.of(0),
        PyValue.PyInt.of(0)};
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      int slot = switch (w) {
        case "--family" -> 0;
        case "--type" -> 1;
        case "--proto" -> 2;
        case "--flags" -> 3;
        default -> -1;
      };
      if (slot < 0) {
        positional.add(w);
        continue;
      }
      if (i + 1 >= words.size()) {
        throw new UsageException("getaddrinfo: " + w + " needs a value");
      }
      numbers[slot] = Words.constant(name(), w, words.get(++i));
    }
    if (positional.size() != 2) {
      throw new UsageException("getaddrinfo takes HOST and PORT, got " + positional.size()
          + " arguments");
    }
    PyValue host = Words.strOrNone(positional.get(0));
    String p = positional.get(1);
    PyValue port = "None".equals(p) ? PyValue.PyNone.NONE : Words.intOrStr(p);
    return List.of(List.of(host, port, numbers[0], numbers[1], numbers[2], numbers[3]));
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    Query q = query(args);
    return toPython(session.netDb().getaddrinfo(q.host, q.port, q.n[0], q.n[1], q.n[2], q.n[3]));
  }

  @Override
  public CompletableFuture<PyValue> callAsync(Session session, List<PyValue> args) {
    Query q = query(args);
    return session.netDb().getaddrinfoAsync(q.host, q.port, q.n[0], q.n[1], q.n[2], q.n[3])
        .thenApply(GetaddrinfoCommand::toPython);
  }

  /** The arguments of one call after Python's checks: host and port as text, then the ints. */
  record Query(String host, String port, int[] n) {}

  /** Checks and converts a call's arguments as {@code _socket.getaddrinfo} does; failures throw. */
  static Query query(List<PyValue> args) {
    if (args.size() < 2) {
      throw PyError.typeError(args.isEmpty()
          ? "getaddrinfo() missing 2 required positional arguments: 'host' and 'port'"
          : "getaddrinfo() missing 1 required positional argument: 'port'");
    }
    if (args.size() > 6) {
      throw PyError.typeError("getaddrinfo() takes from 2 to 6 positional arguments but "
          + args.size() + " were given");
    }
    // _socket.getaddrinfo parses "OO|iiii" first, then checks host, then port (socketmodule.c)
    int[] n = new int[4];
    for (int i = 2; i < args.size(); i++) {
      n[i - 2] = PyArgs.asInt(args.get(i));
    }
    PyValue h = args.get(0);
    String host;
    if (h instanceof PyValue.PyNone) {
      host = null;
    } else if (h instanceof PyValue.PyStr(String s)) {
      // socketmodule.c encodes a str host with the idna codec before it looks at the port, so a
      // bad host raises UnicodeError even when the port is of the wrong type.
      NetDb.idnaEncode(s);
      host = s;
    } else {
      throw PyError.typeError("getaddrinfo() argument 1 must be string or None");
    }
    PyValue p = args.get(1);
    String port;
    switch (p) {
      case PyValue.PyNone none -> port = null;
      case PyValue.PyInt i -> port = Long.toString(PyArgs.asLong(i)); // PyLong_AsLong, "%ld"
      case PyValue.PyStr(String s) -> {
        PyArgs.checkUtf8(s);
        port = s;
      }
      default -> throw PyError.osError("Int or String expected");
    }
    return new Query(host, port, n);
  }

  /** Returns Python's list of 5-tuples. */
  static PyValue toPython(List<AddrInfo> results) {
    return new PyValue.PyList(new Results(List.copyOf(results)));
  }

  /**
   * Python's list of 5-tuples over the library's results: each tuple is made when it is asked for,
   * and {@link JsonWriter} writes the list straight from the results ({@link #writeJson}), without
   * the eight values a tuple is made of. In a batch of getaddrinfo calls, making those values (on
   * the callback thread) and walking them (on the main thread) was the largest part of the CLI's
   * work for a call.
   */
  static final class Results extends AbstractList<PyValue> implements RandomAccess {
    private final List<AddrInfo> results;

    private Results(List<AddrInfo> results) {
      this.results = results;
    }

    @Override
    public PyValue get(int index) {
      return toPython(results.get(index));
    }

    @Override
    public int size() {
      return results.size();
    }

    /** Appends the list as {@link JsonWriter#array} writes the tuples {@link #get} returns. */
    void writeJson(StringBuilder out) {
      out.append('[');
      for (int i = 0, n = results.size(); i < n; i++) {
        AddrInfo ai = results.get(i);
        out.append(i == 0 ? "[" : ", [");
        JsonWriter.write(out, Constants.family(ai.family()));
        out.append(", ");
        JsonWriter.write(out, Constants.socketKind(ai.type()));
        out.append(", ").append(ai.protocol()).append(", ");
        JsonWriter.string(out, ai.canonicalName());
        out.append(", [");
        JsonWriter.string(out, ai.host());
        out.append(", ").append(ai.port());
        if (ai.family() == 10) {
          out.append(", ").append(ai.flowInfo()).append(", ").append(ai.scopeId());
        }
        out.append("]]");
      }
      out.append(']');
    }
  }

  /** Returns Python's 5-tuple for one result; IPv6 socket addresses are 4-tuples. */
  static PyValue toPython(AddrInfo ai) {
    PyValue sockaddr = ai.family() == 10
        ? new PyValue.PyTuple(List.of(PyValue.str(ai.host()), PyValue.PyInt.of(ai.port()),
            PyValue.PyInt.of(ai.flowInfo()), PyValue.PyInt.of(ai.scopeId())))
        : new PyValue.PyTuple(List.of(PyValue.str(ai.host()), PyValue.PyInt.of(ai.port())));
    return new PyValue.PyTuple(List.of(Constants.family(ai.family()),
        Constants.socketKind(ai.type()), PyValue.PyInt.of(ai.protocol()),
        PyValue.str(ai.canonicalName()), sockaddr));
  }

  @Override
  public TextRenderer.Layout layout() {
    return TextRenderer.Layout.ADDRINFO;
  }

  @Override
  public String label(List<PyValue> args) {
    return TextRenderer.joinLabel(args.subList(0, Math.min(2, args.size())), " ");
  }
}
