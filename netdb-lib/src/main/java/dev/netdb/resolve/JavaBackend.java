package dev.netdb.resolve;

import dev.netdb.backend.AddressInfo;
import dev.netdb.backend.Hostent;
import dev.netdb.backend.HostAndService;
import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import dev.netdb.dns.LookupFailure;
import dev.netdb.dns.DnsError;
import dev.netdb.backend.Backend;
import dev.netdb.observe.ResolverStats;
import dev.netdb.observe.TraceRecorder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The pure-Java back end: glibc 2.36's naming calls reproduced over the hosts file, host.conf,
 * gai.conf, the services and protocols databases and a DNS resolver, all taken from an {@link
 * Environment}. Asynchronous calls never block a thread on DNS; the blocking ones wait for the
 * same futures. Safe for concurrent use.
 *
 * <p><b>Threads and lifecycle.</b> A future that needs DNS completes on the thread the DNS stage
 * completes it on (the builder's executor: never the selector thread), and the rest of the
 * pipeline (RFC 3484 sort, gai.conf, source probe) runs there too; an answer found without DNS is
 * already complete when returned. {@link #close()} fails every lookup still in flight with a closed {@link
 * dev.netdb.dns.LookupFailure} (on the executor), then closes the resources it was given (the DNS stage,
 * which stops its threads); every later call fails fast with the same exception.
 */
public final class JavaBackend implements Backend {
  private final Environment env;
  private final Getaddrinfo getaddrinfo;
  /** The answer cache in front of the pipeline; null when off. */
  private final AnswerCache answers;
  private final HostDatabase hosts;
  private final Getnameinfo getnameinfo;
  private final Executor executor;
  private final AutoCloseable resources;
  /** The configuration files by role, as a trace's configuration step names them. */
  private final Map<String, String> files;
  /** The public futures not yet complete, failed by {@link #close()}. */
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Creates the back end over {@code env}, owning nothing to close. */
  public JavaBackend(Environment env) {
    this(env, Runnable::run, () -> {});
  }

  /**
   * Creates the back end over {@code env}.
   *
   * @param executor where {@link #close()} fails the lookups in flight
   * @param resources what {@link #close()} closes, after failing them (the DNS stage)
   */
  public JavaBackend(Environment env, Executor executor, AutoCloseable resources) {
    this(env, executor, resources, Map.of(), null);
  }

  /**
   * Creates the back end over {@code env}, with {@code getaddrinfo} answered through {@code
   * answers} (null: no answer cache).
   *
   * @param executor where {@link #close()} fails the lookups in flight
   * @param resources what {@link #close()} closes, after failing them (the DNS stage)
   * @param files the paths of the configuration files by role, for traces
   * @param answers the answer cache over {@code env}, or null
   */
  public JavaBackend(Environment env, Executor executor, AutoCloseable resources, Map<String, String> files,
      AnswerCache answers) {
    this.files = Map.copyOf(files);
    this.env = env;
    this.answers = answers;
    this.getaddrinfo = new Getaddrinfo(env);
    this.hosts = new HostDatabase(env);
    this.getnameinfo = new Getnameinfo(env, hosts);
    this.executor = executor;
    this.resources = resources;
  }

  /** Returns the environment this back end reads. */
  public Environment environment() {
    return env;
  }

  @Override
  public String name() {
    return "java";
  }

  @Override
  public String gethostname() {
    ensureOpen();
    return env.hostname().get();
  }

  @Override
  public List<AddressInfo> getaddrinfo(
      String host, String service, int family, int type, int proto, int flags) {
    return join(getaddrinfoAsync(host, service, family, type, proto, flags));
  }

  @Override
  public CompletableFuture<List<AddressInfo>> getaddrinfoAsync(
      String host, String service, int family, int type, int proto, int flags) {
    if (closed) {
      return CompletableFuture.failedFuture(LookupFailure.closed());
    }
    Getaddrinfo.Request r = new Getaddrinfo.Request(host, service, family, type, proto, flags);
    return tracked(answers != null ? answers.answer(r) : getaddrinfo.run(r).thenApply(AddrinfoAnswer::entries));
  }

  @Override
  public CompletableFuture<Expiring> getaddrinfoExpiringAsync(
      String host, String service, int family, int type, int proto, int flags) {
    if (closed) {
      return CompletableFuture.failedFuture(LookupFailure.closed());
    }
    Getaddrinfo.Request r = new Getaddrinfo.Request(host, service, family, type, proto, flags);
    if (answers == null) {
      return tracked(getaddrinfo.run(r).thenApply(a -> new Expiring(a.entries(), 0, null)));
    }
    return tracked(answers.timed(r));
  }

  @Override
  public Expiring getaddrinfoExpiring(String host, String service, int family, int type, int proto, int flags) {
    return join(getaddrinfoExpiringAsync(host, service, family, type, proto, flags));
  }

  /** Returns the answer cache, or null when it is off. */
  public AnswerCache answerCache() {
    return answers;
  }

  @Override
  public ResolverStats stats() {
    ResolverStats dns = env.dns().stats();
    if (answers == null) {
      return dns;
    }
    // With the answer cache on, it is the cache that decides whether a lookup is served without
    // work: its hits, misses and entries are the ones reported (the DNS cache behind it sees only
    // the answer cache's misses).
    return new ResolverStats(dns.queries(), dns.timeouts(), answers.hits(), answers.misses(),
        answers.size(), dns.servers());
  }

  /** Returns a recorder for a traced lookup over this back end's files. */
  @Override
  public TraceRecorder recorder() {
    return TraceRecorder.collecting(files);
  }

  @Override
  public CompletableFuture<List<AddressInfo>> getaddrinfoTraced(String host, String service, int family,
      int type, int proto, int flags, TraceRecorder recorder) {
    if (closed) {
      return CompletableFuture.failedFuture(LookupFailure.closed());
    }
    if (recorder.on()) {
      recorder.add(env.dns().configuration(recorder.files()));
    }
    return tracked(getaddrinfo.run(new Getaddrinfo.Request(host, service, family, type, proto, flags), recorder)
        .thenApply(AddrinfoAnswer::entries));
  }

  @Override
  public Hostent gethostbyname(String host, int family) {
    return join(gethostbynameAsync(host, family));
  }

  @Override
  public CompletableFuture<Hostent> gethostbynameAsync(String host, int family) {
    if (closed) {
      return CompletableFuture.failedFuture(LookupFailure.closed());
    }
    return tracked(hosts.byName(host, family));
  }

  @Override
  public Hostent gethostbyaddr(byte[] address, int family) {
    return join(gethostbyaddrAsync(address, family));
  }

  @Override
  public CompletableFuture<Hostent> gethostbyaddrAsync(byte[] address, int family) {
    if (closed) {
      return CompletableFuture.failedFuture(LookupFailure.closed());
    }
    if (address.length != 4 && address.length != 16) {
      return CompletableFuture.failedFuture(DnsError.HOST_NOT_FOUND.error(null));
    }
    return tracked(hosts.byAddress(address.clone()));
  }

  @Override
  public HostAndService getnameinfo(AddressInfo sockaddr, int flags) {
    return join(getnameinfoAsync(sockaddr, flags));
  }

  @Override
  public CompletableFuture<HostAndService> getnameinfoAsync(AddressInfo sockaddr, int flags) {
    if (closed) {
      return CompletableFuture.failedFuture(LookupFailure.closed());
    }
    return tracked(getnameinfo.run(sockaddr, flags));
  }

  @Override
  public Servent getservbyname(String name, String proto) {
    ensureOpen();
    return env.services().byName(name, proto);
  }

  @Override
  public Servent getservbyport(int port, String proto) {
    ensureOpen();
    return env.services().byPort(port, proto);
  }

  @Override
  public Protoent getprotobyname(String name) {
    ensureOpen();
    return env.services().protocolByName(name);
  }

  @Override
  public Protoent getprotobynumber(int number) {
    ensureOpen();
    return env.services().protocolByNumber(number);
  }

  @Override
  public List<Servent> services() {
    ensureOpen();
    return env.services().services();
  }

  @Override
  public List<Protoent> protocols() {
    ensureOpen();
    return env.services().protocols();
  }

  /**
   * Fails every lookup in flight with a closed {@link LookupFailure}, then closes the resources
   * (the DNS stage waits for its threads to stop). Closing twice is harmless.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    for (CompletableFuture<?> f : inFlight) {
      failClosed(f);
    }
    try {
      resources.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the resolver failed", e);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  private void ensureOpen() {
    if (closed) {
      throw LookupFailure.closed();
    }
  }

  /**
   * Returns a public future for a pipeline future: the same one when already complete, otherwise
   * one that {@link #close()} can fail, and that fails if the pipeline ends after close (its
   * outcome then is only the closing of the DNS stage).
   */
  private <T> CompletableFuture<T> tracked(CompletableFuture<T> pipeline) {
    if (pipeline.isDone()) {
      return pipeline;
    }
    CompletableFuture<T> pub = new CompletableFuture<>();
    inFlight.add(pub);
    if (closed) { // close() may have run its loop before the add: fail it here then
      inFlight.remove(pub);
      failClosed(pub);
      return pub;
    }
    pipeline.whenComplete((value, error) -> {
      inFlight.remove(pub);
      if (closed) {
        pub.completeExceptionally(LookupFailure.closed());
      } else if (error != null) {
        pub.completeExceptionally(error instanceof CompletionException c && c.getCause() != null
            ? c.getCause()
            : error);
      } else {
        pub.complete(value);
      }
    });
    return pub;
  }

  /** Fails a public future with the closed error on the executor (here if it refuses). */
  private void failClosed(CompletableFuture<?> f) {
    Runnable fail = () -> f.completeExceptionally(LookupFailure.closed());
    try {
      executor.execute(fail);
    } catch (RejectedExecutionException e) {
      fail.run();
    }
  }

  /** Waits for a future and rethrows its failure as it was raised (not wrapped). */
  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
