package dev.netdb.resolve;

import dev.netdb.text.IpLiterals;
import java.net.Inet6Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One address configured on a local interface, as glibc's {@code check_pf.c} reports it: used by
 * {@code AI_ADDRCONFIG} and by the RFC 3484 sort (prefix length, interface index, deprecated flag,
 * and whether the interface is a tunnel for rule 7).
 *
 * @param address the packed address, 4 or 16 bytes
 * @param prefixLength the prefix length of the address's subnet
 * @param interfaceIndex the interface index
 * @param deprecated whether the address is deprecated or optimistic (RFC 3484 rule 3)
 * @param tunnel whether the interface is a tunnel (not native transport, rule 7)
 */
public record LocalAddress(
    byte[] address, int prefixLength, int interfaceIndex, boolean deprecated, boolean tunnel) {

  /** Creates an entry; the address is copied. */
  public LocalAddress {
    if (address.length != 4 && address.length != 16) {
      throw new IllegalArgumentException("address must be 4 or 16 bytes");
    }
    address = address.clone();
  }

  @Override
  public byte[] address() {
    return address.clone();
  }

  /** Creates an entry on a native interface from address text such as {@code 192.0.2.2}. */
  public static LocalAddress of(String text, int prefixLength, int interfaceIndex) {
    byte[] a = IpLiterals.pton4(text);
    if (a == null) {
      a = IpLiterals.pton6(text);
    }
    if (a == null) {
      throw new IllegalArgumentException("not a numeric address: " + text);
    }
    return new LocalAddress(a, prefixLength, interfaceIndex, false, false);
  }

  /**
   * Returns a supplier of {@link #system()} that re-reads the interfaces at most once per {@code
   * maxAgeNanos} of {@code nanoClock}. glibc asks the kernel on every call; enumerating interfaces
   * through the JDK costs far more than a netlink dump, so the pure-Java back end keeps the list
   * briefly (an address change shows after at most that long).
   */
  public static java.util.function.Supplier<List<LocalAddress>> systemCached(
      java.util.function.LongSupplier nanoClock, long maxAgeNanos) {
    record Snapshot(long at, List<LocalAddress> addresses) {}
    java.util.concurrent.atomic.AtomicReference<Snapshot> held = new java.util.concurrent.atomic.AtomicReference<>();
    return () -> {
      long now = nanoClock.getAsLong();
      Snapshot s = held.get();
      if (s == null || now - s.at() >= maxAgeNanos) {
        s = new Snapshot(now, system());
        held.set(s);
      }
      return s.addresses();
    };
  }

  /** Returns the addresses of this machine's interfaces that are up; empty if they cannot be read. */
  public static List<LocalAddress> system() {
    List<LocalAddress> out = new ArrayList<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!ni.isUp()) {
          continue;
        }
        boolean tunnel = ni.getName().startsWith("sit") || ni.getName().startsWith("ip6tnl")
            || ni.getName().startsWith("tun");
        for (InterfaceAddress ia : ni.getInterfaceAddresses()) {
          byte[] b = ia.getAddress().getAddress();
          boolean v6 = ia.getAddress() instanceof Inet6Address;
          out.add(new LocalAddress(b, ia.getNetworkPrefixLength() & 0xff, ni.getIndex(), false,
              tunnel && v6));
        }
      }
    } catch (SocketException e) {
      return List.of();
    }
    return List.copyOf(out);
  }
}
