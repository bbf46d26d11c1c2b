package dev.netdb;

import dev.netdb.files.ConfigFile;
import dev.netdb.files.FilesDatabases;
import dev.netdb.files.GaiConf;
import dev.netdb.files.HostConf;
import dev.netdb.files.HostsFile;
import dev.netdb.files.ProtocolsDatabase;
import dev.netdb.files.ServicesDatabase;
import dev.netdb.resolve.DnsHostResolver;
import dev.netdb.resolve.Environment;
import dev.netdb.resolve.NssDns;
import dev.netdb.resolve.JavaBackend;
import dev.netdb.resolve.LocalAddress;
import dev.netdb.resolve.ServiceDirectory;
import dev.netdb.resolve.SourceProbe;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Builds a pure-Java {@link NetDb} with every input injectable. Unset inputs take the system's
 * files and settings: {@code /etc/hosts}, {@code /etc/services}, {@code /etc/protocols}, {@code
 * /etc/resolv.conf}, {@code /etc/gai.conf}, {@code /etc/host.conf}, the kernel's host name and the
 * interfaces' addresses. Files are read on first use, never by the builder, and re-read when they
 * change (gai.conf only with {@code reload yes}, as glibc): each is checked on every call, as
 * glibc does, unless {@link #fileCheckInterval} says otherwise; services and protocols, whose
 * lookups must stay far below the cost of a {@code stat}, are checked once a second by default.
 *
 * <p>When interface addresses are given, they also decide the source addresses of the RFC 3484
 * sort (one subnet per address, a default route per family that has a non-loopback address);
 * otherwise the kernel is asked with an unsent UDP {@code connect}, and its answer and the
 * interface list are kept for up to a second (or the {@link #fileCheckInterval}, when set), on
 * the builder's {@link #clock}.
 *
 * <p>The instance built owns its DNS client, created by the first DNS lookup: a selector thread
 * ({@code netdb-dns-io}) and a socket-pool thread ({@code netdb-dns-sockets}), both daemons, that
 * {@link NetDb#close()} stops. They run only I/O: each DNS outcome is handed to the {@linkplain
 * #executor(Executor) executor}, where the rest of the lookup (CNAME chain, search list, RFC 3484
 * sort, gai.conf, source probe) and the callers' dependent stages run. The default executor hands
 * the outcomes of each turn of the I/O thread to one virtual thread ({@code netdb-callback}): none
 * exists while DNS is waited for, and a stage that blocks, even on another lookup of the same
 * instance, only parks it (the rest of its turn's outcomes move to another virtual thread).
 */
public final class NetDbBuilder {
  private Path hosts = Path.of("/etc/hosts");
  private Path services = Path.of("/etc/services");
  private Path protocols = Path.of("/etc/protocols");
  private Path resolvConf = Path.of("/etc/resolv.conf");
  private Path gaiConf = Path.of("/etc/gai.conf");
  private Path hostConf = Path.of("/etc/host.conf");
  private final List<InetSocketAddress> nameservers = new ArrayList<>();
  private String hostname;
  private List<LocalAddress> interfaces;
  private LongSupplier nanoClock = System::nanoTime;
  private boolean clockSet;
  private Duration fileCheckInterval;
  private int cacheMaxEntries = 10_000;
  private Duration cacheMinTtl = Duration.ZERO;
  private Duration cacheMaxTtl = Duration.ofDays(1);
  private boolean cache = true;
  private boolean answerCache = true;
  private Duration staleOnFailure = Duration.ZERO;
  private Duration staleResponseTimeout = Duration.ofMillis(1800);
  private boolean refreshAhead;
  private Duration coarseTick = Duration.ZERO;
  private Executor executor = dev.netdb.dns.CallbackExecutor.get();
  private int maxSocketsInFlight;
  private int udpMaxQueries;

  NetDbBuilder() {}

  /**
   * Sets the hosts file.
   *
   * @param path the file
   * @return this builder
   */
  public NetDbBuilder hostsFile(Path path) {
    this.hosts = Objects.requireNonNull(path);
    return this;
  }

  /**
   * Sets the services file.
   *
   * @param path the file
   * @return this builder
   */
  public NetDbBuilder servicesFile(Path path) {
    this.services = Objects.requireNonNull(path);
    return this;
  }

  /**
   * Sets the protocols file.
   *
   * @param path the file
   * @return this builder
   */
  public NetDbBuilder protocolsFile(Path path) {
    this.protocols = Objects.requireNonNull(path);
    return this;
  }

  /**
   * Sets resolv.conf.
   *
   * @param path the file
   * @return this builder
   */
  public NetDbBuilder resolvConf(Path path) {
    this.resolvConf = Objects.requireNonNull(path);
    return this;
  }

  /**
   * Sets gai.conf.
   *
   * @param path the file
   * @return this builder
   */
  public NetDbBuilder gaiConf(Path path) {
    this.gaiConf = Objects.requireNonNull(path);
    return this;
  }

  /**
   * Sets host.conf.
   *
   * @param path the file
   * @return this builder
   */
  public NetDbBuilder hostConf(Path path) {
    this.hostConf = Objects.requireNonNull(path);
    return this;
  }

  /**
   * Adds a nameserver (address and port); when any is given, resolv.conf's list is not used.
   *
   * @param server the nameserver's address and port, numeric
   * @return this builder
   */
  public NetDbBuilder nameserver(InetSocketAddress server) {
    nameservers.add(Objects.requireNonNull(server));
    return this;
  }

  /**
   * Sets the host name {@code gethostname()} returns.
   *
   * @param name the host name
   * @return this builder
   */
  public NetDbBuilder hostname(String name) {
    this.hostname = Objects.requireNonNull(name);
    return this;
  }

  /**
   * Declares that the machine has no interface addresses at all (not even loopback).
   *
   * @return this builder
   */
  public NetDbBuilder noInterfaceAddresses() {
    this.interfaces = new ArrayList<>();
    return this;
  }

  /**
   * Adds an interface address, with its subnet prefix length and interface index, used by {@code
   * AI_ADDRCONFIG} and the source-address choice. The address must be numeric (no lookup is made:
   * build it with {@code InetAddress.ofLiteral}).
   *
   * @param address the interface's address
   * @param prefixLength the prefix length of the interface's subnet
   * @param interfaceIndex the interface's index (1 is loopback's on Linux)
   * @return this builder
   */
  public NetDbBuilder interfaceAddress(InetAddress address, int prefixLength, int interfaceIndex) {
    int max = address instanceof Inet4Address ? 32 : 128;
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }
    if (interfaces == null) {
      interfaces = new ArrayList<>();
    }
    interfaces.add(new LocalAddress(address.getAddress(), prefixLength, interfaceIndex, false, false));
    return this;
  }

  /**
   * Sets the monotonic clock (nanoseconds) of the DNS cache, of every file's check interval and of
   * the interface list and source-address caches.
   *
   * @param nanoTime the clock: nanoseconds from an arbitrary origin, never going back
   * @return this builder
   */
  public NetDbBuilder clock(LongSupplier nanoTime) {
    this.nanoClock = Objects.requireNonNull(nanoTime);
    this.clockSet = true;
    return this;
  }

  /**
   * Sets how long a read of each file (hosts, services, protocols, resolv.conf, gai.conf,
   * host.conf) is trusted before its size and time are checked again; zero checks on every call,
   * as glibc does. Also bounds how long the interface list and the kernel's source addresses are
   * kept. Unset: every call for the files but services and protocols (once a second), and a
   * second for the interfaces. The answer cache checks the files at the same interval: an entry
   * ends when a check sees one of hosts, host.conf, gai.conf or resolv.conf changed.
   *
   * @param interval how long a read is trusted; zero for every call
   * @return this builder
   */
  public NetDbBuilder fileCheckInterval(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("file check interval must not be negative: " + interval);
    }
    this.fileCheckInterval = interval;
    return this;
  }

  /**
   * Sets the DNS cache bounds: at most {@code maxEntries} names, TTLs clamped to [min, max].
   *
   * @param maxEntries the most names the cache keeps
   * @param minTtl the shortest time an answer is kept
   * @param maxTtl the longest time an answer is kept
   * @return this builder
   */
  public NetDbBuilder cacheLimits(int maxEntries, Duration minTtl, Duration maxTtl) {
    if (maxEntries < 0 || minTtl.isNegative() || maxTtl.compareTo(minTtl) < 0) {
      throw new IllegalArgumentException("bad cache limits");
    }
    this.cacheMaxEntries = maxEntries;
    this.cacheMinTtl = minTtl;
    this.cacheMaxTtl = maxTtl;
    return this;
  }

  /**
   * Switches both caches on or off (on by default): the DNS cache of exchange outcomes and the
   * {@linkplain #answerCache(boolean) answer cache} of whole {@code getaddrinfo} answers.
   *
   * @param on whether the caches are on
   * @return this builder
   */
  public NetDbBuilder cache(boolean on) {
    this.cache = on;
    this.answerCache = on;
    return this;
  }

  /**
   * Switches the answer cache in front of {@code getaddrinfo} on or off (on by default). It keeps
   * whole answers, keyed by every argument: a DNS answer for the smallest TTL of its records
   * (within the {@link #cacheLimits}), {@code EAI_NONAME} from NXDOMAIN and {@code EAI_NODATA} for
   * the SOA minimum (RFC 2308 §5, at most 3 hours), a hosts-file answer until a check of hosts,
   * host.conf, gai.conf or resolv.conf (at the {@link #fileCheckInterval}, every call by default)
   * sees a change; numeric hosts are not kept. Identical calls in flight share one lookup. It
   * shares the {@link #clock} and the maximum number of entries of the DNS cache.
   *
   * @param on whether the answer cache is on
   * @return this builder
   */
  public NetDbBuilder answerCache(boolean on) {
    this.answerCache = on;
    return this;
  }

  /**
   * Serves an expired DNS answer of the answer cache, for up to {@code window} past its expiry,
   * when its refresh fails with {@code EAI_AGAIN} because every server failed or timed out (RFC
   * 8767, "serve stale"); an NXDOMAIN or NODATA answer still replaces it. After such a failure the
   * stale answer is served without asking again for 30 s (RFC 8767 §4's failure recheck timer).
   * Zero, the default, never serves stale answers; RFC 8767 §5 suggests 1 to 3 days at most.
   *
   * @param window how long past expiry an answer may be served; zero for never
   * @return this builder
   */
  public NetDbBuilder staleOnFailure(Duration window) {
    if (window.isNegative()) {
      throw new IllegalArgumentException("stale window must not be negative: " + window);
    }
    this.staleOnFailure = window;
    return this;
  }

  /**
   * Sets how long a caller waits for the refresh of an expired answer before getting the stale
   * one while the refresh goes on (RFC 8767 §5's client response timer; 1.8 s, its suggestion, by
   * default). Matters only with {@link #staleOnFailure}; zero waits for the whole refresh.
   *
   * @param timeout how long to wait for a refresh before answering stale
   * @return this builder
   */
  public NetDbBuilder staleResponseTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("stale response timeout must not be negative: " + timeout);
    }
    this.staleResponseTimeout = timeout;
    return this;
  }

  /**
   * Refreshes an answer of the answer cache in the background when it is hit in the last tenth of
   * its lifetime, so that names in steady use never expire for their callers (off by default). The
   * refresh runs on the {@link #executor}; the hit returns the entry unchanged.
   *
   * @param on whether to refresh ahead of expiry
   * @return this builder
   */
  public NetDbBuilder refreshAhead(boolean on) {
    this.refreshAhead = on;
    return this;
  }

  /**
   * Lets the warm calls of {@link NetDb#lookup(String, AddressFamily)} and {@link
   * NetDb#lookupPreferring} read a clock renewed every {@code tick} by a daemon thread of this
   * instance instead of the {@link #clock} (off by default: zero). Such a call is then one map
   * lookup of the host: the answer cache hands out each {@code InetAddress} list with the moment
   * until which it would answer the same call with it (the entry's expiry, the start of its
   * {@linkplain #refreshAhead refresh-ahead} window, the next {@linkplain #fileCheckInterval file
   * check}), and the list is served until one tick before that moment. Every other call, and every
   * call outside that window, is answered by the answer cache as without this setting; so TTLs,
   * file changes, refresh ahead and stale answers behave the same, unless the thread is held up
   * for more than a tick (then an answer may be served for up to that delay past its end). The
   * thread starts with the first such lookup, parks after two seconds without one that reached
   * the answer cache, and ends with {@link NetDb#close()}. It has no effect when every call checks
   * the files (a zero {@link #fileCheckInterval}, the default) or the answer cache is off. With a
   * {@link #clock} set, warm lookups read that clock instead and no thread is started (its owner
   * decides what a reading costs; a test's stepped clock stays exact). netdb-spi sets 10 ms.
   *
   * @param tick how often the clock is read; zero for every call
   * @return this builder
   */
  public NetDbBuilder coarseClock(Duration tick) {
    if (tick.isNegative()) {
      throw new IllegalArgumentException("coarse clock tick must not be negative: " + tick);
    }
    this.coarseTick = tick;
    return this;
  }

  /**
   * Sets the executor that completes the futures of DNS lookups, and so runs the rest of each
   * lookup and the dependent stages added without an executor. It must run tasks on threads of its
   * own, never inline (that would put them on the I/O thread), and must not run out of threads
   * while stages block; {@link NetDb#close()} does not shut it down. The default starts a virtual
   * thread per task.
   *
   * @param executor the executor for completions and dependent stages
   * @return this builder
   */
  public NetDbBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor);
    return this;
  }

  /**
   * Sets, as {@link #executor(Executor)} does, an executor that runs one task at a time (a single
   * thread) and whose tasks never block: the I/O thread then hands it the DNS outcomes of each of
   * its turns as one task, so the executor's thread is woken once per turn rather than once per
   * outcome (the command line's batches use this). Another executor gets one task per outcome.
   *
   * @param executor the single-threaded executor for completions and dependent stages
   * @return this builder
   */
  public NetDbBuilder serialExecutor(Executor executor) {
    this.executor = dev.netdb.dns.CallbackExecutor.batching(executor);
    return this;
  }

  /**
   * Caps the DNS sockets held at once (default 0: derived from the descriptor limit, {@code
   * (RLIMIT_NOFILE - 128) / 2} between 16 and 4096, so 448 under {@code ulimit -n 1024}).
   * Lookups beyond the cap wait in a FIFO queue, none is dropped, and their timeouts start when
   * their queries are sent.
   *
   * @param max the most sockets at once, or 0 for the default
   * @return this builder
   */
  public NetDbBuilder maxSocketsInFlight(int max) {
    if (max < 0) throw new IllegalArgumentException("maxSocketsInFlight < 0: " + max);
    this.maxSocketsInFlight = max;
    return this;
  }

  /**
   * Sends up to {@code max} DNS queries on each random-port UDP socket before replacing it with a
   * fresh one, as c-ares's {@code ARES_OPT_UDP_MAX_QUERIES} does; off by default (0: every query
   * gets a fresh socket and port, as glibc's {@code send_dg} does). Each query on a socket has an
   * ID no other query on it had, and replies are matched on socket, ID and question as always.
   *
   * <p>What it trades away (RFC 5452 §9.2): while a socket lives, its port is fixed, so an
   * off-path attacker who has learnt it needs only to guess the 16-bit ID for the up to {@code
   * max} queries it carries. Fewer sockets are opened and closed, which is most of the cost of a
   * query on a busy stub resolver; on the epoll transport a shared socket's queries also leave in
   * one {@code sendmmsg} per turn of the I/O thread and its replies are read with {@code
   * recvmmsg}. See the README's "Bulk lookups".
   *
   * @param max the most queries per socket, 0 to 65536; 0 or 1 for a fresh socket per query
   * @return this builder
   */
  public NetDbBuilder udpMaxQueries(int max) {
    if (max < 0 || max > 65_536) throw new IllegalArgumentException("udpMaxQueries not in 0..65536: " + max);
    this.udpMaxQueries = max;
    return this;
  }

  /**
   * Builds the back end; no file is read, no socket opened and no thread started until needed.
   *
   * @return the new back end
   */
  public NetDb build() {
    ConfigFile<dev.netdb.dns.ResolverConfig> resolv = dev.netdb.dns.ResolvConfParser.watch(
        resolvConf, System::getenv, hostSupplier(), fileInterval(), nanoClock);
    dev.netdb.dns.DnsCache dnsCache = dev.netdb.dns.DnsCache.builder()
        .enabled(cache)
        .maxEntries(cacheMaxEntries)
        .minTtl(cacheMinTtl)
        .maxTtl(cacheMaxTtl)
        .nanos(nanoClock)
        .build();
    DnsHostResolver dns = dnsResolver(resolv, dnsCache);
    Environment env = environment(dns);
    dev.netdb.resolve.AnswerCache answers = answerCache && cacheMaxEntries > 0
        ? new dev.netdb.resolve.AnswerCache(env, answerOptions(), nanoClock,
            List.of(env.hosts(), env.hostConf(), env.gaiConf(), resolv::get), executor)
        : null;
    // The periodic dev.netdb.CacheStatistics event counts the cache in front, as stats() does.
    if (answers != null) {
      dev.netdb.observe.Events.registerCache(answers);
    } else if (cache) {
      dev.netdb.observe.Events.registerCache(dnsCache);
    }
    java.util.Map<String, String> files = java.util.Map.of("hosts", hosts.toString(),
        "resolv.conf", resolvConf.toString(), "gai.conf", gaiConf.toString(), "host.conf", hostConf.toString());
    return new PythonLayer(new JavaBackend(env, executor, dns, files, answers), frontCache(answers));
  }

  /** Returns the Java face's front cache over {@code answers} that {@link #coarseClock} asks for, or null. */
  private AddressFrontCache frontCache(dev.netdb.resolve.AnswerCache answers) {
    if (answers == null || coarseTick.isZero() || fileInterval().isZero()) {
      return null;
    }
    long idleTicks = Math.max(2, Duration.ofSeconds(2).toNanos() / coarseTick.toNanos());
    dev.netdb.resolve.CoarseClock coarse = clockSet
        ? dev.netdb.resolve.CoarseClock.direct(nanoClock, coarseTick)
        : dev.netdb.resolve.CoarseClock.ticking(nanoClock, coarseTick, (int) Math.min(Integer.MAX_VALUE, idleTicks));
    return new AddressFrontCache(coarse, answers::countHit, cacheMaxEntries);
  }

  private dev.netdb.resolve.AnswerCache.Options answerOptions() {
    return new dev.netdb.resolve.AnswerCache.Options(cacheMaxEntries, cacheMinTtl, cacheMaxTtl,
        Duration.ofHours(3), staleOnFailure, staleResponseTimeout, refreshAhead, fileInterval());
  }

  private Supplier<String> hostSupplier() {
    String name = hostname;
    return name != null ? () -> name : dev.netdb.resolve.Environment::systemHostname;
  }

  /** Returns the resolver's environment from these settings, over the DNS stage {@code dns}. */
  private Environment environment(NssDns dns) {
    Duration every = fileInterval();
    ConfigFile<HostsFile> hostsFile = HostsFile.watch(hosts, every, nanoClock);
    ConfigFile<HostConf> hostConfFile = HostConf.watch(hostConf, every, nanoClock);
    Supplier<GaiConf> gai = GaiConf.watch(gaiConf, every, nanoClock);
    FilesDatabases db = fileCheckInterval == null && !clockSet
        ? FilesDatabases.open(services, protocols)
        : new FilesDatabases(
            ServicesDatabase.open(services, tableInterval(), nanoClock),
            ProtocolsDatabase.open(protocols, tableInterval(), nanoClock));
    long kernelNanos = (fileCheckInterval != null ? fileCheckInterval : Duration.ofSeconds(1)).toNanos();
    Supplier<String> host = hostSupplier();
    List<LocalAddress> fixed = interfaces == null ? null : List.copyOf(interfaces);
    Supplier<List<LocalAddress>> locals =
        fixed != null ? () -> fixed : LocalAddress.systemCached(nanoClock, kernelNanos);
    SourceProbe probe = fixed != null
        ? SourceProbe.fromInterfaces(fixed)
        : SourceProbe.cached(SourceProbe.udpConnect(), nanoClock, kernelNanos, 4096);
    return new Environment(
        hostsFile::get,
        hostConfFile::get,
        gai,
        ServiceDirectory.of(db),
        dns,
        host,
        locals,
        probe,
        Environment::systemInterfaceIndex,
        Environment::systemInterfaceName);
  }

  /**
   * Returns the DNS stage: resolv.conf (re-read when it changes, with {@code LOCALDOMAIN} and
   * {@code RES_OPTIONS} from the environment), the given nameservers in place of its list when
   * any were given, and the answer cache with the given limits and clock. The client starts on the
   * first lookup and completes its futures on the executor. The DNS cache is an empty map until
   * then, and its JFR registration loads no event class until a Flight Recorder exists.
   */
  private DnsHostResolver dnsResolver(ConfigFile<dev.netdb.dns.ResolverConfig> file,
      dev.netdb.dns.DnsCache dnsCache) {
    List<InetSocketAddress> servers = List.copyOf(nameservers);
    Supplier<dev.netdb.dns.ResolverConfig> config = servers.isEmpty()
        ? file::get
        : new WithNameservers(file, servers);
    return new DnsHostResolver(
        DnsHostResolver.creating(config, dnsCache, executor, maxSocketsInFlight, udpMaxQueries), config);
  }

  /**
   * The file's settings with the builder's name servers in place of its own, made again only when
   * the file gives a new version (not on every lookup).
   */
  private static final class WithNameservers implements Supplier<dev.netdb.dns.ResolverConfig> {
    private record Made(dev.netdb.dns.ResolverConfig from, dev.netdb.dns.ResolverConfig config) {}

    private final ConfigFile<dev.netdb.dns.ResolverConfig> file;
    private final List<InetSocketAddress> servers;
    private volatile Made last;

    WithNameservers(ConfigFile<dev.netdb.dns.ResolverConfig> file, List<InetSocketAddress> servers) {
      this.file = file;
      this.servers = servers;
    }

    @Override
    public dev.netdb.dns.ResolverConfig get() {
      dev.netdb.dns.ResolverConfig from = file.get();
      Made m = last;
      if (m == null || m.from() != from) {
        m = new Made(from, from.toBuilder().nameservers(servers).build());
        last = m;
      }
      return m.config();
    }
  }

  /** Returns the check interval of hosts, resolv.conf, gai.conf and host.conf. */
  private Duration fileInterval() {
    return fileCheckInterval != null ? fileCheckInterval : Duration.ZERO;
  }

  /** Returns the check interval of services and protocols. */
  private Duration tableInterval() {
    return fileCheckInterval != null ? fileCheckInterval : ServicesDatabase.DEFAULT_CHECK_INTERVAL;
  }
}
