package dev.netdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdb.backend.AddressInfo;
import dev.netdb.backend.Hostent;
import dev.netdb.dns.HErrnoEffect;
import dev.netdb.text.IpLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The per-thread h_errno of the Python layer ({@link ThreadHErrno}) over a back end whose effects
 * are scripted: CPython's leftover herror codes, per thread and instance, and the asynchronous
 * calls' order.
 */
class ThreadHErrnoTest {
  private final FakeBackend backend = new FakeBackend();
  private final PythonLayer py = new PythonLayer(backend);

  {
    backend.addrinfo.put("files.example/2", List.of(v4("192.0.2.1")));
    backend.addrinfo.put("files.example/0", List.of(v4("192.0.2.1")));
    backend.addrinfo.put("dns.example/2", List.of(v4("192.0.2.2")));
    backend.addrinfo.put("dns.example/0", List.of(v4("192.0.2.2")));
    backend.byName.put("files.example", new Hostent("files.example", List.of(), List.of("192.0.2.1")));
    backend.byName.put("dns.example", new Hostent("dns.example", List.of(), List.of("192.0.2.2")));
    backend.byAddr.put("192.0.2.1", new Hostent("files.example", List.of(), List.of("192.0.2.1")));
    // getaddrinfo: files leave HOST_NOT_FOUND, DNS success NETDB_SUCCESS, NODATA 4, NXDOMAIN 1.
    backend.effects.put("gai files.example", HErrnoEffect.set(1));
    backend.effects.put("gai dns.example", HErrnoEffect.set(0));
    backend.effects.put("gai nodata.example", HErrnoEffect.set(4));
    backend.effects.put("gai nosuch.example", HErrnoEffect.set(1));
    // gethostbyname_r: res_search leaves HOST_NOT_FOUND after a success; '<broadcast>' is refused
    // by nss_dns before any query, the global untouched.
    backend.effects.put("ghbn dns.example", HErrnoEffect.set(1));
    backend.effects.put("ghbn <broadcast>", HErrnoEffect.UNTOUCHED);
    // An unknown address under "hosts: files": nss_files fills only h_errnop.
    backend.effects.put("ghba 198.51.100.7", HErrnoEffect.UNTOUCHED);
  }

  private static AddressInfo v4(String a) {
    return new AddressInfo(2, 1, 6, "", IpLiterals.pton4(a), 0, 0, 0);
  }

  /** Returns the outcome of a call: "ok", or the Python exception's kind and code. */
  private static String outcome(Runnable call) {
    try {
      call.run();
      return "ok";
    } catch (NetDbException e) {
      return e.kind().name().toLowerCase() + " " + e.code().orElse(99) + " " + e.pythonMessage();
    }
  }

  private String broadcast() {
    return outcome(() -> py.gethostbynameEx("<broadcast>"));
  }

  @Test
  void aFreshThreadReadsZero() {
    assertThat(broadcast()).isEqualTo("herror 0 Resolver Error 0 (no error)");
    assertThat(outcome(() -> py.gethostbyaddr("198.51.100.7"))).isEqualTo("herror 0 Resolver Error 0 (no error)");
  }

  @Test
  void eachCallLeavesItsValueAndNumericCallsLeaveItAlone() {
    List<String> seen = new ArrayList<>();
    for (Runnable call : List.<Runnable>of(
        () -> outcome(() -> py.getaddrinfo("nodata.example", null, 0, 0, 0, 0)),
        () -> py.gethostbyname("10.1.2.3"),
        () -> py.gethostbyaddr("192.0.2.1"),
        () -> outcome(() -> py.getaddrinfo("nosuch.example", null, 0, 0, 0, 0)),
        () -> py.getaddrinfo("dns.example", null, 0, 0, 0, 0),
        () -> py.gethostbyname("files.example"),
        () -> py.gethostbynameEx("dns.example"),
        () -> py.getaddrinfo("dns.example", null, 2, 0, 0, 0))) {
      call.run();
      seen.add(broadcast());
    }
    assertThat(seen).containsExactly(
        "herror 4 No address associated with name", "herror 4 No address associated with name",
        "herror 4 No address associated with name", "herror 1 Unknown host",
        "herror 0 Resolver Error 0 (no error)", "herror 1 Unknown host", "herror 1 Unknown host",
        "herror 0 Resolver Error 0 (no error)");
  }

  @Test
  void theHerrorOfAFailedLookupIsTheValueAfterIt() {
    backend.effects.put("ghbn files.example", HErrnoEffect.set(2));
    backend.byName.remove("files.example");
    // getaddrinfo leaves 1, then gethostbyname_r fails with h_errnop 1 but leaves 2.
    assertThat(outcome(() -> py.gethostbynameEx("files.example"))).isEqualTo("herror 2 Host name lookup failure");
    assertThat(py.threadHErrno()).isEqualTo(2);
    // getfqdn catches the herror; its effect stays.
    backend.effects.put("gai nosuch.example", HErrnoEffect.set(4));
    assertThat(py.getfqdn("nosuch.example")).isEqualTo("nosuch.example");
    assertThat(py.threadHErrno()).isEqualTo(4);
  }

  @Test
  void eachThreadAndInstanceHasItsOwn() throws Exception {
    outcome(() -> py.getaddrinfo("nodata.example", null, 0, 0, 0, 0));
    String[] other = new String[1];
    Thread t = Thread.ofVirtual().start(() -> other[0] = broadcast());
    t.join();
    assertThat(other[0]).isEqualTo("herror 0 Resolver Error 0 (no error)");
    assertThat(broadcast()).isEqualTo("herror 4 No address associated with name");
    assertThat(new PythonLayer(backend).threadHErrno()).isZero();
    assertThat(PythonLayer.shared(py).threadHErrno()).isEqualTo(4);
  }

  @Test
  void asyncCallsApplyInTheOrderTheThreadMadeThem() throws Exception {
    CompletableFuture<Void> slow = new CompletableFuture<>();
    backend.gates.put("nodata.example", slow);
    CompletableFuture<List<AddrInfo>> first = py.getaddrinfoAsync("nodata.example", null, 0, 0, 0, 0);
    CompletableFuture<HostEntry> probe1 = py.gethostbynameExAsync("<broadcast>");
    CompletableFuture<List<AddrInfo>> third = py.getaddrinfoAsync("dns.example", null, 0, 0, 0, 0);
    CompletableFuture<HostEntry> probe2 = py.gethostbynameExAsync("<broadcast>");
    // The later calls are done, but the probes' codes wait for the call before them.
    assertThat(third).isCompleted();
    assertThat(probe1).isNotDone();
    assertThat(probe2).isNotDone();
    slow.complete(null);
    assertThat(first).isCompletedExceptionally();
    assertThat(code(probe1)).isEqualTo(4);
    assertThat(code(probe2)).isZero();
    // A blocking call after them on the same thread comes after them too.
    assertThat(broadcast()).isEqualTo("herror 0 Resolver Error 0 (no error)");
  }

  @Test
  void aBlockingLeftoverHerrorWaitsForTheThreadsAsyncCalls() throws Exception {
    CompletableFuture<Void> slow = new CompletableFuture<>();
    backend.gates.put("nodata.example", slow);
    CompletableFuture<List<AddrInfo>> pending = py.getaddrinfoAsync("nodata.example", null, 0, 0, 0, 0);
    Thread.ofVirtual().start(() -> {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      slow.complete(null);
    });
    assertThat(broadcast()).isEqualTo("herror 4 No address associated with name");
    assertThat(pending).failsWithin(5, TimeUnit.SECONDS);
  }

  private static int code(CompletableFuture<?> f) throws Exception {
    try {
      f.get(5, TimeUnit.SECONDS);
      return -1;
    } catch (java.util.concurrent.ExecutionException e) {
      return ((HostException) e.getCause()).code().orElseThrow();
    } catch (CompletionException e) {
      return ((HostException) e.getCause()).code().orElseThrow();
    }
  }
}
