/**
 * netdb: the naming half of Python's {@code socket} module for Java, with an OS back end (glibc
 * through FFM) and a pure-Java back end. Only {@code dev.netdb} and its trace model {@code dev.netdb.trace} are exported.
 */
module dev.netdb {
  exports dev.netdb;
  exports dev.netdb.trace;

  requires static jdk.jfr; // the JFR events, only where the module is present (observe.Events)
}
