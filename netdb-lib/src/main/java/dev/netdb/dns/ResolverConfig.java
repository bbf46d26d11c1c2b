package dev.netdb.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Holds the resolver settings glibc keeps in {@code struct __res_state}: nameservers, search
 * list and options, plus the diagnostics collected while reading them. Values are already clamped
 * as glibc clamps them. Read one with {@link ResolvConfParser}; build one with {@link #builder()}.
 *
 * @param nameservers at most {@value #MAX_NAMESERVERS} from a file; the builder allows any number
 *     and any port
 * @param search the search list, at most {@value #MAX_SEARCH} domains, without trailing dots
 * @param ndots dots needed before a name is tried as-is first (0..15, default 1)
 * @param timeout the wait for one reply from one server (resolv.conf: 1..30 s, default 5 s)
 * @param attempts rounds over all servers (0..5, default 2; 0 sends nothing, as in glibc)
 * @param rotate start each query at the next server ({@code options rotate})
 * @param singleRequest ask A then AAAA in sequence, not in parallel ({@code single-request} or
 *     {@code single-request-reopen})
 * @param useVc use TCP only ({@code use-vc})
 * @param edns0 send an EDNS0 OPT record ({@code edns0}); glibc sends none without it
 * @param trustAd set the AD bit in queries ({@code trust-ad})
 * @param noAaaa never ask AAAA ({@code no-aaaa}, glibc 2.36)
 * @param noTldQuery never try a dotless name as-is ({@code no-tld-query})
 * @param diagnostics one line per ignored or clamped input, with its source and line number
 */
public record ResolverConfig(
    List<InetSocketAddress> nameservers,
    List<String> search,
    int ndots,
    Duration timeout,
    int attempts,
    boolean rotate,
    boolean singleRequest,
    boolean useVc,
    boolean edns0,
    boolean trustAd,
    boolean noAaaa,
    boolean noTldQuery,
    List<String> diagnostics) {

  /** The most nameservers glibc reads from resolv.conf ({@code MAXNS}). */
  public static final int MAX_NAMESERVERS = 3;
  /** The most search domains glibc keeps ({@code MAXDNSRCH}). */
  public static final int MAX_SEARCH = 6;
  /** The largest {@code ndots} ({@code RES_MAXNDOTS}). */
  public static final int MAX_NDOTS = 15;
  /** The largest {@code timeout} in seconds ({@code RES_MAXRETRANS}). */
  public static final int MAX_TIMEOUT_SECONDS = 30;
  /** The largest {@code attempts} ({@code RES_MAXRETRY}). */
  public static final int MAX_ATTEMPTS = 5;
  /** The default timeout in seconds ({@code RES_TIMEOUT}). */
  public static final int DEFAULT_TIMEOUT_SECONDS = 5;
  /** The default attempts ({@code RES_DFLRETRY}). */
  public static final int DEFAULT_ATTEMPTS = 2;
  /** The UDP payload size advertised with EDNS0 (DNS flag day 2020 value). */
  public static final int EDNS_PAYLOAD = 1232;

  /** Copies the lists and checks ranges. */
  public ResolverConfig {
    nameservers = List.copyOf(nameservers);
    search = List.copyOf(search);
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(timeout, "timeout");
    if (ndots < 0 || attempts < 0 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("ndots >= 0, attempts >= 0 and timeout > 0 are required");
    }
  }

  /** Returns glibc's settings when there is no resolv.conf: 127.0.0.1 port 53, no search list. */
  public static ResolverConfig defaults() {
    return builder().build();
  }

  /** Returns a builder holding glibc's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.nameservers.addAll(nameservers);
    b.search.addAll(search);
    b.ndots = ndots;
    b.timeout = timeout;
    b.attempts = attempts;
    b.rotate = rotate;
    b.singleRequest = singleRequest;
    b.useVc = useVc;
    b.edns0 = edns0;
    b.trustAd = trustAd;
    b.noAaaa = noAaaa;
    b.noTldQuery = noTldQuery;
    b.diagnostics.addAll(diagnostics);
    return b;
  }

  /** Builds a {@link ResolverConfig}; values are not clamped here, so tests can use tiny timeouts. */
  public static final class Builder {
    private final List<InetSocketAddress> nameservers = new ArrayList<>();
    private final List<String> search = new ArrayList<>();
    private int ndots = 1;
    private Duration timeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    private int attempts = DEFAULT_ATTEMPTS;
    private boolean rotate;
    private boolean singleRequest;
    private boolean useVc;
    private boolean edns0;
    private boolean trustAd;
    private boolean noAaaa;
    private boolean noTldQuery;
    private final List<String> diagnostics = new ArrayList<>();

    private Builder() {}

    /** Adds a nameserver with any port (resolv.conf allows only port 53). */
    public Builder nameserver(InetSocketAddress server) {
      if (server.isUnresolved()) throw new IllegalArgumentException("nameserver must be an address: " + server);
      nameservers.add(server);
      return this;
    }

    /** Adds a nameserver at port 53. */
    public Builder nameserver(InetAddress address) {
      return nameserver(new InetSocketAddress(address, 53));
    }

    /** Replaces the nameservers. */
    public Builder nameservers(List<InetSocketAddress> servers) {
      nameservers.clear();
      servers.forEach(this::nameserver);
      return this;
    }

    /** Replaces the search list. */
    public Builder search(List<String> domains) {
      search.clear();
      search.addAll(domains);
      return this;
    }

    /** Sets ndots. */
    public Builder ndots(int n) {
      ndots = n;
      return this;
    }

    /** Sets the per-reply timeout, at any granularity (tests use milliseconds). */
    public Builder timeout(Duration t) {
      timeout = t;
      return this;
    }

    /** Sets the number of rounds over all servers. */
    public Builder attempts(int n) {
      attempts = n;
      return this;
    }

    /** Sets {@code rotate}. */
    public Builder rotate(boolean on) {
      rotate = on;
      return this;
    }

    /** Sets {@code single-request}. */
    public Builder singleRequest(boolean on) {
      singleRequest = on;
      return this;
    }

    /** Sets {@code use-vc} (TCP only). */
    public Builder useVc(boolean on) {
      useVc = on;
      return this;
    }

    /** Sets {@code edns0}; turn it on to force EDNS0 where glibc would not send it. */
    public Builder edns0(boolean on) {
      edns0 = on;
      return this;
    }

    /** Sets {@code trust-ad}. */
    public Builder trustAd(boolean on) {
      trustAd = on;
      return this;
    }

    /** Sets {@code no-aaaa}. */
    public Builder noAaaa(boolean on) {
      noAaaa = on;
      return this;
    }

    /** Sets {@code no-tld-query}. */
    public Builder noTldQuery(boolean on) {
      noTldQuery = on;
      return this;
    }

    /** Adds a diagnostic line. */
    public Builder diagnostic(String line) {
      diagnostics.add(line);
      return this;
    }

    List<InetSocketAddress> nameserverList() {
      return nameservers;
    }

    /** Builds the settings; with no nameserver, 127.0.0.1 port 53 is used as glibc's res_init does. */
    public ResolverConfig build() {
      List<InetSocketAddress> ns = nameservers;
      if (ns.isEmpty()) {
        ns = List.of(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 53));
      }
      return new ResolverConfig(
          ns, search, ndots, timeout, attempts, rotate, singleRequest, useVc, edns0, trustAd, noAaaa,
          noTldQuery, diagnostics);
    }
  }
}
