package dev.netdb.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Python's {@code gethostbyaddr(ip)}. */
final class GethostbyaddrCommand implements Command {
  @Override
  public String name() {
    return "gethostbyaddr";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    return Words.eachAsStr(name(), words);
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    PyArgs.exactly("gethostbyaddr", args, 1);
    String ip = PyArgs.hostStr("gethostbyaddr", args.get(0));
    return HostEntries.toPython(session.netDb().gethostbyaddr(ip));
  }

  @Override
  public CompletableFuture<PyValue> callAsync(Session session, List<PyValue> args) {
    PyArgs.exactly("gethostbyaddr", args, 1);
    String ip = PyArgs.hostStr("gethostbyaddr", args.get(0));
    return session.netDb().gethostbyaddrAsync(ip).thenApply(HostEntries::toPython);
  }

  @Override
  public TextRenderer.Layout layout() {
    return TextRenderer.Layout.HOST_ENTRY;
  }
}
