package dev.netdb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Checks {@link GetaddrinfoCorpus}: size, determinism, coverage, and that Python accepts it. */
@ExtendWith(OracleNamespaceExtension.class)
class GetaddrinfoCorpusTest {
  private static final List<String> CORPUS = GetaddrinfoCorpus.generate();

  @Test
  void defaultCorpusHasAtLeast5000DistinctLines() {
    assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(5000).doesNotHaveDuplicates();
    assertThat(CORPUS).hasSize(GetaddrinfoCorpus.DEFAULT_SIZE);
  }

  @Test
  void sameSeedSameCorpusOtherSeedOtherCorpus() {
    assertThat(GetaddrinfoCorpus.generate(GetaddrinfoCorpus.DEFAULT_SEED, 6000))
        .isEqualTo(CORPUS);
    assertThat(GetaddrinfoCorpus.generate(7, 6000)).isNotEqualTo(CORPUS);
  }

  @Test
  void everyFlagCombinationAndEveryPoolValueAppears() {
    for (int bits = 0; bits < 128; bits++) {
      Object name = GetaddrinfoCorpus.flagsName(bits);
      String suffix = ", " + (name instanceof String s ? "\"" + s + "\"" : name) + "]";
      assertThat(CORPUS).as("flags %s", name).anyMatch(l -> l.endsWith(suffix));
    }
    assertThat(GetaddrinfoCorpus.flagsName(0b1111111)).isEqualTo(
        "AI_PASSIVE|AI_CANONNAME|AI_NUMERICHOST|AI_V4MAPPED|AI_ALL|AI_ADDRCONFIG|AI_NUMERICSERV");
    String all = String.join("\n", CORPUS);
    for (String host : GetaddrinfoCorpus.HOSTS) {
      String json = host == null ? "[null, " : GetaddrinfoCorpus.line(host, 0, 0, 0, 0, 0)
          .substring(0, GetaddrinfoCorpus.line(host, 0, 0, 0, 0, 0).indexOf(", ") + 2);
      assertThat(all).as("host %s", host).contains(json.substring(1));
    }
    for (Object family : GetaddrinfoCorpus.FAMILIES) {
      assertThat(all).contains(", 80, " + jsonScalar(family) + ", ");
    }
    assertThat(all).contains("\"b\\u00fccher.example\"", "[\"*\", ", ", true, ", ", 80.0, ");
  }

  @Test
  void everyLineIsAJsonArrayOfSix() throws IOException {
    // Parsing only (json.loads), no lookup: safe outside the namespace.
    Requirements.require(
        Requirements.findProgram("python3").isPresent() || java.nio.file.Files.exists(
            java.nio.file.Path.of("/usr/bin/python3")), "/usr/bin/python3 missing");
    CommandResult result = CommandResult.run(List.of("/usr/bin/python3", "-c",
        "import sys, json\n"
            + "bad = [l for l in sys.stdin if not (isinstance(json.loads(l), list)"
            + " and len(json.loads(l)) == 6)]\n"
            + "print(len(bad))"),
        String.join("\n", CORPUS) + "\n", Duration.ofMinutes(2));
    assertThat(result.exit()).as(result.describe()).isZero();
    assertThat(result.stdout()).isEqualTo("0\n");
  }

  /**
   * Runs the whole corpus through Python's getaddrinfo inside the namespace in one batch: one
   * answer per call, every constant name exists in Python, and the outcomes are varied (a corpus
   * of only errors or only successes would test little).
   */
  @Test
  void pythonAnswersEveryCallInTheNamespace(OracleNamespace ns) throws IOException {
    String evaluator;
    try (InputStream in = getClass().getResourceAsStream("corpus_eval.py")) {
      evaluator = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    long start = System.nanoTime();
    CommandResult result = ns.runBatch(List.of("/usr/bin/python3", "-c", evaluator), CORPUS);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(result.exit()).as(result.describe()).isZero();
    List<String> out = result.lines();
    assertThat(out).hasSize(CORPUS.size());
    assertThat(out).noneMatch(l -> l.startsWith("BAD-CONSTANT"));
    Map<String, Long> kinds = out.stream().collect(Collectors.groupingBy(
        l -> l.startsWith("ok ") ? "ok" : l.substring(0, Math.max(l.indexOf('('), 0)),
        TreeMap::new, Collectors.counting()));
    System.err.println("GetaddrinfoCorpusTest: " + CORPUS.size() + " calls in " + millis
        + " ms: " + kinds);
    assertThat(kinds).containsKeys("ok", "gaierror", "OSError", "UnicodeError");
    assertThat(kinds.get("ok")).isGreaterThan(CORPUS.size() / 10);
    assertThat(out.stream().filter(l -> l.startsWith("gaierror"))
        .map(l -> l.substring(0, l.indexOf(',')))
        .collect(Collectors.toMap(Function.identity(), l -> 1, Integer::sum)).keySet())
        .contains("gaierror(-1", "gaierror(-2", "gaierror(-5", "gaierror(-6", "gaierror(-7",
            "gaierror(-8", "gaierror(-9");
  }

  /**
   * Runs the corpus through {@code tools/oracle.py getaddrinfo} (the shared Python oracle) in the
   * namespace: one JSON object per call, each echoing its call, none rejected as malformed.
   */
  @Test
  void toolsOracleAnswersEveryCallInTheNamespace(OracleNamespace ns) throws IOException {
    java.nio.file.Path repo = java.nio.file.Path.of(System.getProperty("basedir", "."))
        .toAbsolutePath().getParent();
    java.nio.file.Path oracle = repo.resolve("tools/oracle.py");
    Requirements.require(java.nio.file.Files.exists(oracle), "tools/oracle.py missing at " + oracle);
    long start = System.nanoTime();
    CommandResult result = ns.runBatch(
        List.of("/usr/bin/python3", "tools/oracle.py", "getaddrinfo"), CORPUS, repo);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(result.exit()).as(result.stderr()).isIn(0, 2);
    List<String> out = result.lines();
    assertThat(out).hasSize(CORPUS.size());
    for (int i = 0; i < out.size(); i++) {
      assertThat(out.get(i)).as("line %d", i + 1)
          .startsWith("{\"call\": [").doesNotContain("not a JSON array");
    }
    System.err.println("GetaddrinfoCorpusTest: tools/oracle.py answered " + out.size()
        + " calls in " + millis + " ms");
  }

  private static String jsonScalar(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
