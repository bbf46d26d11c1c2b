package dev.netdb.os.bindings;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Declares the glibc structures of {@code <netdb.h>} and {@code <netinet/in.h>} for LP64 Linux
 * (x86_64 and aarch64), where {@code int} is 4 bytes, pointers and {@code size_t} are 8 and
 * {@code socklen_t} is a 4-byte unsigned int. Other ABIs are refused before these are used.
 *
 * <p>Hand-written in the shape jextract produces: one layout per struct and one byte offset per
 * field, so the wrappers read fields without computing offsets themselves.
 */
public final class NetdbLayouts {
  private NetdbLayouts() {}

  /** {@code in_port_t} and other network-order 16-bit fields. */
  public static final ValueLayout.OfShort NET_SHORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);

  /** {@code uint32_t} fields kept in network order, such as {@code sin6_flowinfo}. */
  public static final ValueLayout.OfInt NET_INT = JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);

  /** {@code struct addrinfo} (glibc {@code <netdb.h>}): 48 bytes, padding after ai_addrlen. */
  public static final StructLayout ADDRINFO =
      MemoryLayout.structLayout(
              JAVA_INT.withName("ai_flags"),
              JAVA_INT.withName("ai_family"),
              JAVA_INT.withName("ai_socktype"),
              JAVA_INT.withName("ai_protocol"),
              JAVA_INT.withName("ai_addrlen"),
              MemoryLayout.paddingLayout(4),
              ADDRESS.withName("ai_addr"),
              ADDRESS.withName("ai_canonname"),
              ADDRESS.withName("ai_next"))
          .withName("addrinfo");

  /** Offset of {@code ai_flags}. */
  public static final long AI_FLAGS = off(ADDRINFO, "ai_flags");
  /** Offset of {@code ai_family}. */
  public static final long AI_FAMILY = off(ADDRINFO, "ai_family");
  /** Offset of {@code ai_socktype}. */
  public static final long AI_SOCKTYPE = off(ADDRINFO, "ai_socktype");
  /** Offset of {@code ai_protocol}. */
  public static final long AI_PROTOCOL = off(ADDRINFO, "ai_protocol");
  /** Offset of {@code ai_addrlen}. */
  public static final long AI_ADDRLEN = off(ADDRINFO, "ai_addrlen");
  /** Offset of {@code ai_addr} (24). */
  public static final long AI_ADDR = off(ADDRINFO, "ai_addr");
  /** Offset of {@code ai_canonname} (32). */
  public static final long AI_CANONNAME = off(ADDRINFO, "ai_canonname");
  /** Offset of {@code ai_next} (40). */
  public static final long AI_NEXT = off(ADDRINFO, "ai_next");

  /** {@code struct sockaddr_in}: family, port (network order), address, 8 zero bytes. */
  public static final StructLayout SOCKADDR_IN =
      MemoryLayout.structLayout(
              JAVA_SHORT.withName("sin_family"),
              NET_SHORT.withName("sin_port"),
              MemoryLayout.sequenceLayout(4, ValueLayout.JAVA_BYTE).withName("sin_addr"),
              MemoryLayout.sequenceLayout(8, ValueLayout.JAVA_BYTE).withName("sin_zero"))
          .withName("sockaddr_in");

  /** Offset of {@code sin_family}. */
  public static final long SIN_FAMILY = off(SOCKADDR_IN, "sin_family");
  /** Offset of {@code sin_port}. */
  public static final long SIN_PORT = off(SOCKADDR_IN, "sin_port");
  /** Offset of {@code sin_addr}. */
  public static final long SIN_ADDR = off(SOCKADDR_IN, "sin_addr");

  /** {@code struct sockaddr_in6}: family, port, flow info (both network order), address, scope id. */
  public static final StructLayout SOCKADDR_IN6 =
      MemoryLayout.structLayout(
              JAVA_SHORT.withName("sin6_family"),
              NET_SHORT.withName("sin6_port"),
              NET_INT.withName("sin6_flowinfo"),
              MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_BYTE).withName("sin6_addr"),
              JAVA_INT.withName("sin6_scope_id"))
          .withName("sockaddr_in6");

  /** Offset of {@code sin6_family}. */
  public static final long SIN6_FAMILY = off(SOCKADDR_IN6, "sin6_family");
  /** Offset of {@code sin6_port}. */
  public static final long SIN6_PORT = off(SOCKADDR_IN6, "sin6_port");
  /** Offset of {@code sin6_flowinfo}. */
  public static final long SIN6_FLOWINFO = off(SOCKADDR_IN6, "sin6_flowinfo");
  /** Offset of {@code sin6_addr}. */
  public static final long SIN6_ADDR = off(SOCKADDR_IN6, "sin6_addr");
  /** Offset of {@code sin6_scope_id}. */
  public static final long SIN6_SCOPE_ID = off(SOCKADDR_IN6, "sin6_scope_id");

  /** {@code struct hostent}: name, aliases, address type, address length, address list. */
  public static final StructLayout HOSTENT =
      MemoryLayout.structLayout(
              ADDRESS.withName("h_name"),
              ADDRESS.withName("h_aliases"),
              JAVA_INT.withName("h_addrtype"),
              JAVA_INT.withName("h_length"),
              ADDRESS.withName("h_addr_list"))
          .withName("hostent");

  /** Offset of {@code h_name}. */
  public static final long H_NAME = off(HOSTENT, "h_name");
  /** Offset of {@code h_aliases}. */
  public static final long H_ALIASES = off(HOSTENT, "h_aliases");
  /** Offset of {@code h_addrtype}. */
  public static final long H_ADDRTYPE = off(HOSTENT, "h_addrtype");
  /** Offset of {@code h_length}. */
  public static final long H_LENGTH = off(HOSTENT, "h_length");
  /** Offset of {@code h_addr_list}. */
  public static final long H_ADDR_LIST = off(HOSTENT, "h_addr_list");

  /** {@code struct servent}: name, aliases, port ({@code htons} value in an int), protocol. */
  public static final StructLayout SERVENT =
      MemoryLayout.structLayout(
              ADDRESS.withName("s_name"),
              ADDRESS.withName("s_aliases"),
              JAVA_INT.withName("s_port"),
              MemoryLayout.paddingLayout(4),
              ADDRESS.withName("s_proto"))
          .withName("servent");

  /** Offset of {@code s_name}. */
  public static final long S_NAME = off(SERVENT, "s_name");
  /** Offset of {@code s_aliases}. */
  public static final long S_ALIASES = off(SERVENT, "s_aliases");
  /** Offset of {@code s_port}. */
  public static final long S_PORT = off(SERVENT, "s_port");
  /** Offset of {@code s_proto}. */
  public static final long S_PROTO = off(SERVENT, "s_proto");

  /** {@code struct protoent}: name, aliases, number (plus tail padding). */
  public static final StructLayout PROTOENT =
      MemoryLayout.structLayout(
              ADDRESS.withName("p_name"),
              ADDRESS.withName("p_aliases"),
              JAVA_INT.withName("p_proto"),
              MemoryLayout.paddingLayout(4))
          .withName("protoent");

  /** Offset of {@code p_name}. */
  public static final long P_NAME = off(PROTOENT, "p_name");
  /** Offset of {@code p_aliases}. */
  public static final long P_ALIASES = off(PROTOENT, "p_aliases");
  /** Offset of {@code p_proto}. */
  public static final long P_PROTO = off(PROTOENT, "p_proto");

  private static long off(StructLayout layout, String field) {
    return layout.byteOffset(groupElement(field));
  }
}
