package dev.netdb.text;

/**
 * Compares {@code N} random and edge-case calls per codec (aton, ntoa, pton IPv4, pton IPv6, ntop
 * IPv4, ntop IPv6) with {@code /usr/bin/python3}, from seed {@code SEED}; prints the count of
 * differences and the time, and exits 1 on any difference. Run it with {@code scripts/oracle-codecs
 * N SEED}.
 */
public final class CodecOracleMain {
  private CodecOracleMain() {}

  /** Runs the comparison: {@code args} are {@code N} and {@code SEED}. */
  public static void main(String[] args) throws Exception {
    int perCodec = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
    if (!PythonCodecOracle.available()) {
      System.err.println("oracle-codecs: /usr/bin/python3 is missing");
      System.exit(2);
    }
    long start = System.nanoTime();
    PythonCodecOracle.Result result =
        PythonCodecOracle.compare(new CodecCorpus(seed, perCodec), 20);
    double seconds = (System.nanoTime() - start) / 1e9;
    result.forEachExample(d -> System.out.println(d));
    if (Boolean.getBoolean("oracle.outcomes")) {
      new java.util.TreeMap<>(result.outcomes())
          .forEach((k, v) -> System.out.printf("%9d  %s%n", v, k));
    }
    System.out.printf(
        "oracle-codecs: %d calls per codec x 6 = %d calls, seed %d: %d differences in %.1f s%n",
        perCodec, result.calls(), seed, result.differences(), seconds);
    System.exit(result.differences() == 0 ? 0 : 1);
  }
}
