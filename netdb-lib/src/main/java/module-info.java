/**
 * netdb: the naming half of Python's {@code socket} module for Java, with an OS back end (glibc
 * through FFM) and a pure-Java back end. Only {@code dev.netdb} is exported.
 */
module dev.netdb {
  exports dev.netdb;
}
