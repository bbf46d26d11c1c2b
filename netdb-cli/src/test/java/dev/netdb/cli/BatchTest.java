package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch on the java back end runs concurrently; its output must be exactly what the same calls
 * give one at a time, in input order, whatever order they finish in.
 */
class BatchTest {

  @Test
  void concurrentOutputEqualsSequentialOutputInInputOrder(@TempDir Path dir) throws Exception {
    Path hosts = dir.resolve("hosts");
    StringBuilder h = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      h.append("192.0.2.").append(i).append(" host").append(i).append(" alias").append(i).append('\n');
    }
    Files.writeString(hosts, h);
    Path resolv = dir.resolve("resolv.conf");
    // A loopback nameserver on a closed port: no call here should reach DNS, and none can leave.
    Files.writeString(resolv, "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
    Options options =
        new Options("java", true, hosts.toString(), resolv.toString(), List.of("127.0.0.1:9"),
            null, false, null, List.of());
    NetDb java = BackendFactory.create(options);

    StringBuilder in = new StringBuilder();
    int calls = 3 * Batch.WINDOW + 17;
    for (int i = 0; i < calls; i++) {
      switch (i % 4) {
        case 0 -> in.append("[\"host").append(i % 50).append("\"]\n");
        case 1 -> in.append("[\"10.").append(i / 256).append('.').append(i % 256).append(".1\"]\n");
        case 2 -> in.append("[\"a..b\"]\n");
        default -> in.append("[\"alias").append(i % 50).append("\", 3]\n");
      }
    }
    in.append("not json\n");

    var concurrent = CliRunner.run(java, in.toString(), "--backend", "java", "--json",
        "gethostbyname_ex", "-");
    // The same calls one per process argument list would not be a batch; run them as separate
    // single-line batches instead, which never overlap.
    StringBuilder sequential = new StringBuilder();
    for (String line : in.toString().split("\n")) {
      sequential.append(
          CliRunner.run(java, line + "\n", "--backend", "java", "--json", "gethostbyname_ex", "-")
              .out());
    }
    assertThat(concurrent.out().lines().count()).isEqualTo(calls + 1);
    // Line numbers of malformed lines differ between the two runs; compare all other lines.
    List<String> a = concurrent.out().lines().filter(l -> !l.contains("line ")).toList();
    List<String> b = sequential.toString().lines().filter(l -> !l.contains("line ")).toList();
    assertThat(a).isEqualTo(b);
    assertThat(a.get(0)).isEqualTo(
        "{\"call\": [\"host0\"], \"result\": [\"host0\", [\"alias0\"], [\"192.0.2.0\"]]}");
  }
}
