package dev.netdb.cli;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code getservbyname(name[, proto])}; on the command line {@code NAME[/PROTO]}. */
final class GetservbynameCommand implements Command {
  @Override
  public String name() {
    return "getservbyname";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    Words.requireSome(name(), words, "a service name");
    List<List<PyValue>> calls = new ArrayList<>(words.size());
    for (String w : words) {
      int slash = w.indexOf('/');
      calls.add(slash < 0 ? List.of(PyValue.str(w))
          : List.of(PyValue.str(w.substring(0, slash)), PyValue.str(w.substring(slash + 1))));
    }
    return calls;
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    PyArgs.between("getservbyname", args, 1, 2);
    String name = PyArgs.str("getservbyname", 1, args.get(0));
    String proto = args.size() > 1 ? PyArgs.str("getservbyname", 2, args.get(1)) : null;
    return PyValue.PyInt.of(session.netDb().getservbyname(name, proto));
  }

  @Override
  public String label(List<PyValue> args) {
    return TextRenderer.joinLabel(args, "/");
  }
}
