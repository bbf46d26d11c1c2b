package dev.netdb;

import dev.netdb.files.FilesDatabases;
import dev.netdb.files.GaiConf;
import dev.netdb.files.HostConf;
import dev.netdb.files.HostsFile;
import dev.netdb.files.ReloadingFile;
import dev.netdb.python.PythonLayer;
import dev.netdb.resolve.DnsHostResolver;
import dev.netdb.resolve.Environment;
import dev.netdb.resolve.HostResolver;
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
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Builds a pure-Java {@link NetDb} with every input injectable. Unset inputs take the system's
 * files and settings: {@code /etc/hosts}, {@code /etc/services}, {@code /etc/protocols}, {@code
 * /etc/resolv.conf}, {@code /etc/gai.conf}, {@code /etc/host.conf}, the kernel's host name and the
 * interfaces' addresses. Files are read on first use, never by the builder, and re-read when they
 * change (gai.conf only with {@code reload yes}, as glibc).
 *
 * <p>When interface addresses are given, they also decide the source addresses of the RFC 3484
 * sort (one subnet per address, a default route per family that has a non-loopback address);
 * otherwise the kernel is asked with an unsent UDP {@code connect}, and its answer and the
 * interface list are kept for up to a second.
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
  private int cacheMaxEntries = 10_000;
  private Duration cacheMinTtl = Duration.ZERO;
  private Duration cacheMaxTtl = Duration.ofDays(1);
  private boolean cache = true;
  private int maxSocketsInFlight;

  NetDbBuilder() {}

  /** Sets the hosts file. */
  public NetDbBuilder hostsFile(Path path) {
    this.hosts = Objects.requireNonNull(path);
    return this;
  }

  /** Sets the services file. */
  public NetDbBuilder servicesFile(Path path) {
    this.services = Objects.requireNonNull(path);
    return this;
  }

  /** Sets the protocols file. */
  public NetDbBuilder protocolsFile(Path path) {
    this.protocols = Objects.requireNonNull(path);
    return this;
  }

  /** Sets resolv.conf. */
  public NetDbBuilder resolvConf(Path path) {
    this.resolvConf = Objects.requireNonNull(path);
    return this;
  }

  /** Sets gai.conf. */
  public NetDbBuilder gaiConf(Path path) {
    this.gaiConf = Objects.requireNonNull(path);
    return this;
  }

  /** Sets host.conf. */
  public NetDbBuilder hostConf(Path path) {
    this.hostConf = Objects.requireNonNull(path);
    return this;
  }

  /** Adds a nameserver (address and port); when any is given, resolv.conf's list is not used. */
  public NetDbBuilder nameserver(InetSocketAddress server) {
    nameservers.add(Objects.requireNonNull(server));
    return this;
  }

  /** Sets the host name {@code gethostname()} returns. */
  public NetDbBuilder hostname(String name) {
    this.hostname = Objects.requireNonNull(name);
    return this;
  }

  /** Declares that the machine has no interface addresses at all (not even loopback). */
  public NetDbBuilder noInterfaceAddresses() {
    this.interfaces = new ArrayList<>();
    return this;
  }

  /**
   * Adds an interface address, with its subnet prefix length and interface index, used by {@code
   * AI_ADDRCONFIG} and the source-address choice. The address must be numeric (no lookup is made:
   * build it with {@code InetAddress.ofLiteral}).
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

  /** Sets the monotonic clock (nanoseconds) of the DNS cache. */
  public NetDbBuilder clock(LongSupplier nanoTime) {
    this.nanoClock = Objects.requireNonNull(nanoTime);
    return this;
  }

  /** Sets the DNS cache bounds: at most {@code maxEntries} names, TTLs clamped to [min, max]. */
  public NetDbBuilder cacheLimits(int maxEntries, Duration minTtl, Duration maxTtl) {
    if (maxEntries < 0 || minTtl.isNegative() || maxTtl.compareTo(minTtl) < 0) {
      throw new IllegalArgumentException("bad cache limits");
    }
    this.cacheMaxEntries = maxEntries;
    this.cacheMinTtl = minTtl;
    this.cacheMaxTtl = maxTtl;
    return this;
  }

  /** Switches the DNS cache on or off (on by default). */
  public NetDbBuilder cache(boolean on) {
    this.cache = on;
    return this;
  }

  /**
   * Caps the DNS sockets held at once (default 0: derived from the descriptor limit, {@code
   * (RLIMIT_NOFILE - 128) / 2} between 16 and 4096, so 448 under {@code ulimit -n 1024}).
   * Lookups beyond the cap wait in a FIFO queue, none is dropped, and their timeouts start when
   * their queries are sent.
   */
  public NetDbBuilder maxSocketsInFlight(int max) {
    if (max < 0) throw new IllegalArgumentException("maxSocketsInFlight < 0: " + max);
    this.maxSocketsInFlight = max;
    return this;
  }

  /** Builds the back end; no file is read and no socket opened until the first call. */
  public NetDb build() {
    return new PythonLayer(new JavaBackend(environment()));
  }

  /** Returns the resolver's environment from these settings. */
  Environment environment() {
    ReloadingFile<HostsFile> hostsFile = HostsFile.watch(hosts);
    ReloadingFile<HostConf> hostConfFile = HostConf.watch(hostConf);
    Supplier<GaiConf> gai = GaiConf.watch(gaiConf);
    FilesDatabases db = FilesDatabases.open(services, protocols);
    String name = hostname;
    Supplier<String> host = name != null ? () -> name : dev.netdb.resolve.Environment::systemHostname;
    List<LocalAddress> fixed = interfaces == null ? null : List.copyOf(interfaces);
    Supplier<List<LocalAddress>> locals =
        fixed != null ? () -> fixed : LocalAddress.systemCached(System::nanoTime, 1_000_000_000L);
    SourceProbe probe = fixed != null
        ? SourceProbe.fromInterfaces(fixed)
        : SourceProbe.cached(SourceProbe.udpConnect(), System::nanoTime, 1_000_000_000L, 4096);
    return new Environment(
        hostsFile::get,
        hostConfFile::get,
        gai,
        ServiceDirectory.of(db),
        dnsResolver(host),
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
   * first lookup.
   */
  private HostResolver dnsResolver(Supplier<String> host) {
    dev.netdb.dns.ResolvConfFile file = new dev.netdb.dns.ResolvConfFile(
        resolvConf, System.getenv(), host, Duration.ofSeconds(1), nanoClock);
    List<InetSocketAddress> servers = List.copyOf(nameservers);
    Supplier<dev.netdb.dns.ResolverConfig> config = servers.isEmpty()
        ? file
        : () -> file.get().toBuilder().nameservers(servers).build();
    dev.netdb.dns.DnsCache dnsCache = dev.netdb.dns.DnsCache.builder()
        .enabled(cache)
        .maxEntries(cacheMaxEntries)
        .minTtl(cacheMinTtl)
        .maxTtl(cacheMaxTtl)
        .nanos(nanoClock)
        .build();
    return new DnsHostResolver(DnsHostResolver.creating(config, dnsCache, maxSocketsInFlight));
  }
}
