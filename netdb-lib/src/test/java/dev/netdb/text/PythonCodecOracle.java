package dev.netdb.text;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Runs codec calls through {@code /usr/bin/python3}'s {@code socket} module, one process for a whole
 * stream, and compares each outcome with {@link CodecCase#runJava()}. No call looks up a name.
 */
final class PythonCodecOracle {
  static final Path PYTHON = Path.of("/usr/bin/python3");

  /** Reads JSON requests, one a line, and writes one result line each (see CodecCase#runJava). */
  private static final String SCRIPT =
      """
      import sys, json, socket
      def run(op, fam, arg):
          if op == 'aton': return socket.inet_aton(arg).hex()
          if op == 'ntoa': return socket.inet_ntoa(bytes.fromhex(arg))
          if op == 'pton': return socket.inet_pton(fam, arg).hex()
          return socket.inet_ntop(fam, bytes.fromhex(arg))
      out = sys.stdout
      for line in sys.stdin:
          op, fam, arg = json.loads(line)
          try:
              r = 'R\\t' + run(op, fam, arg)
          except Exception as e:
              kind = type(e).__name__
              if kind == 'UnicodeEncodeError': kind = 'UnicodeError'
              code = getattr(e, 'errno', None) if isinstance(e, OSError) else None
              msg = e.strerror if code is not None else str(e)
              r = 'E\\t%s\\t%s\\t%s' % (kind, '-' if code is None else code, msg)
          out.write(r.encode('ascii', 'backslashreplace').decode() + '\\n')
      out.flush()
      """;

  /** Records one call on which Java and Python differ. */
  record Difference(CodecCase call, String java, String python) {
    @Override
    public String toString() {
      return call.toJson() + "\n  java:   " + java + "\n  python: " + python;
    }
  }

  /** Reports whether the oracle can run here. */
  static boolean available() {
    return Files.isExecutable(PYTHON);
  }

  /**
   * Streams {@code count} cases from {@code source} through Python and Java; returns every
   * difference (at most {@code keep} of them kept, the rest only counted in {@code total}).
   */
  static Result compare(Iterable<CodecCase> source, int keep) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(PYTHON.toString(), "-I", "-c", SCRIPT)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BlockingQueue<CodecCase> pending = new ArrayBlockingQueue<>(50_000);
    CodecCase end = CodecCase.aton("end");
    Throwable[] writerFailure = new Throwable[1];
    Thread writer =
        Thread.ofPlatform()
            .name("oracle-writer")
            .start(
                () -> {
                  try (BufferedWriter w =
                      new BufferedWriter(
                          new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII),
                          1 << 16)) {
                    for (CodecCase c : source) {
                      pending.put(c);
                      w.write(c.toJson());
                      w.write('\n');
                    }
                  } catch (IOException | InterruptedException | RuntimeException e) {
                    writerFailure[0] = e;
                  } finally {
                    try {
                      pending.put(end);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                });
    List<Difference> differences = new ArrayList<>();
    java.util.Map<String, Long> outcomes = new java.util.TreeMap<>();
    long total = 0;
    long calls = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII), 1 << 16)) {
      while (true) {
        CodecCase c = pending.take();
        if (c == end) {
          break;
        }
        String python = r.readLine();
        if (python == null) {
          throw new IOException("python3 stopped after " + calls + " calls");
        }
        calls++;
        String java = c.runJava();
        String label = c.op() + (c.op().startsWith("p") || c.op().equals("ntop") ? "(" + c.family() + ")" : "");
        outcomes.merge(
            label + " " + (python.startsWith("R") ? "ok" : python.substring(2).replaceAll("\\d+", "N")),
            1L,
            Long::sum);
        if (!java.equals(python)) {
          total++;
          if (differences.size() < keep) {
            differences.add(new Difference(c, java, python));
          }
        }
      }
    } finally {
      writer.join();
      p.destroy();
      p.waitFor();
    }
    if (writerFailure[0] != null) {
      throw new IOException("feeding python3 failed", writerFailure[0]);
    }
    return new Result(calls, total, List.copyOf(differences), java.util.Map.copyOf(outcomes));
  }

  /** Holds the number of calls compared, the number that differed and the first differences. */
  record Result(
      long calls, long differences, List<Difference> examples, java.util.Map<String, Long> outcomes) {
    void forEachExample(Consumer<Difference> action) {
      examples.forEach(action);
    }
  }
}
