package dev.netdb.cli;

import java.util.List;

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
    if (args.size() > 1) {
      throw PyError.typeError("getfqdn() takes from 0 to 1 positional arguments but "
          + args.size() + " were given");
    }
    if (args.isEmpty()) {
      return PyValue.str(session.netDb().getfqdn());
    }
    if (!(args.get(0) instanceof PyValue.PyStr(String name))) {
      // socket.py calls name.strip() first
      throw new PyError("AttributeError", null,
          "'" + args.get(0).typeName() + "' object has no attribute 'strip'");
    }
    return PyValue.str(session.netDb().getfqdn(name));
  }
}
