package dev.netdb.resolve;

import dev.netdb.files.GaiConf;
import dev.netdb.files.HostConf;
import dev.netdb.files.HostsFile;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Everything the pure-Java resolver reads from the outside, each as a seam: files (re-read when
 * they change, behind the suppliers), the services database, DNS, the hostname, the interface
 * addresses, the source-address probe and the interface name/index maps.
 *
 * @param hosts the current hosts file
 * @param hostConf the current host.conf
 * @param gaiConf the current gai.conf tables
 * @param services the services and protocols databases
 * @param dns the DNS resolver (after the hosts file, as nsswitch {@code files dns})
 * @param hostname the host name {@code gethostname} returns
 * @param interfaces the interface addresses ({@code AI_ADDRCONFIG}, RFC 3484 sort)
 * @param sourceProbe the source-address probe of the RFC 3484 sort
 * @param interfaceIndex {@code if_nametoindex}: 0 when unknown
 * @param interfaceName {@code if_indextoname}: null when unknown
 */
public record Environment(
    Supplier<HostsFile> hosts,
    Supplier<HostConf> hostConf,
    Supplier<GaiConf> gaiConf,
    ServiceDirectory services,
    NssDns dns,
    Supplier<String> hostname,
    Supplier<List<LocalAddress>> interfaces,
    SourceProbe sourceProbe,
    ToIntFunction<String> interfaceIndex,
    IntFunction<String> interfaceName) {

  /** Checks that every seam is given. */
  public Environment {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(hostConf, "hostConf");
    Objects.requireNonNull(gaiConf, "gaiConf");
    Objects.requireNonNull(services, "services");
    Objects.requireNonNull(dns, "dns");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(interfaces, "interfaces");
    Objects.requireNonNull(sourceProbe, "sourceProbe");
    Objects.requireNonNull(interfaceIndex, "interfaceIndex");
    Objects.requireNonNull(interfaceName, "interfaceName");
  }

  /** Returns {@code if_nametoindex} through {@link NetworkInterface}; 0 when unknown. */
  public static int systemInterfaceIndex(String name) {
    try {
      NetworkInterface ni = NetworkInterface.getByName(name);
      return ni == null ? 0 : ni.getIndex();
    } catch (SocketException | RuntimeException e) {
      return 0;
    }
  }

  /** Returns {@code if_indextoname} through {@link NetworkInterface}; null when unknown. */
  public static String systemInterfaceName(int index) {
    try {
      NetworkInterface ni = NetworkInterface.getByIndex(index);
      return ni == null ? null : ni.getName();
    } catch (SocketException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Returns the kernel's host name from {@code /proc/sys/kernel/hostname}, else {@code
   * /etc/hostname}, else {@code "localhost"}; never does a lookup.
   */
  public static String systemHostname() {
    for (String p : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
      try {
        String s = new String(dev.netdb.files.FileBytes.read(java.nio.file.Path.of(p)),
            java.nio.charset.StandardCharsets.UTF_8).strip();
        if (!s.isEmpty()) {
          return s;
        }
      } catch (java.io.IOException | RuntimeException e) {
        // try the next source
      }
    }
    return "localhost";
  }
}
