package dev.netdb;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Orders the destinations of one connect. Python's order ({@link #inOrder()}) is getaddrinfo's,
 * one list. The Happy Eyeballs order ({@link #interleaved(int)}) is RFC 8305 §4's: the first
 * family (IPv6, which RFC 6724's default policy prefers) for the first {@code
 * firstAddressFamilyCount} addresses, then the families alternate, as asyncio's {@code
 * _interleave_addrinfos} orders them. Addresses that arrive after attempts began (a late AAAA
 * answer) join in the same way: the next pick takes the family the last pick did not.
 */
final class AddressQueue {
  private final boolean interleave;
  private final int firstCount;
  private final ArrayDeque<SocketAddress> v6 = new ArrayDeque<>();
  private final ArrayDeque<SocketAddress> v4 = new ArrayDeque<>();
  private boolean initial = true;
  private int takenFirst;
  private boolean lastWasV6;

  private AddressQueue(boolean interleave, int firstCount) {
    this.interleave = interleave;
    this.firstCount = firstCount;
  }

  /** Returns a queue that gives addresses in the order they were added (Python's loop). */
  static AddressQueue inOrder() {
    return new AddressQueue(false, 1);
  }

  /** Returns a queue that interleaves families as RFC 8305 §4 does. */
  static AddressQueue interleaved(int firstAddressFamilyCount) {
    return new AddressQueue(true, firstAddressFamilyCount);
  }

  /** Adds destinations; in Python's order they all go to one list. */
  void addAll(List<? extends SocketAddress> addresses) {
    for (SocketAddress a : addresses) {
      (interleave && isV4(a) ? v4 : v6).add(a);
    }
  }

  /** Reports whether no destination is waiting. */
  boolean isEmpty() {
    return v6.isEmpty() && v4.isEmpty();
  }

  /** Removes and returns the next destination, or null when none is waiting. */
  SocketAddress next() {
    if (!interleave) {
      return v6.poll();
    }
    boolean wantV6 = initial || !lastWasV6;
    ArrayDeque<SocketAddress> q = wantV6 ? v6 : v4;
    if (q.isEmpty()) {
      q = wantV6 ? v4 : v6;
    }
    SocketAddress a = q.poll();
    if (a == null) {
      return null;
    }
    lastWasV6 = q == v6;
    if (initial && (!lastWasV6 || ++takenFirst >= firstCount)) {
      initial = false;
    }
    return a;
  }

  private static boolean isV4(SocketAddress a) {
    return a instanceof InetSocketAddress i && i.getAddress().getAddress().length == 4;
  }
}
