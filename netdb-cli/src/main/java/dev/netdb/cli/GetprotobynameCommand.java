package dev.netdb.cli;

import java.util.List;

/** Python's {@code getprotobyname(name)}. */
final class GetprotobynameCommand implements Command {
  @Override
  public String name() {
    return "getprotobyname";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    return Words.eachAsStr(name(), words);
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    PyArgs.exactly("getprotobyname", args, 1);
    String name = PyArgs.str("getprotobyname", 1, args.get(0));
    return PyValue.PyInt.of(session.netDb().getprotobyname(name));
  }
}
