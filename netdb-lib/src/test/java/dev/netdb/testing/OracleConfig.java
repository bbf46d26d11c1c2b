package dev.netdb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The private files and settings of one {@link OracleNamespace}: the contents bind-mounted over
 * {@code /etc/hosts}, {@code /etc/resolv.conf}, {@code /etc/nsswitch.conf} and, when present,
 * {@code /etc/gai.conf} and {@code /etc/host.conf} (absent means the machine's own file stays
 * visible); the hostname; and the zones NSD serves on port 53.
 */
public record OracleConfig(
    String hosts,
    String resolvConf,
    String nsswitchConf,
    Optional<String> gaiConf,
    Optional<String> hostConf,
    String hostname,
    List<ZoneFile> zones,
    Network network) {

  /** Selects the namespace's interfaces. Neither can send a packet out of the namespace. */
  public enum Network {
    /** Loopback only (127.0.0.1/8, ::1): AI_ADDRCONFIG sees no address (§6b "lo only"). */
    LOOPBACK_ONLY,
    /**
     * The reference's "dual" network: loopback plus a veth pair whose two ends both stay inside
     * the namespace, one end holding 192.0.2.2/24 and 2001:db8::2/64 with default routes over
     * it (§6 "dual"). Packets routed there reach the other end, inside, and are dropped.
     */
    DUAL
  }

  /** Gives the reference resolv.conf: the namespace's NSD, one try, one-second timeout. */
  public static final String RESOLV_CONF = "nameserver 127.0.0.1\noptions attempts:1 timeout:1\n";

  /** Gives the reference nsswitch.conf: hosts from files, then DNS. */
  public static final String NSSWITCH_CONF = "hosts: files dns\n";

  /** Gives the reference hostname, the one python-semantics.md's experiments used. */
  public static final String HOSTNAME = "testhost";

  /** Gives an all-comment gai.conf (glibc's built-in RFC 3484 tables), as in the reference. */
  public static final String GAI_CONF_DEFAULT = "# netdb oracle: glibc defaults\n";

  /** Gives the Debian default host.conf, {@code multi on}, as in the reference. */
  public static final String HOST_CONF_MULTI_ON = "multi on\n";

  /** Checks the components and copies the zone list. */
  public OracleConfig {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(resolvConf, "resolvConf");
    Objects.requireNonNull(nsswitchConf, "nsswitchConf");
    Objects.requireNonNull(gaiConf, "gaiConf");
    Objects.requireNonNull(hostConf, "hostConf");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(network, "network");
    if (hostname.isBlank() || hostname.contains("\n")) {
      throw new IllegalArgumentException("bad hostname: " + hostname);
    }
    zones = List.copyOf(zones);
    if (zones.isEmpty()) {
      throw new IllegalArgumentException("the namespace's NSD needs at least one zone");
    }
  }

  /**
   * Returns the reference configuration: the fixture hosts file, {@link #RESOLV_CONF}, {@link
   * #NSSWITCH_CONF}, gai.conf with only comments, host.conf {@code multi on}, hostname {@value
   * #HOSTNAME}, and {@link TestZone#zonesWithRoot()} (so names outside the test zones are
   * NXDOMAIN, as they were in the reference run, rather than REFUSED), on a loopback-only
   * network.
   */
  public static OracleConfig reference() {
    return new OracleConfig(
        OracleNamespace.fixtureHosts(),
        RESOLV_CONF,
        NSSWITCH_CONF,
        Optional.of(GAI_CONF_DEFAULT),
        Optional.of(HOST_CONF_MULTI_ON),
        HOSTNAME,
        TestZone.zonesWithRoot(),
        Network.LOOPBACK_ONLY);
  }

  /** Returns a copy with {@code network} as the namespace's interfaces. */
  public OracleConfig withNetwork(Network network) {
    return new OracleConfig(
        hosts, resolvConf, nsswitchConf, gaiConf, hostConf, hostname, zones, network);
  }

  /** Returns a copy with {@code text} as /etc/gai.conf. */
  public OracleConfig withGaiConf(String text) {
    return new OracleConfig(
        hosts, resolvConf, nsswitchConf, Optional.of(text), hostConf, hostname, zones, network);
  }

  /** Returns a copy with {@code text} as /etc/host.conf. */
  public OracleConfig withHostConf(String text) {
    return new OracleConfig(
        hosts, resolvConf, nsswitchConf, gaiConf, Optional.of(text), hostname, zones, network);
  }

  /** Returns a copy with {@code text} as /etc/resolv.conf. */
  public OracleConfig withResolvConf(String text) {
    return new OracleConfig(hosts, text, nsswitchConf, gaiConf, hostConf, hostname, zones, network);
  }

  /** Returns a copy with {@code text} as /etc/nsswitch.conf. */
  public OracleConfig withNsswitchConf(String text) {
    return new OracleConfig(hosts, resolvConf, text, gaiConf, hostConf, hostname, zones, network);
  }

  /** Returns a copy with {@code zones} served by the namespace's NSD (the first one is probed). */
  public OracleConfig withZones(List<ZoneFile> zones) {
    return new OracleConfig(hosts, resolvConf, nsswitchConf, gaiConf, hostConf, hostname, zones, network);
  }

  /** Returns a copy with {@code text} as /etc/hosts. */
  public OracleConfig withHosts(String text) {
    return new OracleConfig(text, resolvConf, nsswitchConf, gaiConf, hostConf, hostname, zones, network);
  }

  /** Writes the layout namespace-agent.sh reads into the session directory. */
  void writeTo(Path session) throws IOException {
    Path etc = Files.createDirectories(session.resolve("etc"));
    Files.writeString(etc.resolve("hosts"), hosts);
    Files.writeString(etc.resolve("resolv.conf"), resolvConf);
    Files.writeString(etc.resolve("nsswitch.conf"), nsswitchConf);
    if (gaiConf.isPresent()) {
      Files.writeString(etc.resolve("gai.conf"), gaiConf.get());
    }
    if (hostConf.isPresent()) {
      Files.writeString(etc.resolve("host.conf"), hostConf.get());
    }
    Files.writeString(session.resolve("hostname"), hostname);
    Files.writeString(session.resolve("network"), network == Network.DUAL ? "dual" : "loopback");
    NsdConfig.write(session.resolve("nsd"), 53, zones);
    Files.writeString(session.resolve("probe-zone"), zones.getFirst().origin());
  }
}
