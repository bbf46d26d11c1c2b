package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Computes the package dependency graph of netdb-lib's main classes from their class files (the
 * {@code java.lang.classfile} API over {@code target/classes}: every class named in a constant
 * pool, directly or inside a descriptor or signature), prints it, and checks that it has no
 * cycle: packages import one way, downward (API and Python layer, then the back-end contract,
 * then the back ends, then files/dns/observe, then text and the trace model). The edges that once made cycles or pointed upward are
 * listed too, each with why, so that a failure names the rule that broke.
 */
class PackageGraphTest {
  private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L(dev/netdb/[\\w/$]+)[;<]");

  static Map<String, Set<String>> graph;

  @BeforeAll
  static void computeGraph() {
    graph = packageGraph(classesDirectory());
    System.out.println("[package graph] netdb-lib main classes");
    graph.forEach((from, to) -> System.out.println("  " + from + " -> " + to));
    List<Set<String>> cycles = cycles(graph);
    System.out.println("[package graph] cycles (strongly connected components): " + cycles.size());
    for (Set<String> c : cycles) {
      System.out.println("  " + c + ", edges inside:");
      c.forEach(from -> graph.get(from).stream().filter(c::contains)
          .forEach(to -> System.out.println("    " + from + " -> " + to
              + (graph.getOrDefault(to, Set.of()).contains(from) ? "  (two-way)" : ""))));
    }
  }

  @Test
  void packageGraphIsAcyclic() {
    assertThat(cycles(graph)).as("package cycles (strongly connected components)").isEmpty();
  }

  @Test
  void nothingBelowTheApiImportsIt() {
    // The factories in dev.netdb create the back ends, so an import of dev.netdb from below
    // would close a cycle: the layers below use their own records and LookupFailure.
    graph.forEach((from, to) -> assertThat(to).as(from).doesNotContain("dev.netdb"));
  }

  /** Edges that made cycles or pointed upward, each with why it must not come back. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      dev.netdb.files | dev.netdb.resolve | files<->resolve: IpLiterals lives in text
      dev.netdb.files | dev.netdb.python  | files->python: the getent formatter is the CLI's
      dev.netdb.text  | dev.netdb         | text->API: codecs return codes; Inet throws
      dev.netdb.text  | dev.netdb.resolve | text is the lowest layer
      dev.netdb.text  | dev.netdb.files   | text is the lowest layer
      dev.netdb.text  | dev.netdb.dns     | text is the lowest layer
      dev.netdb.dns   | dev.netdb.resolve | dns sits below the getaddrinfo pipeline
      dev.netdb.dns   | dev.netdb.python  | dns sits below the Python layer
      dev.netdb.files | dev.netdb.dns     | files sits below dns
      dev.netdb.dns.linux | dev.netdb.dns | the system calls know nothing of DNS
      dev.netdb.dns.linux | dev.netdb.os  | the DNS transport's system calls do not need the OS back end
      dev.netdb.os      | dev.netdb         | back ends return the contract's types, never the API's
      dev.netdb.resolve | dev.netdb         | back ends return the contract's types, never the API's
      dev.netdb.backend | dev.netdb         | the contract sits below the Python layer
      dev.netdb.backend | dev.netdb.os      | the contract does not know its implementations
      dev.netdb.backend | dev.netdb.resolve | the contract does not know its implementations
      dev.netdb.os      | dev.netdb.resolve | the back ends are independent
      dev.netdb.resolve | dev.netdb.os      | the back ends are independent
      dev.netdb.files   | dev.netdb         | files sits below the API
      dev.netdb.observe     | dev.netdb         | stats and traces reach the API as the lower records, converted at the edge
      dev.netdb.observe.jfr | dev.netdb.observe | the JFR events take values; Events owns the caches and calls them
      dev.netdb.trace       | dev.netdb         | the trace model is a leaf the API exports
      dev.netdb.trace       | dev.netdb.observe | the trace model is a leaf: the recorder builds it
      """)
  void removedEdgeStaysRemoved(String from, String to, String why) {
    assertThat(graph.getOrDefault(from, Set.of())).as(why).doesNotContain(to);
  }

  @Test
  void seesTheKnownPackages() {
    // A sanity check that the class files were found and read.
    assertThat(graph.keySet()).contains("dev.netdb", "dev.netdb.backend", "dev.netdb.dns",
        "dev.netdb.files", "dev.netdb.observe", "dev.netdb.observe.jfr", "dev.netdb.os",
        "dev.netdb.resolve", "dev.netdb.text", "dev.netdb.trace");
    assertThat(graph.get("dev.netdb.resolve")).contains("dev.netdb.dns", "dev.netdb.files");
  }

  @Test
  void findsCyclesInAKnownGraph() {
    Map<String, Set<String>> g = new TreeMap<>(Map.of(
        "a", Set.of("b"), "b", Set.of("c", "a"), "c", Set.of("d"), "d", Set.of("c"), "e",
        Set.of("a")));
    assertThat(cycles(g)).containsExactlyInAnyOrder(Set.of("a", "b"), Set.of("c", "d"));
  }

  /** Returns where the main classes were compiled: {@code target/classes}. */
  static Path classesDirectory() {
    try {
      return Path.of(NetDb.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns, for each package under {@code dev.netdb}, the other such packages it refers to. */
  static Map<String, Set<String>> packageGraph(Path classes) {
    Map<String, Set<String>> g = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        ClassModel model = ClassFile.of().parse(Files.readAllBytes(f));
        String name = model.thisClass().asInternalName();
        if (name.endsWith("module-info") || name.endsWith("package-info")) {
          continue;
        }
        String from = packageOf(name);
        Set<String> to = g.computeIfAbsent(from, k -> new TreeSet<>());
        for (PoolEntry e : model.constantPool()) {
          if (e instanceof ClassEntry c) {
            addType(to, c.asInternalName());
          } else if (e instanceof Utf8Entry u) {
            Matcher m = TYPE_IN_DESCRIPTOR.matcher(u.stringValue());
            while (m.find()) {
              addType(to, m.group(1));
            }
          }
        }
        to.remove(from);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return g;
  }

  private static void addType(Set<String> to, String internalName) {
    String n = internalName.startsWith("[") ? internalName.replaceAll("^\\[+L?|;$", "") : internalName;
    if (n.startsWith("dev/netdb/")) {
      to.add(packageOf(n));
    }
  }

  private static String packageOf(String internalName) {
    return internalName.substring(0, internalName.lastIndexOf('/')).replace('/', '.');
  }

  /** Returns the strongly connected components with more than one package (Tarjan). */
  static List<Set<String>> cycles(Map<String, Set<String>> g) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String v : g.keySet()) {
      if (!index.containsKey(v)) {
        strongConnect(v, g, index, low, stack, onStack, out, counter);
      }
    }
    return out;
  }

  private static void strongConnect(String v, Map<String, Set<String>> g, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out,
      int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]++);
    stack.push(v);
    onStack.add(v);
    for (String w : g.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        strongConnect(w, g, index, low, stack, onStack, out, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }
}
