package dev.netdb.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Python's {@code gethostbyname_ex(host)}. */
final class GethostbynameExCommand implements Command {
  @Override
  public String name() {
    return "gethostbyname_ex";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    return Words.eachAsStr(name(), words);
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    PyArgs.exactly("gethostbyname_ex", args, 1);
    String host = PyArgs.hostStr("gethostbyname_ex", args.get(0));
    return HostEntries.toPython(session.netDb().gethostbynameEx(host));
  }

  @Override
  public CompletableFuture<PyValue> callAsync(Session session, List<PyValue> args) {
    PyArgs.exactly("gethostbyname_ex", args, 1);
    String host = PyArgs.hostStr("gethostbyname_ex", args.get(0));
    return session.netDb().gethostbynameExAsync(host).thenApply(HostEntries::toPython);
  }

  @Override
  public TextRenderer.Layout layout() {
    return TextRenderer.Layout.HOST_ENTRY;
  }
}
