package dev.netdb.observe;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the DNS queries of one resolver: every send, how it ended, and the round-trip time of
 * each reply, per server. Written by the I/O thread, read by anyone; safe for concurrent use.
 */
public final class QueryStats {
  private final LongAdder queries = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final ConcurrentHashMap<InetSocketAddress, Server> servers = new ConcurrentHashMap<>();

  /**
   * Records one send to {@code server} that ended with {@code outcome} ({@code reply}, {@code
   * timeout} or {@code error}) after {@code elapsedNanos}.
   */
  public void record(InetSocketAddress server, String outcome, long elapsedNanos) {
    queries.increment();
    Server s = servers.computeIfAbsent(server, Server::new);
    s.queries.increment();
    switch (outcome) {
      case "reply" -> {
        s.replies.increment();
        s.rttNanos.add(elapsedNanos);
        s.maxRtt.accumulateAndGet(elapsedNanos, Math::max);
      }
      case "timeout" -> {
        timeouts.increment();
        s.timeouts.increment();
      }
      default -> s.errors.increment();
    }
  }

  /** Returns the queries sent. */
  public long queries() {
    return queries.sum();
  }

  /** Returns the queries that timed out. */
  public long timeouts() {
    return timeouts.sum();
  }

  /** Returns the counts of each server asked, in no particular order. */
  public List<ServerCounts> servers() {
    List<ServerCounts> out = new ArrayList<>();
    for (Server s : servers.values()) {
      out.add(new ServerCounts(s.address, s.queries.sum(), s.replies.sum(), s.timeouts.sum(),
          s.errors.sum(), s.rttNanos.sum(), s.maxRtt.get()));
    }
    return out;
  }

  /**
   * The counts of one server.
   *
   * @param server the server
   * @param queries the queries sent to it
   * @param replies the replies received
   * @param timeouts the queries it did not answer in time
   * @param errors the queries that failed otherwise (socket errors, undecodable replies)
   * @param rttTotalNanos the round-trip times of the replies, summed
   * @param rttMaxNanos the longest round-trip time of a reply
   */
  public record ServerCounts(InetSocketAddress server, long queries, long replies, long timeouts,
      long errors, long rttTotalNanos, long rttMaxNanos) {}

  private static final class Server {
    final InetSocketAddress address;
    final LongAdder queries = new LongAdder();
    final LongAdder replies = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder rttNanos = new LongAdder();
    final java.util.concurrent.atomic.AtomicLong maxRtt = new java.util.concurrent.atomic.AtomicLong();

    Server(InetSocketAddress address) {
      this.address = address;
    }
  }
}
