package dev.netdb.cli;

import dev.netdb.NetDb;

/**
 * Creates the {@link NetDb} that the options ask for. It is the one place that knows the library's
 * factories, so wiring new builder inputs touches only this class.
 */
final class BackendFactory {
  private BackendFactory() {}

  /** Creates the back end; throws {@link UsageException} when the options cannot be honoured. */
  static NetDb create(Options o) {
    String backend = o.backend();
    if (o.hasJavaOptions()) {
      if ("os".equals(backend)) {
        throw new UsageException("--hosts, --resolv-conf, --nameserver, --gai-conf and --no-cache"
            + " apply to the java back end only");
      }
      // TODO(lead): when NetDbBuilder gains its setters, pass o.hosts(), o.resolvConf(),
      // o.nameservers(), o.gaiConf() and o.noCache() here.
      throw new UsageException("the java back end's options are not supported by this build yet");
    }
    if (backend == null) {
      return NetDb.system();
    }
    return "os".equals(backend) ? NetDb.os() : NetDb.java();
  }
}
