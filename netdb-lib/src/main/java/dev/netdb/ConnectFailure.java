package dev.netdb;

import java.util.List;

/** Decides the error of a connect in which every attempt failed; a pure function of the errors. */
final class ConnectFailure {
  private ConnectFailure() {}

  /**
   * Returns Python's error: with no attempt at all, the lookup's gaierror (for Happy Eyeballs the A
   * lookup's, else the AAAA lookup's), or {@code OSError('getaddrinfo returns an empty list')};
   * with {@code allErrors}, {@code ExceptionGroup('create_connection failed', errors)}; in
   * Python's order the last error (socket.py keeps only it); with Happy Eyeballs asyncio's rule
   * ({@code base_events.create_connection}): one error, or errors whose {@code str} are all equal,
   * as the first, otherwise {@code OSError('Multiple exceptions: a, b, ...')}.
   */
  static NetDbException of(List<NetDbException> errors, NetDbException lookupError,
      NetDbException aaaaError, boolean allErrors, boolean happyEyeballs, String input) {
    if (errors.isEmpty()) {
      if (lookupError != null) {
        return lookupError;
      }
      if (aaaaError != null) {
        return aaaaError;
      }
      return new SystemException("getaddrinfo returns an empty list", input);
    }
    if (allErrors) {
      return new ExceptionGroupException("create_connection failed", errors, input);
    }
    if (!happyEyeballs) {
      return errors.getLast();
    }
    String model = errors.getFirst().pythonStr();
    if (errors.stream().allMatch(e -> e.pythonStr().equals(model))) {
      return errors.getFirst();
    }
    StringBuilder b = new StringBuilder("Multiple exceptions: ");
    for (int i = 0; i < errors.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(errors.get(i).pythonStr());
    }
    return new SystemException(b.toString(), input);
  }
}
