package dev.netdb.backend;

import dev.netdb.dns.HErrnoEffect;
import java.util.List;
import java.util.Objects;

/**
 * What {@code getaddrinfo(3)} returns: the {@code struct addrinfo} list, and what the call left in
 * the thread's {@code h_errno} (a side output of every C host call, which CPython reads later; see
 * {@link HErrnoEffect}).
 *
 * @param entries the entries in glibc's order, canonical name on the first entry only
 * @param hErrno the call's effect on {@code h_errno}
 */
public record AddrinfoResult(List<AddressInfo> entries, HErrnoEffect hErrno) {
  /** Copies the list. */
  public AddrinfoResult {
    entries = List.copyOf(entries);
    Objects.requireNonNull(hErrno, "hErrno");
  }
}
