package dev.netdb.netty;

import dev.netdb.NetDb;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Netty's resolver group answered by netdb, for {@code Bootstrap.resolver(...)}: every lookup goes
 * through netdb's non-blocking path ({@link NetDb#lookupAsync}), so an event loop never waits on
 * DNS; the promise is completed from netdb's callback executor and Netty runs its listeners on the
 * channel's event loop. Addresses come in glibc's {@code getaddrinfo} order, and the first is the
 * one {@code Bootstrap} connects to.
 *
 * <pre>{@code
 * Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
 *     .resolver(new NetDbAddressResolverGroup(NetDb.java()));
 * }</pre>
 *
 * <p>A failed lookup fails the promise with {@link java.net.UnknownHostException} naming the host
 * and why, as Netty's own resolvers do. Closing the group closes the per-loop resolvers, not the
 * {@link NetDb}: that stays the caller's.
 */
public final class NetDbAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {
  private final NetDb db;

  /**
   * Creates the group over {@code db}.
   *
   * @param db the resolver to answer with
   */
  public NetDbAddressResolverGroup(NetDb db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /**
   * Returns a resolver bound to {@code executor}, Netty's contract for one event loop.
   *
   * @param executor the event loop the resolver belongs to
   * @return the resolver
   */
  @Override
  protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
    return new InetSocketAddressResolver(executor, new NetDbNameResolver(executor, db));
  }
}
