package dev.netdb.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Python's {@code gethostbyname(host)}. */
final class GethostbynameCommand implements Command {
  @Override
  public String name() {
    return "gethostbyname";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    return Words.eachAsStr(name(), words);
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    PyArgs.exactly("gethostbyname", args, 1);
    String host = PyArgs.hostStr("gethostbyname", args.get(0));
    return PyValue.str(session.netDb().gethostbyname(host));
  }

  @Override
  public CompletableFuture<PyValue> callAsync(Session session, List<PyValue> args) {
    PyArgs.exactly("gethostbyname", args, 1);
    String host = PyArgs.hostStr("gethostbyname", args.get(0));
    return session.netDb().gethostbynameAsync(host).thenApply(PyValue::str);
  }
}
