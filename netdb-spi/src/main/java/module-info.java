/**
 * netdb as the JVM's {@code InetAddress} resolver: putting this module on the module path (or its
 * jar on the class path) makes {@link dev.netdb.spi.NetDbResolverProvider} the JVM-wide {@link
 * java.net.spi.InetAddressResolverProvider}. The core {@code dev.netdb} module never changes
 * resolution by being present.
 */
module dev.netdb.spi {
  requires dev.netdb;

  exports dev.netdb.spi;

  provides java.net.spi.InetAddressResolverProvider with
      dev.netdb.spi.NetDbResolverProvider;
}
