package dev.netdb.files;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, indexed protocols table with glibc's lookup rules ({@code files-proto.c}
 * {@code DB_LOOKUP}): the first entry in file order whose name or alias equals the key
 * ({@code strcmp}, so case-sensitive), or whose number equals the key.
 */
final class ProtocolsTable {
  private final List<Protoent> entries;
  private final Map<String, Protoent> byName;
  private final Protoent[] small = new Protoent[256];
  private final Map<Integer, Protoent> large;

  ProtocolsTable(List<Protoent> entries) {
    this.entries = List.copyOf(entries);
    Map<String, Protoent> names = new HashMap<>();
    Map<Integer, Protoent> numbers = new HashMap<>();
    for (Protoent e : this.entries) {
      names.putIfAbsent(e.name(), e);
      for (String alias : e.aliases()) {
        names.putIfAbsent(alias, e);
      }
      int n = e.number();
      if (n >= 0 && n < small.length) {
        if (small[n] == null) {
          small[n] = e;
        }
      } else {
        numbers.putIfAbsent(n, e);
      }
    }
    this.byName = Map.copyOf(names);
    this.large = Map.copyOf(numbers);
  }

  /** Returns the entries in file order. */
  List<Protoent> entries() {
    return entries;
  }

  /** Returns the first entry named or aliased {@code name}, or null. */
  Protoent byName(String name) {
    return byName.get(name);
  }

  /** Returns the first entry with {@code number}, or null. */
  Protoent byNumber(int number) {
    return number >= 0 && number < small.length ? small[number] : large.get(number);
  }
}
