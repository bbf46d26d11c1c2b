package dev.netdb.cli;

import dev.netdb.Inet;
import java.util.List;

/** Python's {@code inet_ntoa(packed)}; the packed address is given as hex. */
final class InetNtoaCommand implements Command {
  @Override
  public String name() {
    return "inet_ntoa";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    return Words.eachAsStr(name(), words);
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    PyArgs.exactly("inet_ntoa", args, 1);
    byte[] packed = PyArgs.bytes(args.get(0));
    if (packed.length != 4) {
      throw PyError.osError("packed IP wrong length for inet_ntoa"); // socketmodule.c
    }
    return PyValue.str(Inet.ntoa(packed));
  }
}
