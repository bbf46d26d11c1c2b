package dev.netdb.cli;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code getservbyport(port[, proto])}; on the command line {@code PORT[/PROTO]}. */
final class GetservbyportCommand implements Command {
  @Override
  public String name() {
    return "getservbyport";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    Words.requireSome(name(), words, "a port number");
    List<List<PyValue>> calls = new ArrayList<>(words.size());
    for (String w : words) {
      int slash = w.indexOf('/');
      String port = slash < 0 ? w : w.substring(0, slash);
      PyValue p = Words.integer(name(), "PORT", port);
      calls.add(slash < 0 ? List.of(p) : List.of(p, PyValue.str(w.substring(slash + 1))));
    }
    return calls;
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    PyArgs.between("getservbyport", args, 1, 2);
    int port = PyArgs.asInt(args.get(0)); // format "i|s"; the 0-65535 check is the library's
    String proto = args.size() > 1 ? PyArgs.str("getservbyport", 2, args.get(1)) : null;
    return PyValue.str(session.netDb().getservbyport(port, proto));
  }

  @Override
  public String label(List<PyValue> args) {
    return TextRenderer.joinLabel(args, "/");
  }
}
