package dev.netdb;

import dev.netdb.dns.DnsError;
import dev.netdb.dns.HErrnoEffect;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * glibc's thread-local {@code h_errno} as CPython sees it, one value per calling thread and
 * {@link NetDb} instance (an instance stands for one process's libc; a new thread starts at 0, as
 * a fresh Python process does). CPython 3.11's {@code gethostbyname_ex} and {@code gethostbyaddr}
 * raise {@code herror(h_errno)} from that global after {@code gethostbyname_r}/{@code
 * gethostbyaddr_r} fail ({@code socketmodule.c} {@code gethost_common} → {@code
 * set_herror(h_errno)}), not from the functions' own {@code h_errnop}, so their code is what the
 * calls before them on the same thread left there ({@link HErrnoEffect} gives glibc's rules).
 * Every Python-named host call ({@code getaddrinfo}, {@code gethostbyname}, {@code
 * gethostbyname_ex}, {@code gethostbyaddr}, {@code getfqdn}, {@code getnameinfo}) applies its
 * effect, which the back end reports step by step ({@link Call}).
 *
 * <p><b>Blocking calls</b> read and update the state of the thread that makes them, exactly as in
 * Python. <b>The {@code *Async} methods</b> do the same for the thread that calls them, in the
 * order it calls them, as if each call ran to completion before the next: the lookups run
 * concurrently, the state is a chain of futures, and only an {@code herror} whose code is the
 * leftover waits for the calls before it on that thread (so a batch submitted from one thread,
 * like the CLI's, gets Python's one-thread answers). A blocking call made while the same thread's
 * asynchronous calls are still running comes after them in that order; if its own answer is such
 * an {@code herror}, it waits for them.
 */
final class ThreadHErrno {
  /**
   * The value after the thread's last call, as a future while asynchronous calls run; null while
   * it is 0 and nothing runs (so that a command that makes no host call never initialises {@code
   * CompletableFuture}, whose class set-up starts the common pool's machinery: about 1 ms of a
   * CLI start).
   */
  private final ThreadLocal<CompletableFuture<Integer>> tail = new ThreadLocal<>();

  /** Returns the calling thread's state, a completed 0 for a thread with none yet. */
  private CompletableFuture<Integer> before() {
    CompletableFuture<Integer> f = tail.get();
    return f != null ? f : CompletableFuture.completedFuture(0);
  }

  /**
   * What one Python call did to {@code h_errno}: the effects of its back-end steps, in order, and
   * the {@code herror} (if any) whose code is to be the value after the call. Steps run one after
   * another (each stage starts when the one before completed), so no lock is needed.
   */
  static final class Call {
    private volatile HErrnoEffect effect = HErrnoEffect.UNTOUCHED;
    private volatile HostException leftoverError;

    /** Applies one back-end step's effect. */
    void step(HErrnoEffect e) {
      effect = effect.then(e);
    }

    /**
     * Marks {@code e}, the failure of {@code gethostbyname_r} or {@code gethostbyaddr_r}, as the
     * {@code herror} CPython raises with the thread's {@code h_errno} instead of {@code e}'s code.
     */
    void leftover(HostException e) {
      leftoverError = e;
    }

    HErrnoEffect effect() {
      return effect;
    }

    /** Returns the exception to throw for {@code t}: the leftover herror with code {@code after}. */
    RuntimeException resolve(RuntimeException t, int after) {
      return t == leftoverError && t != null
          ? new HostException(after, DnsError.hstrerror(after), leftoverError.input())
          : t;
    }

    boolean isLeftover(Throwable t) {
      return t != null && t == leftoverError;
    }
  }

  /** Returns the calling thread's value now, waiting for its asynchronous calls (for tests). */
  int current() {
    return before().join();
  }

  /** Runs a blocking Python call on this thread and applies its effect. */
  <T> T blocking(Call call, Supplier<T> body) {
    RuntimeException failure = null;
    T value = null;
    try {
      value = body.get();
    } catch (RuntimeException e) {
      failure = e;
    }
    CompletableFuture<Integer> before = tail.get();
    HErrnoEffect effect = call.effect();
    if (before == null || before.isDone() || call.isLeftover(failure)) {
      int after = effect.applyTo(before == null ? 0 : before.join());
      tail.set(after == 0 ? null : CompletableFuture.completedFuture(after));
      if (failure != null) {
        throw call.resolve(failure, after);
      }
      return value;
    }
    tail.set(before.thenApply(effect::applyTo));
    if (failure != null) {
      throw failure;
    }
    return value;
  }

  /**
   * Chains an asynchronous Python call after the calling thread's earlier ones: the thread's state
   * becomes the value after this call once it and they are done, and a leftover {@code herror}
   * takes that value as its code.
   */
  <T> CompletableFuture<T> async(Call call, CompletableFuture<T> body) {
    CompletableFuture<Integer> before = before();
    CompletableFuture<Integer> after = body.handle((v, t) -> null)
        .thenCombine(before, (ignored, b) -> call.effect().applyTo(b));
    tail.set(after);
    return body.handle((v, t) -> t).thenCompose(t -> {
      Throwable cause = t instanceof CompletionException c && c.getCause() != null ? c.getCause() : t;
      if (cause == null) {
        return body;
      }
      if (call.isLeftover(cause)) {
        return after.thenApply(a -> {
          throw new CompletionException(call.resolve((RuntimeException) cause, a));
        });
      }
      return CompletableFuture.failedFuture(cause);
    });
  }
}
