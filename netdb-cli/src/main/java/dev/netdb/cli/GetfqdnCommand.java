package dev.netdb.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Python's {@code getfqdn(name='')}, a function of {@code socket.py}. */
final class GetfqdnCommand implements Command {
  @Override
  public String name() {
    return "getfqdn";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    return words.isEmpty() ? List.of(List.of()) : Words.eachAsStr(name(), words);
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    String name = name(args);
    return PyValue.str(name == null ? session.netDb().getfqdn() : session.netDb().getfqdn(name));
  }

  @Override
  public CompletableFuture<PyValue> callAsync(Session session, List<PyValue> args) {
    String name = name(args);
    // NetDb.getfqdn() is getfqdn(""), as socket.py's default argument is ''.
    return session.netDb().getfqdnAsync(name == null ? "" : name).thenApply(PyValue::str);
  }

  /** Checks the arguments as Python does and returns the name, or null for {@code getfqdn()}. */
  private static String name(List<PyValue> args) {
    if (args.size() > 1) {
      throw PyError.typeError("getfqdn() takes from 0 to 1 positional arguments but "
          + args.size() + " were given");
    }
    if (args.isEmpty()) {
      return null;
    }
    if (!(args.get(0) instanceof PyValue.PyStr(String name))) {
      // socket.py calls name.strip() first
      throw new PyError("AttributeError", null,
          "'" + args.get(0).typeName() + "' object has no attribute 'strip'");
    }
    return name;
  }
}
