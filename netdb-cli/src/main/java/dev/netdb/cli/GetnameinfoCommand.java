package dev.netdb.cli;

import dev.netdb.NameInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Python's {@code getnameinfo(sockaddr, flags)}; on the command line {@code HOST PORT [FLOWINFO
 * SCOPE_ID] [--flags NI_A,NI_B]}.
 */
final class GetnameinfoCommand implements Command {
  @Override
  public String name() {
    return "getnameinfo";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    List<PyValue> sockaddr = new ArrayList<>();
    PyValue flags = PyValue.PyInt.of(0);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("--flags")) {
        if (i + 1 >= words.size()) {
          throw new UsageException("getnameinfo: --flags needs a value");
        }
        flags = Words.constant(name(), w, words.get(++i));
      } else {
        sockaddr.add(sockaddr.isEmpty() ? PyValue.str(w) : Words.integer(name(), "PORT", w));
      }
    }
    if (sockaddr.size() != 2 && sockaddr.size() != 4) {
      throw new UsageException("getnameinfo takes HOST PORT or HOST PORT FLOWINFO SCOPE_ID");
    }
    return List.of(List.of(new PyValue.PyTuple(List.copyOf(sockaddr)), flags));
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    Query q = query(args);
    NameInfo ni = q.fourTuple
        ? session.netDb().getnameinfo(q.host, q.port, q.flowInfo, q.scopeId, q.flags)
        : session.netDb().getnameinfo(q.host, q.port, q.flags);
    return toPython(ni);
  }

  /**
   * Starts the call; a 4-tuple goes through the back end's {@code getnameinfoAsync}. NetDb has no
   * asynchronous form of the 2-tuple call (whose IPv4 rule differs: a 4-tuple with an IPv4 address
   * is an error), so a 2-tuple runs the blocking call on a virtual thread.
   */
  @Override
  public CompletableFuture<PyValue> callAsync(Session session, List<PyValue> args) {
    Query q = query(args);
    if (!q.fourTuple) {
      return Batch.onVirtualThread(
          () -> toPython(session.netDb().getnameinfo(q.host, q.port, q.flags)));
    }
    return session.netDb().getnameinfoAsync(q.host, q.port, q.flowInfo, q.scopeId, q.flags)
        .thenApply(GetnameinfoCommand::toPython);
  }

  /** The arguments of one call after Python's checks. */
  private record Query(
      String host, int port, boolean fourTuple, long flowInfo, long scopeId, int flags) {}

  private static PyValue toPython(NameInfo ni) {
    return new PyValue.PyTuple(List.of(PyValue.str(ni.host()), PyValue.str(ni.service())));
  }

  private static Query query(List<PyValue> args) {
    PyArgs.exactly("getnameinfo", args, 2);
    int flags = PyArgs.asInt(args.get(1)); // "Oi:getnameinfo"
    List<PyValue> sa = PyArgs.tuple(args.get(0));
    if (sa == null) {
      throw PyError.typeError("getnameinfo() argument 1 must be a tuple");
    }
    // PyArg_ParseTuple(sa, "si|II;getnameinfo(): illegal sockaddr argument"): the custom message
    // replaces count errors and converterr for "s"; "i" and "I" keep their own messages.
    if (sa.size() < 2 || sa.size() > 4) {
      throw PyError.typeError("getnameinfo(): illegal sockaddr argument");
    }
    if (!(sa.get(0) instanceof PyValue.PyStr(String host))) {
      throw PyError.typeError("getnameinfo(): illegal sockaddr argument");
    }
    PyArgs.checkUtf8(host);
    if (host.indexOf('\0') >= 0) {
      throw PyError.valueError("embedded null character");
    }
    int port = PyArgs.asInt(sa.get(1));
    if (sa.size() == 2) {
      return new Query(host, port, false, 0, 0, flags);
    }
    long flowInfo = PyArgs.asUnsignedIntMask(sa.get(2));
    long scopeId = sa.size() > 3 ? PyArgs.asUnsignedIntMask(sa.get(3)) : 0;
    if (flowInfo > 0xfffff) {
      throw PyError.overflow("getnameinfo(): flowinfo must be 0-1048575.");
    }
    return new Query(host, port, true, flowInfo, scopeId, flags);
  }

  @Override
  public String label(List<PyValue> args) {
    List<PyValue> sa = args.isEmpty() ? null : PyArgs.tuple(args.get(0));
    return sa == null ? "" : TextRenderer.joinLabel(sa, " ");
  }
}
