package dev.netdb.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One DNS query sent to one server by the pure-Java resolver, from send to reply or timeout. */
@Name("dev.netdb.DnsQuery")
@Label("DNS Query")
@Category({"netdb", "DNS"})
@Description("One DNS query to one server: from sending it to its reply or timeout")
@StackTrace(false)
final class DnsQueryEvent extends Event {
  @Label("Name") String name;
  @Label("Type") String type;
  @Label("Server") String server;
  @Label("Transport") String transport;
  @Label("RCODE") @Description("the reply's RCODE, or timeout / error without a reply") String rcode;
  @Label("Attempt") @Description("the round over the servers, from 1") int attempt;
  @Label("Truncated") boolean truncated;
}
