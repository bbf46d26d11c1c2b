package dev.netdb.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdb.testing.ClientFixture;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real OkHttp client fetching by names that NSD on loopback serves, through {@link NetDbDns}. */
class NetDbDnsTest {
  @TempDir Path dir;
  ClientFixture fx;
  OkHttpClient client;

  @BeforeEach
  void setUp() {
    fx = ClientFixture.start(dir);
    // Fast fallback off: OkHttp then tries the addresses in exactly the order the Dns gives.
    client = new OkHttpClient.Builder().dns(new NetDbDns(fx.netDb())).fastFallback(false).build();
  }

  @AfterEach
  void tearDown() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    fx.close();
  }

  String get(String name) throws IOException {
    try (Response r = client.newCall(new Request.Builder().url(fx.url(name)).build()).execute()) {
      return r.body().string();
    }
  }

  @Test
  void dualStackNameIsTriedInGlibcOrder() throws Exception {
    assertThat(new NetDbDns(fx.netDb()).lookup(ClientFixture.DUAL)).isEqualTo(fx.glibcOrder(ClientFixture.DUAL));
    assertThat(fx.glibcOrder(ClientFixture.DUAL)).hasSize(2);
    assertThat(get(ClientFixture.DUAL)).isEqualTo(ClientFixture.bodyOf(fx.glibcOrder(ClientFixture.DUAL).getFirst()));
  }

  @Test
  void fetchesOverIpv4AndIpv6Loopback() throws Exception {
    assertThat(get(ClientFixture.SVC)).isEqualTo("v4");
    assertThat(get(ClientFixture.V6)).isEqualTo("v6");
  }

  @Test
  void aMovedRecordIsFollowedOnceItsTtlRunsOut() throws Exception {
    assertThat(get(ClientFixture.SVC)).isEqualTo("v4");
    fx.move();
    ClientFixture.waitForTtl();
    client.connectionPool().evictAll();
    assertThat(get(ClientFixture.SVC)).isEqualTo("moved");
  }

  @Test
  void nxdomainIsOkHttpsUsualUnknownHostException() {
    assertThatThrownBy(() -> get(ClientFixture.NXDOMAIN))
        .isInstanceOf(UnknownHostException.class)
        .hasMessage("nosuch.clients.test: Name or service not known (no such name: NXDOMAIN, or not in the hosts file)");
  }
}
