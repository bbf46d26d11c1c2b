package dev.netdb.resolve;

import dev.netdb.ProtocolEntry;
import dev.netdb.ServiceEntry;
import java.util.List;

/**
 * The services and protocols databases as the resolver needs them ({@code getservbyname_r} and
 * friends of glibc's files module). Lookups return null when not found, as in C.
 */
public interface ServiceDirectory {
  /** {@code getservbyname_r(name, proto)}; a null proto matches any. Case-sensitive. */
  ServiceEntry byName(String name, String proto);

  /** {@code getservbyport_r(port, proto)} with the port in host order; a null proto matches any. */
  ServiceEntry byPort(int port, String proto);

  /** {@code getprotobyname_r(name)}. */
  ProtocolEntry protocolByName(String name);

  /** {@code getprotobynumber_r(number)}. */
  ProtocolEntry protocolByNumber(int number);

  /** Lists every service in file order. */
  List<ServiceEntry> services();

  /** Lists every protocol in file order. */
  List<ProtocolEntry> protocols();
}
