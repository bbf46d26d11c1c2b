package dev.netdb.resolve;

import dev.netdb.files.Servent;
import dev.netdb.dns.Eai;
import dev.netdb.text.IpLiterals;
import java.util.ArrayList;
import java.util.List;

/**
 * The service half of glibc 2.36's {@code getaddrinfo}: parsing the service string and choosing
 * socket type and protocol from the {@code gaih_inet_typeproto} table.
 */
public final class ServiceTuples {
  private ServiceTuples() {}

  /** One row of glibc's {@code gaih_inet_typeproto}. */
  record TypeProto(int type, int proto, boolean protoAnyNoService, boolean isDefault, String name) {}

  // glibc 2.36 gaih_inet_typeproto, in table order (SOCK_DCCP = 6, IPPROTO_DCCP = 33).
  static final List<TypeProto> TABLE =
      List.of(
          new TypeProto(1, 6, false, true, "tcp"),
          new TypeProto(2, 17, false, true, "udp"),
          new TypeProto(6, 33, false, false, "dccp"),
          new TypeProto(2, 136, false, false, "udplite"),
          new TypeProto(1, 132, false, false, "sctp"),
          new TypeProto(5, 132, false, false, "sctp"),
          new TypeProto(3, 0, true, true, "raw"));

  /** A socket type, protocol and port (host order) to be combined with each address. */
  public record SockTuple(int type, int proto, int port) {}

  /** The service argument after glibc's {@code strtoul} check: absent, a number or a name. */
  public sealed interface Service {
    /** No service, or {@code ""}: port 0. */
    record None() implements Service {}

    /** A service that was entirely numeric; {@code num} is the {@code int} glibc stores. */
    record Number(int num) implements Service {}

    /** A service to look up by name. */
    record Name(String name) implements Service {}
  }

  /**
   * Parses the service as glibc does: {@code strtoul(s, &end, 10)} over the whole string (leading
   * whitespace and a sign allowed), stored in an {@code int}; a negative int is looked up by name.
   * A non-numeric service with {@code AI_NUMERICSERV} is {@code EAI_NONAME}.
   */
  public static Service parse(String service, int flags) {
    if (service == null || service.isEmpty()) {
      return new Service.None();
    }
    Long v = IpLiterals.strtoulWhole(service);
    if (v == null) {
      if ((flags & 0x0400) != 0) {
        throw Eai.NONAME.error(service);
      }
      return new Service.Name(service);
    }
    int num = (int) (long) v;
    return num < 0 ? new Service.Name(service) : new Service.Number(num);
  }

  /**
   * Returns the socket tuples for the request, as {@code gaih_inet} builds them: the first table
   * row matching a given type or protocol; or, with neither given, one tuple per default row for
   * a numeric or absent service, and one per non-raw row whose protocol has the named service.
   */
  public static List<SockTuple> tuples(
      int type, int proto, Service service, ServiceDirectory services, String input) {
    TypeProto tp = null;
    if (type != 0 || proto != 0) {
      for (TypeProto e : TABLE) {
        if ((type == 0 || type == e.type())
            && (proto == 0 || e.protoAnyNoService() || proto == e.proto())) {
          tp = e;
          break;
        }
      }
      if (tp == null) {
        throw (type != 0 ? Eai.SOCKTYPE : Eai.SERVICE).error(input);
      }
    }
    int port;
    switch (service) {
      case Service.None n -> port = 0;
      case Service.Number n -> {
        if (tp != null && tp.protoAnyNoService()) {
          throw Eai.SERVICE.error(input);
        }
        port = n.num() & 0xffff; // htons(num): the port is taken mod 65536
      }
      case Service.Name n -> {
        if (tp != null) {
          if (tp.protoAnyNoService()) {
            throw Eai.SERVICE.error(input);
          }
          Servent s = services.byName(n.name(), tp.name());
          if (s == null) {
            throw Eai.SERVICE.error(input);
          }
          return List.of(new SockTuple(tp.type(), tp.proto(), s.port()));
        }
        List<SockTuple> out = new ArrayList<>();
        for (TypeProto e : TABLE) {
          if (e.protoAnyNoService()) {
            continue;
          }
          Servent s = services.byName(n.name(), e.name());
          if (s != null) {
            out.add(new SockTuple(e.type(), e.proto(), s.port()));
          }
        }
        if (out.isEmpty()) {
          throw Eai.SERVICE.error(input);
        }
        return List.copyOf(out);
      }
    }
    if (tp != null) {
      return List.of(new SockTuple(tp.type(), tp.protoAnyNoService() ? proto : tp.proto(), port));
    }
    List<SockTuple> out = new ArrayList<>();
    for (TypeProto e : TABLE) {
      if (e.isDefault()) {
        out.add(new SockTuple(e.type(), e.proto(), port));
      }
    }
    return List.copyOf(out);
  }
}
