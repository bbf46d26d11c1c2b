package dev.netdb.backend;

import dev.netdb.text.IpLiterals;
import java.util.Arrays;
import java.util.Objects;

/**
 * One {@code struct addrinfo} as a back end returns it: the socket address fields of one result
 * of {@code getaddrinfo(3)}, and the input of {@code getnameinfo(3)}. The address stays packed
 * from the answer to the sort and to the socket address; only the API edge writes it as text,
 * for the public {@code dev.netdb.AddrInfo}.
 *
 * @param family {@code ai_family}
 * @param type {@code ai_socktype}
 * @param protocol {@code ai_protocol}
 * @param canonicalName {@code ai_canonname}, empty except on the first entry with AI_CANONNAME
 * @param address the packed address: 4 bytes for {@code AF_INET}, 16 for {@code AF_INET6}; not
 *     copied, and never changed once the entry exists
 * @param port the port in host order
 * @param flowInfo {@code sin6_flowinfo}
 * @param scopeId {@code sin6_scope_id}
 */
public record AddressInfo(
    int family, int type, int protocol, String canonicalName, byte[] address, int port,
    long flowInfo, long scopeId) {

  /** Checks that the name is present and the address has 4 or 16 bytes. */
  public AddressInfo {
    Objects.requireNonNull(canonicalName, "canonicalName");
    if (address.length != 4 && address.length != 16) {
      throw new IllegalArgumentException("address of " + address.length + " bytes");
    }
  }

  /** Returns the address as {@code inet_ntop} writes it (for the public record and messages). */
  public String host() {
    return IpLiterals.ntop(address);
  }

  /** Returns the same entry with another canonical name. */
  public AddressInfo withCanonicalName(String name) {
    return new AddressInfo(family, type, protocol, name, address, port, flowInfo, scopeId);
  }

  /** Reports whether {@code o} is an entry with the same fields and address bytes. */
  @Override
  public boolean equals(Object o) {
    return o instanceof AddressInfo a && family == a.family && type == a.type
        && protocol == a.protocol && canonicalName.equals(a.canonicalName)
        && Arrays.equals(address, a.address) && port == a.port && flowInfo == a.flowInfo
        && scopeId == a.scopeId;
  }

  /** Returns a hash of every field, the address by its bytes. */
  @Override
  public int hashCode() {
    return Objects.hash(family, type, protocol, canonicalName, Arrays.hashCode(address), port,
        flowInfo, scopeId);
  }

  /** Returns the fields, the address as text. */
  @Override
  public String toString() {
    return "AddressInfo[family=" + family + ", type=" + type + ", protocol=" + protocol
        + ", canonicalName=" + canonicalName + ", address=" + host() + ", port=" + port
        + ", flowInfo=" + flowInfo + ", scopeId=" + scopeId + "]";
  }
}
