package dev.netdb.cli;

import dev.netdb.AddrInfo;
import dev.netdb.NetDb;
import dev.netdb.NetDbException;
import dev.netdb.Traced;
import dev.netdb.trace.TraceStep;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code explain HOST [PORT] [--family F] [--type T] [--proto P] [--flags A,B]}: runs one
 * getaddrinfo call with a trace ({@link NetDb#getaddrinfoTraced}) on the session's back end, then
 * the same call on the OS back end, and prints the steps, the result and whether the two agree
 * (with what netdb does not model, {@link Unmodelled}). Exit status as for getaddrinfo: 0 when the
 * traced call succeeded, 2 when it failed.
 */
final class ExplainCommand {
  private ExplainCommand() {}

  /** Supplies the OS back end; tests may pass another. */
  interface OsSource {
    /** Returns the OS back end; throws when it is not available here. */
    NetDb os();
  }

  /** Runs the command and returns the exit status. */
  static int run(Session session, List<String> words, boolean json, Writer out, OsSource os)
      throws IOException {
    List<PyValue> call = call(words);
    GetaddrinfoCommand.Query r;
    try {
      r = GetaddrinfoCommand.query(Conversions.apply("getaddrinfo", call));
    } catch (PyError | NetDbException e) {
      PyError p = e instanceof PyError pe ? pe : PyError.of((NetDbException) e);
      StringBuilder sb = new StringBuilder();
      JsonRenderer.render(sb, new Outcome.Raised(call, p));
      out.write(json ? sb.toString() : "ERROR: " + p.pythonStr() + "\n");
      return 2;
    }
    Traced<List<AddrInfo>> mine = session.netDb()
        .getaddrinfoTraced(r.host(), r.port(), r.n()[0], r.n()[1], r.n()[2], r.n()[3]);
    Comparison cmp = compare(mine, r, os);
    Map<String, PyValue> doc = new LinkedHashMap<>();
    doc.put("call", new PyValue.PyList(call));
    if (mine.error() == null) {
      doc.put("result", GetaddrinfoCommand.toPython(mine.value()));
    } else {
      doc.put("error", error(mine.error()));
    }
    List<PyValue> steps = new ArrayList<>();
    for (TraceStep s : mine.trace().steps()) {
      steps.add(TraceRenderer.json(s));
    }
    doc.put("trace", new PyValue.PyList(steps));
    doc.put("os", cmp.json());
    if (json) {
      StringBuilder sb = new StringBuilder(1024);
      JsonWriter.write(sb, new PyValue.PyDict(doc));
      out.write(sb.append('\n').toString());
    } else {
      out.write(TraceRenderer.text(TextRenderer.joinLabel(call.subList(0, 2), " "), mine.trace(), cmp));
    }
    return mine.error() == null ? 0 : 2;
  }

  /** Returns the Python arguments for the words: PORT defaults to None. */
  static List<PyValue> call(List<String> words) {
    int positional = 0;
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).startsWith("--")) {
        i++; // its value
      } else {
        positional++;
      }
    }
    List<String> w = new ArrayList<>(words);
    if (positional == 1) {
      int at = 0;
      while (at < w.size() && w.get(at).startsWith("--")) {
        at += 2;
      }
      w.add(Math.min(at + 1, w.size()), "None");
    }
    if (positional < 1 || positional > 2) {
      throw new UsageException("explain takes HOST and an optional PORT, got " + positional
          + " arguments");
    }
    return new GetaddrinfoCommand().calls(w).getFirst();
  }

  static PyValue error(RuntimeException e) {
    PyError p = e instanceof NetDbException n ? PyError.of(n)
        : new PyError("InternalError", null, String.valueOf(e.getMessage()));
    Map<String, PyValue> m = new LinkedHashMap<>();
    m.put("type", PyValue.str(p.type()));
    m.put("code", p.code() == null ? PyValue.PyNone.NONE : PyValue.PyInt.of(p.code()));
    m.put("message", PyValue.str(p.pyMessage()));
    return new PyValue.PyDict(m);
  }

  /**
   * The OS back end's answer to the same call and how it differs.
   *
   * @param available whether the OS back end ran
   * @param value its result or error, as JSON values
   * @param isError whether {@code value} is an error
   * @param differences one line per difference
   * @param unmodelled what in this machine's configuration netdb does not model
   * @param route how the OS back end routes the {@code hosts} database (nsswitch.conf), or null
   *     when it did not run
   */
  record Comparison(boolean available, PyValue value, boolean isError, List<String> differences,
      List<String> unmodelled, TraceStep.Nss route) {
    boolean agrees() {
      return available && differences.isEmpty();
    }

    PyValue json() {
      Map<String, PyValue> m = new LinkedHashMap<>();
      m.put("agrees", new PyValue.PyBool(agrees()));
      m.put("route", route == null ? PyValue.PyNone.NONE : routeJson(route));
      if (!available) {
        m.put("unavailable", value);
      } else {
        m.put(isError ? "error" : "result", value);
      }
      m.put("differences", PyValue.strList(differences));
      m.put("unmodelled", PyValue.strList(unmodelled));
      return new PyValue.PyDict(m);
    }
  }

  /** Returns the route as JSON: database, sources, who answers, and why. */
  static PyValue routeJson(TraceStep.Nss n) {
    Map<String, PyValue> m = new LinkedHashMap<>();
    m.put("database", PyValue.str(n.database()));
    m.put("sources", PyValue.strList(n.sources()));
    m.put("answered_by", PyValue.str(n.answeredBy()));
    m.put("reason", PyValue.str(n.reason()));
    return new PyValue.PyDict(m);
  }

  static Comparison compare(Traced<List<AddrInfo>> mine, GetaddrinfoCommand.Query r, OsSource source) {
    NetDb os;
    try {
      os = source.os();
    } catch (RuntimeException e) {
      return new Comparison(false, PyValue.str(String.valueOf(e.getMessage())), false,
          List.of("the OS back end is not available here"), Unmodelled.find(), null);
    }
    Traced<List<AddrInfo>> theirs =
        os.getaddrinfoTraced(r.host(), r.port(), r.n()[0], r.n()[1], r.n()[2], r.n()[3]);
    List<TraceStep.Nss> routes = theirs.trace().steps(TraceStep.Nss.class);
    TraceStep.Nss route = routes.isEmpty() ? null : routes.getFirst();
    List<String> unmodelled = route == null ? Unmodelled.find() : Unmodelled.find(route);
    List<String> diffs = new ArrayList<>();
    PyValue value;
    if (theirs.error() != null) {
      value = error(theirs.error());
      if (mine.error() == null) {
        diffs.add("java returned " + mine.value().size() + " entries, os raised "
            + PyError.of((NetDbException) theirs.error()).pythonStr());
      } else if (!json(error(mine.error())).equals(json(value))) {
        diffs.add("java raised " + json(error(mine.error())) + ", os raised " + json(value));
      }
    } else {
      value = GetaddrinfoCommand.toPython(theirs.value());
      if (mine.error() != null) {
        diffs.add("java raised " + json(error(mine.error())) + ", os returned "
            + theirs.value().size() + " entries");
      } else {
        entries(mine.value(), theirs.value(), diffs);
      }
    }
    if (!diffs.isEmpty()) {
      unmodelled.forEach(u -> diffs.add("netdb does not model: " + u));
    }
    return new Comparison(true, value, theirs.error() != null, diffs, unmodelled, route);
  }

  /** Lists entry by entry where two answers differ, order included. */
  private static void entries(List<AddrInfo> mine, List<AddrInfo> theirs, List<String> diffs) {
    int n = Math.max(mine.size(), theirs.size());
    for (int i = 0; i < n; i++) {
      String a = i < mine.size() ? json(GetaddrinfoCommand.toPython(mine.get(i))) : "nothing";
      String b = i < theirs.size() ? json(GetaddrinfoCommand.toPython(theirs.get(i))) : "nothing";
      if (!a.equals(b)) {
        diffs.add("entry " + i + ": java " + a + ", os " + b);
      }
    }
  }

  private static String json(PyValue v) {
    StringBuilder sb = new StringBuilder();
    JsonWriter.write(sb, v);
    return sb.toString();
  }
}
