package dev.netdb.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One getaddrinfo call through a {@code NetDb}, from the call to its answer or error. */
@Name("dev.netdb.Lookup")
@Label("Name Lookup")
@Category({"netdb"})
@Description("One getaddrinfo call: from the call to its answer or error")
@StackTrace(false)
final class LookupEvent extends Event {
  @Label("Host") String host;
  @Label("Function") String function;
  @Label("Back End") String backend;
  @Label("Outcome") @Description("ok, or what Python's str(exc) prints for the error") String outcome;
  @Label("Cached") @Description("answered without waiting for DNS (answer cache, DNS cache, hosts file or numeric)") boolean cached;
  @Label("Stale") @Description("answered with an expired answer because every server failed (RFC 8767, NetDbBuilder.staleOnFailure)") boolean stale;
  @Label("Addresses") @Description("the distinct addresses, in order") String addresses;
}
