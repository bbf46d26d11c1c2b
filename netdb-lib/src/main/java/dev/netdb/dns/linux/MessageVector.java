package dev.netdb.dns.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A native {@code struct mmsghdr} array for {@code sendmmsg(2)} and {@code recvmmsg(2)}: {@link
 * #capacity} messages of one {@code iovec} each, every one over a slot of {@link #slotBytes}
 * bytes of its own, all in one native block. No address is set ({@code msg_name} null): the
 * sockets are connected. One thread uses a vector at a time.
 *
 * <p>The layout is LP64 Linux's, the same on x86_64 and aarch64: {@code struct msghdr} is 56 bytes
 * ({@code msg_iov} at 16, {@code msg_iovlen} at 24), {@code struct mmsghdr} adds {@code msg_len}
 * at 56 and pads to 64, and {@code struct iovec} is 16 bytes ({@code iov_len} at 8).
 */
public final class MessageVector {
  private static final long MMSGHDR = 64;
  private static final long MSG_IOV = 16;
  private static final long MSG_IOVLEN = 24;
  private static final long MSG_LEN = 56;
  private static final long IOVEC = 16;
  private static final long IOV_LEN = 8;

  private final int capacity;
  private final int slotBytes;
  private final MemorySegment headers;
  private final MemorySegment iovecs;
  private final MemorySegment data;
  /** Each slot as a buffer, made once: what {@link #datagram} hands out. */
  private final ByteBuffer[] views;

  /**
   * Allocates a vector of {@code capacity} messages of up to {@code slotBytes} bytes each in
   * {@code arena}.
   */
  public MessageVector(Arena arena, int capacity, int slotBytes) {
    if (capacity < 1 || slotBytes < 1) {
      throw new IllegalArgumentException("capacity and slot size must be positive");
    }
    this.capacity = capacity;
    this.slotBytes = slotBytes;
    headers = arena.allocate(MMSGHDR * capacity, 8);
    iovecs = arena.allocate(IOVEC * capacity, 8);
    data = arena.allocate((long) slotBytes * capacity, 8);
    views = new ByteBuffer[capacity];
    for (int i = 0; i < capacity; i++) {
      MemorySegment slot = data.asSlice((long) slotBytes * i, slotBytes);
      MemorySegment iov = iovecs.asSlice(IOVEC * i, IOVEC);
      iov.set(ADDRESS, 0, slot);
      iov.set(JAVA_LONG, IOV_LEN, slotBytes);
      MemorySegment h = headers.asSlice(MMSGHDR * i, MMSGHDR);
      h.set(ADDRESS, MSG_IOV, iov);
      h.set(JAVA_LONG, MSG_IOVLEN, 1);
      views[i] = slot.asByteBuffer();
    }
  }

  /** Returns how many messages the vector holds. */
  public int capacity() {
    return capacity;
  }

  /** Returns the most bytes one message may have. */
  public int slotBytes() {
    return slotBytes;
  }

  /** Puts {@code datagram} (at most {@link #slotBytes} long) into message {@code i}, to be sent. */
  public void put(int i, byte[] datagram) {
    MemorySegment.copy(datagram, 0, data, JAVA_BYTE, (long) slotBytes * i, datagram.length);
    iovecs.set(JAVA_LONG, IOVEC * i + IOV_LEN, datagram.length);
  }

  /**
   * Sends messages {@code 0..count-1} on connected socket {@code fd} ({@code sendmmsg(2)} with
   * {@code MSG_NOSIGNAL}), returning how many the kernel took, from the first; 0 when the first
   * would block.
   *
   * @throws IOException what failed the first message (a {@link java.net.PortUnreachableException}
   *     for an ICMP error left by an earlier send)
   */
  public int send(int fd, int count) throws IOException {
    return Syscalls.sendmmsg(fd, headers, Math.min(count, capacity));
  }

  /**
   * Receives up to {@link #capacity} datagrams waiting on {@code fd} ({@code recvmmsg(2)}, not
   * blocking), each cut to {@link #slotBytes} as {@code recv} cuts it; returns how many, or -1
   * when none waits.
   *
   * @throws IOException what failed the first read (a {@link java.net.PortUnreachableException}
   *     for an ICMP port unreachable)
   */
  public int receive(int fd) throws IOException {
    for (int i = 0; i < capacity; i++) {
      iovecs.set(JAVA_LONG, IOVEC * i + IOV_LEN, slotBytes);
    }
    return Syscalls.recvmmsg(fd, headers, capacity);
  }

  /** Returns received message {@code i}: a buffer over its slot, from 0 to its length. */
  public ByteBuffer datagram(int i) {
    ByteBuffer b = views[i];
    b.clear();
    b.limit(headers.get(JAVA_INT, MMSGHDR * i + MSG_LEN));
    return b;
  }
}
