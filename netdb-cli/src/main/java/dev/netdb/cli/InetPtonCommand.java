package dev.netdb.cli;

import dev.netdb.AddressFamily;
import dev.netdb.Inet;
import java.util.ArrayList;
import java.util.List;

/** Python's {@code inet_pton(family, string)}; the packed result is shown as lowercase hex. */
final class InetPtonCommand implements Command {
  @Override
  public String name() {
    return "inet_pton";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    if (words.size() < 2) {
      throw new UsageException("inet_pton needs a family (AF_INET, AF_INET6 or a number) and"
          + " at least one address");
    }
    PyValue family = Words.constant(name(), "FAMILY", words.get(0));
    List<List<PyValue>> calls = new ArrayList<>();
    for (String w : words.subList(1, words.size())) {
      calls.add(List.of(family, PyValue.str(w)));
    }
    return calls;
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    PyArgs.exactly("inet_pton", args, 2);
    int af = PyArgs.asInt(args.get(0)); // format "is"
    String text = PyArgs.str("inet_pton", 2, args.get(1));
    AddressFamily family = af == AddressFamily.INET.value() ? AddressFamily.INET
        : af == AddressFamily.INET6.value() ? AddressFamily.INET6 : null;
    if (family == null) {
      // glibc inet_pton sets EAFNOSUPPORT and Python raises OSError from errno
      throw new PyError("OSError", 97, "Address family not supported by protocol");
    }
    return new PyValue.PyBytes(Inet.pton(family, text));
  }

  @Override
  public String label(List<PyValue> args) {
    return args.size() > 1 ? TextRenderer.str(args.get(1)) : "";
  }
}
