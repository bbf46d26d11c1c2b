package dev.netdb.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdb.testing.ClientFixture;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Apache HttpClient 5 fetching by names that NSD on loopback serves, through {@link NetDbDnsResolver}. */
class NetDbDnsResolverTest {
  @TempDir Path dir;
  ClientFixture fx;
  CloseableHttpClient client;

  @BeforeEach
  void setUp() {
    fx = ClientFixture.start(dir);
    client = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new NetDbDnsResolver(fx.netDb())).build())
        .build();
  }

  @AfterEach
  void tearDown() throws IOException {
    client.close();
    fx.close();
  }

  String get(String name) throws IOException {
    return client.execute(new HttpGet(fx.url(name)), r -> EntityUtils.toString(r.getEntity()));
  }

  @Test
  void dualStackNameIsTriedInGlibcOrder() throws Exception {
    var order = fx.glibcOrder(ClientFixture.DUAL);
    assertThat(order).hasSize(2);
    assertThat(new NetDbDnsResolver(fx.netDb()).resolve(ClientFixture.DUAL)).containsExactlyElementsOf(order);
    assertThat(get(ClientFixture.DUAL)).isEqualTo(ClientFixture.bodyOf(order.getFirst()));
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
    assertThat(get(ClientFixture.SVC)).isEqualTo("moved");
  }

  @Test
  void nxdomainIsTheClientsUsualUnknownHostException() {
    assertThatThrownBy(() -> get(ClientFixture.NXDOMAIN))
        .isInstanceOf(UnknownHostException.class)
        .hasMessage("nosuch.clients.test: Name or service not known (no such name: NXDOMAIN, or not in the hosts file)");
  }

  @Test
  void canonicalNameIsTheEndOfTheCnameChain() throws Exception {
    NetDbDnsResolver r = new NetDbDnsResolver(fx.netDb());
    assertThat(r.resolveCanonicalHostname(ClientFixture.ALIAS)).isEqualTo(ClientFixture.SVC);
    assertThat(r.resolveCanonicalHostname(ClientFixture.SVC)).isEqualTo(ClientFixture.SVC);
    assertThatThrownBy(() -> r.resolveCanonicalHostname(ClientFixture.NXDOMAIN)).isInstanceOf(UnknownHostException.class);
  }
}
