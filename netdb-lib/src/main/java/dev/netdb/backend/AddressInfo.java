package dev.netdb.backend;

import java.util.Objects;

/**
 * One {@code struct addrinfo} as a back end returns it: the socket address fields of one result
 * of {@code getaddrinfo(3)}, and the input of {@code getnameinfo(3)}. The API edge turns it into
 * the public {@code dev.netdb.AddrInfo}.
 *
 * @param family {@code ai_family}
 * @param type {@code ai_socktype}
 * @param protocol {@code ai_protocol}
 * @param canonicalName {@code ai_canonname}, empty except on the first entry with AI_CANONNAME
 * @param host the address as text, as {@code inet_ntop} writes it
 * @param port the port in host order
 * @param flowInfo {@code sin6_flowinfo}
 * @param scopeId {@code sin6_scope_id}
 */
public record AddressInfo(
    int family, int type, int protocol, String canonicalName, String host, int port, long flowInfo,
    long scopeId) {

  /** Checks that the texts are present. */
  public AddressInfo {
    Objects.requireNonNull(canonicalName, "canonicalName");
    Objects.requireNonNull(host, "host");
  }
}
