package dev.netdb.netty;

import dev.netdb.AddressFamily;
import dev.netdb.NetDb;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One event loop's name resolver: starts {@link NetDb#lookupAsync} and completes Netty's promise
 * when netdb's future completes, never blocking the calling thread.
 */
final class NetDbNameResolver extends InetNameResolver {
  private final NetDb db;

  NetDbNameResolver(EventExecutor executor, NetDb db) {
    super(executor);
    this.db = db;
  }

  @Override
  protected void doResolve(String inetHost, Promise<InetAddress> promise) {
    relay(db.lookupAsync(inetHost, AddressFamily.UNSPEC).thenApply(List::getFirst), promise);
  }

  @Override
  protected void doResolveAll(String inetHost, Promise<List<InetAddress>> promise) {
    relay(db.lookupAsync(inetHost, AddressFamily.UNSPEC), promise);
  }

  /** Completes {@code promise} with {@code f}'s outcome; cancelling the promise cancels {@code f}. */
  private static <T> void relay(CompletableFuture<T> f, Promise<T> promise) {
    promise.addListener(p -> {
      if (p.isCancelled()) {
        f.cancel(false);
      }
    });
    f.whenComplete((v, e) -> {
      if (e == null) {
        promise.trySuccess(v);
      } else {
        promise.tryFailure(e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e);
      }
    });
  }
}
