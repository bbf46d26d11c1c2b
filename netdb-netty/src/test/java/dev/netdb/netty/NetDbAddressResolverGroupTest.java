package dev.netdb.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdb.NetDb;
import dev.netdb.testing.ClientFixture;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.EventExecutor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Netty HTTP client, on NIO event loops, fetching by names that NSD on loopback serves,
 * through {@link NetDbAddressResolverGroup}. The {@link NetDb} is wrapped so that every blocking
 * call records its thread: none may be an event loop's.
 */
class NetDbAddressResolverGroupTest {
  @TempDir Path dir;
  ClientFixture fx;
  EventLoopGroup group;
  NetDbAddressResolverGroup resolvers;
  final Set<Thread> blockingCallers = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void setUp() {
    fx = ClientFixture.start(dir);
    group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    resolvers = new NetDbAddressResolverGroup(recording(fx.netDb()));
  }

  @AfterEach
  void tearDown() throws Exception {
    resolvers.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    fx.close();
    for (Thread t : blockingCallers) {
      assertThat(isEventLoop(t)).as("blocking netdb call on event loop %s", t.getName()).isFalse();
    }
  }

  /** Returns {@code db} with every non-async call's thread recorded in {@link #blockingCallers}. */
  NetDb recording(NetDb db) {
    InvocationHandler h = (proxy, m, args) -> {
      if (m.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, m, args);
      }
      if (!m.getName().endsWith("Async") && !m.getName().equals("backendName")) {
        blockingCallers.add(Thread.currentThread());
      }
      try {
        return m.invoke(db, args);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (NetDb) Proxy.newProxyInstance(NetDb.class.getClassLoader(), new Class<?>[] {NetDb.class}, h);
  }

  boolean isEventLoop(Thread t) {
    for (EventExecutor e : group) {
      if (e.inEventLoop(t)) {
        return true;
      }
    }
    return false;
  }

  /** GETs {@code http://name:port/} with Netty and returns the body. */
  String get(String name) throws Exception {
    CompletableFuture<String> body = new CompletableFuture<>();
    Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class).resolver(resolvers)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                new SimpleChannelInboundHandler<FullHttpResponse>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
                    body.complete(r.content().toString(StandardCharsets.UTF_8));
                    ctx.close();
                  }

                  @Override
                  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    body.completeExceptionally(cause);
                    ctx.close();
                  }
                });
          }
        });
    ChannelFuture cf = b.connect(InetSocketAddress.createUnresolved(name, fx.httpPort())).await();
    if (!cf.isSuccess()) {
      throw new java.util.concurrent.ExecutionException(cf.cause());
    }
    Channel ch = cf.channel();
    var req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
    req.headers().set(HttpHeaderNames.HOST, name);
    ch.writeAndFlush(req);
    return body.get(10, TimeUnit.SECONDS);
  }

  @Test
  void dualStackNameConnectsToGlibcsFirstAddress() throws Exception {
    List<java.net.InetAddress> order = fx.glibcOrder(ClientFixture.DUAL);
    assertThat(order).hasSize(2);
    assertThat(get(ClientFixture.DUAL)).isEqualTo(ClientFixture.bodyOf(order.getFirst()));
    var all = resolvers.getResolver(group.next()).resolveAll(
        InetSocketAddress.createUnresolved(ClientFixture.DUAL, 80)).get(10, TimeUnit.SECONDS);
    assertThat(all).extracting(InetSocketAddress::getAddress).isEqualTo(order);
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
  void nxdomainFailsTheConnectWithUnknownHostException() {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> get(ClientFixture.NXDOMAIN));
    // Netty's connect fails with the resolver's UnknownHostException (netdb's GaiException is its cause).
    assertThat(t).cause().isInstanceOf(UnknownHostException.class)
        .hasMessage("nosuch.clients.test: Name or service not known (no such name: NXDOMAIN, or not in the hosts file)");
  }

  @Test
  void lookupsStartOnEventLoopsButNeverBlockThem() throws Exception {
    get(ClientFixture.DUAL);
    get(ClientFixture.SVC);
    // The recorder saw only asynchronous calls from the loops (checked again in tearDown).
    assertThat(blockingCallers.stream().filter(this::isEventLoop)).isEmpty();
  }
}
