package dev.netdb.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netdb.AddrInfo;
import dev.netdb.NetDb;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OS back end's asynchronous calls: glibc blocks, so they run on the shared {@code netdb-os-N}
 * pool of daemon platform threads, and a blocking call inside a callback returns. Numeric inputs
 * only, so glibc looks nothing up.
 */
class OsBackendAsyncTest {
  @BeforeAll
  static void needsTheOsBackEnd() {
    assumeTrue(OsBackend.isAvailable(), "no OS back end here: " + OsBackend.unavailableReason());
  }

  @Test
  void asyncCallsRunOnTheSharedDaemonPool() throws Exception {
    NetDb db = NetDb.os();
    List<AddrInfo> r = db.getaddrinfoAsync("127.0.0.1", "80", 2, 1, 0, 0).get(10, TimeUnit.SECONDS);
    assertThat(r).extracting(AddrInfo::host).containsExactly("127.0.0.1");
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.getName().startsWith("netdb-os-"))
        .isNotEmpty()
        .allMatch(Thread::isDaemon);
  }

  @Test
  void aBlockingCallInsideACallbackReturns() throws Exception {
    NetDb db = NetDb.os();
    CompletableFuture<String> f = db.getnameinfoAsync("::1", 80, 0, 0, 3) // NI_NUMERICHOST|NI_NUMERICSERV
        .thenApply(ni -> ni.host() + " " + db.gethostbyname("127.1")
            + " " + db.getaddrinfo("::1", "443", 10, 1, 0, 0).getFirst().port());
    assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("::1 127.0.0.1 443");
  }

  @Test
  void closeDoesNothing() throws Exception {
    NetDb db = NetDb.os();
    db.close();
    db.close();
    assertThat(db.gethostbynameAsync("127.0.0.1").get(10, TimeUnit.SECONDS)).isEqualTo("127.0.0.1");
  }
}
