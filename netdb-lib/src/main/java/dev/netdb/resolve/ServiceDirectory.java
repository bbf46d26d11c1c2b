package dev.netdb.resolve;

import dev.netdb.files.Protoent;
import dev.netdb.files.Servent;
import java.util.List;

/**
 * The services and protocols databases as the resolver needs them ({@code getservbyname_r} and
 * friends of glibc's files module). Lookups return null when not found, as in C.
 */
public interface ServiceDirectory {
  /** {@code getservbyname_r(name, proto)}; a null proto matches any. Case-sensitive. */
  Servent byName(String name, String proto);

  /** {@code getservbyport_r(port, proto)} with the port in host order; a null proto matches any. */
  Servent byPort(int port, String proto);

  /** {@code getprotobyname_r(name)}. */
  Protoent protocolByName(String name);

  /** {@code getprotobynumber_r(number)}. */
  Protoent protocolByNumber(int number);

  /** Lists every service in file order. */
  List<Servent> services();

  /** Lists every protocol in file order. */
  List<Protoent> protocols();

  /** Returns the directory over the files module's services and protocols databases. */
  static ServiceDirectory of(dev.netdb.files.FilesDatabases db) {
    return new ServiceDirectory() {
      @Override
      public Servent byName(String name, String proto) {
        return db.services().serviceByName(name, proto);
      }

      @Override
      public Servent byPort(int port, String proto) {
        return db.services().serviceByPort(port, proto);
      }

      @Override
      public Protoent protocolByName(String name) {
        return db.protocols().protocolByName(name);
      }

      @Override
      public Protoent protocolByNumber(int number) {
        return db.protocols().protocolByNumber(number);
      }

      @Override
      public List<Servent> services() {
        return db.services().services();
      }

      @Override
      public List<Protoent> protocols() {
        return db.protocols().protocols();
      }
    };
  }
}
