package dev.netdb.cli;

import dev.netdb.AddressFamily;
import dev.netdb.Inet;
import java.util.ArrayList;
import java.util.List;

/** Python's {@code inet_ntop(family, packed)}; the packed address is given as hex. */
final class InetNtopCommand implements Command {
  @Override
  public String name() {
    return "inet_ntop";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    if (words.size() < 2) {
      throw new UsageException("inet_ntop needs a family (AF_INET, AF_INET6 or a number) and"
          + " at least one packed address in hex");
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
    PyArgs.exactly("inet_ntop", args, 2);
    int af = PyArgs.asInt(args.get(0)); // format "iy*"
    byte[] packed = PyArgs.bytes(args.get(1));
    // socketmodule.c socket_inet_ntop: the length is checked per family, then the family
    AddressFamily family;
    if (af == AddressFamily.INET.value()) {
      family = AddressFamily.INET;
      if (packed.length != 4) {
        throw PyError.valueError("invalid length of packed IP address string");
      }
    } else if (af == AddressFamily.INET6.value()) {
      family = AddressFamily.INET6;
      if (packed.length != 16) {
        throw PyError.valueError("invalid length of packed IP address string");
      }
    } else {
      throw PyError.valueError("unknown address family " + af);
    }
    return PyValue.str(Inet.ntop(family, packed));
  }

  @Override
  public String label(List<PyValue> args) {
    return args.size() > 1 ? TextRenderer.str(args.get(1)) : "";
  }
}
