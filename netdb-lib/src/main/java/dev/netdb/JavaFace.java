package dev.netdb;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;

/** Turns {@code getaddrinfo} answers into the JDK's types for {@link NetDb#lookup}. */
final class JavaFace {
  private JavaFace() {}

  /**
   * Returns one address per distinct address of {@code answer}, in its order, each named {@code
   * host}; an empty answer is an {@link UnknownHostException}.
   */
  static List<InetAddress> addresses(String host, List<AddrInfo> answer) throws UnknownHostException {
    List<InetAddress> out = new ArrayList<>(answer.size());
    List<byte[]> seen = new ArrayList<>(answer.size());
    next:
    for (AddrInfo ai : answer) {
      boolean v6 = ai.family() == AddressFamily.INET6.value();
      byte[] bytes = Inet.pton(v6 ? AddressFamily.INET6 : AddressFamily.INET, ai.host());
      for (byte[] b : seen) {
        if (Arrays.equals(b, bytes)) {
          continue next;
        }
      }
      seen.add(bytes);
      // getByAddress with a name never makes a lookup; a scope id of 0 means none.
      out.add(v6 && ai.scopeId() != 0
          ? Inet6Address.getByAddress(host, bytes, (int) ai.scopeId())
          : InetAddress.getByAddress(host, bytes));
    }
    if (out.isEmpty()) {
      throw new UnknownHostException(host + ": no address");
    }
    return List.copyOf(out);
  }

  /** The {@code handle} stage of {@link NetDb#lookupAsync}. */
  static List<InetAddress> addressesOrThrow(String host, List<AddrInfo> answer, Throwable failure) {
    Throwable f = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
    try {
      if (f instanceof NetDbException e) {
        throw e.toUnknownHostException();
      }
      if (f != null) {
        throw new CompletionException(f);
      }
      return addresses(host, answer);
    } catch (UnknownHostException e) {
      throw new CompletionException(e);
    }
  }
}
