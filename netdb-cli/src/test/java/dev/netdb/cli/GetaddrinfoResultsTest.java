package dev.netdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.AddrInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link GetaddrinfoCommand.Results}, the list of 5-tuples that {@link JsonWriter} writes straight
 * from the library's results, against the same tuples made one by one and written the general way.
 */
class GetaddrinfoResultsTest {
  private static final int[] FAMILIES = {0, 1, 2, 3, 10, 12, 16, 17, 27, 38, 40, 42, 43, 44, -1};
  private static final int[] TYPES = {0, 1, 2, 3, 4, 5, 6, 10, 2048, 524288, 524289, -3};
  private static final int[] PROTOCOLS = {0, 6, 17, 132, 255, 1 << 20};
  private static final String[] NAMES = {"", "h5.bulk.test", "q\"uote\\", "caf\u00e9", "\ud800",
      "tab\there", "x\ud83d\ude00"};
  private static final String[] HOSTS = {"10.0.0.0", "::1", "fe80::1", "255.255.255.255", ""};
  private static final int[] PORTS = {0, 80, 65535};
  private static final long[] FLOWS = {0, 1, 0xfffff, 0xffffffffL};
  private static final long[] SCOPES = {0, 2, 0xffffffffL};

  @Test
  void writesEveryResultAsItsTuplesAreWritten() {
    List<AddrInfo> all = new ArrayList<>();
    int k = 0;
    for (int family : FAMILIES) {
      for (int type : TYPES) {
        for (int i = 0; i < 4; i++, k++) {
          all.add(new AddrInfo(family, type, PROTOCOLS[k % PROTOCOLS.length],
              NAMES[k % NAMES.length], HOSTS[k % HOSTS.length], PORTS[k % PORTS.length],
              FLOWS[k % FLOWS.length], SCOPES[k % SCOPES.length]));
        }
      }
    }
    for (AddrInfo ai : all) {
      assertWrittenAsTuples(List.of(ai));
    }
    for (int n = 0; n <= 4; n++) {
      for (int from = 0; from + n <= all.size(); from += 97) {
        assertWrittenAsTuples(all.subList(from, from + n));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      # family, type, proto, canonname, host, port, flowinfo, scope | JSON
      inet stream   | 2, 1, 6, , 10.0.0.1, 80, 0, 0          | [["AF_INET", "SOCK_STREAM", 6, "", ["10.0.0.1", 80]]]
      inet6 dgram   | 10, 2, 17, h, ::1, 53, 5, 2            | [["AF_INET6", "SOCK_DGRAM", 17, "h", ["::1", 53, 5, 2]]]
      no members    | 12, 10, 0, , 0.0.0.0, 0, 0, 0          | [[12, 10, 0, "", ["0.0.0.0", 0]]]
      """)
  void writesTheTuplesPythonShows(String name, String fields, String json) {
    String[] f = fields.split(",", -1);
    AddrInfo ai = new AddrInfo(Integer.parseInt(f[0].strip()), Integer.parseInt(f[1].strip()),
        Integer.parseInt(f[2].strip()), f[3].strip(), f[4].strip(), Integer.parseInt(f[5].strip()),
        Long.parseLong(f[6].strip()), Long.parseLong(f[7].strip()));
    StringBuilder out = new StringBuilder();
    JsonWriter.write(out, GetaddrinfoCommand.toPython(List.of(ai)));
    assertThat(out.toString()).isEqualTo(json);
  }

  /** Checks the list written from the results against its tuples written one by one. */
  private static void assertWrittenAsTuples(List<AddrInfo> results) {
    PyValue fast = GetaddrinfoCommand.toPython(results);
    List<PyValue> tuples = new ArrayList<>();
    for (AddrInfo ai : results) {
      tuples.add(GetaddrinfoCommand.toPython(ai));
    }
    PyValue general = new PyValue.PyList(List.copyOf(tuples));
    StringBuilder a = new StringBuilder();
    JsonWriter.write(a, fast);
    StringBuilder b = new StringBuilder();
    JsonWriter.array(b, tuples);
    assertThat(a.toString()).as(results.toString()).isEqualTo(b.toString());
    assertThat(fast).isEqualTo(general); // the tuples it gives are the same values
    assertThat(TextRenderer.repr(fast)).isEqualTo(TextRenderer.repr(general));
  }
}
