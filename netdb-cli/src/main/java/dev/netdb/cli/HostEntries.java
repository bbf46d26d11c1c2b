package dev.netdb.cli;

import dev.netdb.HostEntry;
import java.util.List;

/** Converts host entries to Python's {@code (name, aliases, addresses)} tuple. */
final class HostEntries {
  private HostEntries() {}

  /** Returns the entry as Python returns it. */
  static PyValue toPython(HostEntry e) {
    return new PyValue.PyTuple(
        List.of(PyValue.str(e.name()), PyValue.strList(e.aliases()),
            PyValue.strList(e.addresses())));
  }
}
