package dev.netdb.cli;

import dev.netdb.Inet;
import java.util.List;

/** Python's {@code inet_aton(string)}; the packed result is shown as lowercase hex. */
final class InetAtonCommand implements Command {
  @Override
  public String name() {
    return "inet_aton";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    return Words.eachAsStr(name(), words);
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    PyArgs.exactly("inet_aton", args, 1);
    return new PyValue.PyBytes(Inet.aton(PyArgs.str("inet_aton", 1, args.get(0))));
  }
}
