package dev.netdb.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, indexed services table with glibc's lookup rules ({@code files-service.c}
 * {@code DB_LOOKUP}): the first entry in file order wins; names, aliases and protocols compare
 * case-sensitively ({@code strcmp}); a null protocol matches any.
 *
 * <p>Lookups are hash-map or array reads over candidates kept in file order, built once per file
 * version, so a warm lookup allocates nothing.
 */
final class ServicesTable {
  private static final Servent[] NONE = new Servent[0];

  private final List<Servent> entries;
  private final Map<String, Servent[]> byName;
  private final Servent[][] byPort = new Servent[65536][];

  ServicesTable(List<Servent> entries) {
    this.entries = List.copyOf(entries);
    Map<String, List<Servent>> names = new HashMap<>();
    // Ports are collected in a map, not a 65536-slot list: building runs once per process start
    // in the CLI, mostly interpreted, where two passes over 65536 slots cost milliseconds.
    Map<Integer, List<Servent>> ports = new HashMap<>();
    for (Servent e : this.entries) {
      addOnce(names.computeIfAbsent(e.name(), k -> new ArrayList<>(1)), e);
      for (String alias : e.aliases()) {
        addOnce(names.computeIfAbsent(alias, k -> new ArrayList<>(1)), e);
      }
      ports.computeIfAbsent(e.port(), k -> new ArrayList<>(1)).add(e);
    }
    Map<String, Servent[]> index = HashMap.newHashMap(names.size());
    names.forEach((k, v) -> index.put(k, v.toArray(NONE)));
    this.byName = index;
    ports.forEach((p, atPort) -> byPort[p] = atPort.toArray(NONE));
  }

  /** Adds {@code e} unless it was the last one added (a name repeated among its own aliases). */
  private static void addOnce(List<Servent> list, Servent e) {
    if (list.isEmpty() || list.getLast() != e) {
      list.add(e);
    }
  }

  /** Returns the entries in file order. */
  List<Servent> entries() {
    return entries;
  }

  /** Returns the first entry named or aliased {@code name} with protocol {@code proto}, or null. */
  Servent byName(String name, String proto) {
    Servent[] candidates = byName.get(name);
    return candidates == null ? null : first(candidates, proto);
  }

  /** Returns the first entry on {@code port} (masked to 16 bits, as htons does), or null. */
  Servent byPort(int port, String proto) {
    Servent[] candidates = byPort[port & 0xffff];
    return candidates == null ? null : first(candidates, proto);
  }

  private static Servent first(Servent[] candidates, String proto) {
    if (proto == null) {
      return candidates[0];
    }
    for (Servent e : candidates) {
      if (e.protocol().equals(proto)) {
        return e;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "ServicesTable" + Arrays.asList(entries.size(), byName.size());
  }
}
