package dev.netdb.dns.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link Syscalls#disconnect} on real loopback sockets: a UDP socket whose port the kernel
 * picked gives that port up (another socket can bind it, and nothing more reaches the old
 * socket there), a datagram queued before stays queued, and the next {@code connect} picks a port
 * again and talks to the new peer; on a bad descriptor it fails with {@code strerror}'s text.
 * Loopback only.
 */
class SyscallsTest {
  private static final InetAddress LOOPBACK = InetAddress.ofLiteral("127.0.0.1");

  @BeforeEach
  void nativeAccess() {
    assumeThat(Syscalls.available()).as("FFM system calls need Linux and native access").isTrue();
  }

  @Test
  void disconnectReleasesTheKernelPickedPortAndReconnectPicksOneAgain() throws Exception {
    try (DatagramSocket first = new DatagramSocket(0, LOOPBACK); DatagramSocket second = new DatagramSocket(0, LOOPBACK)) {
      first.setSoTimeout(2000);
      second.setSoTimeout(2000);
      int fd = Syscalls.socket(Syscalls.AF_INET, Syscalls.SOCK_DGRAM);
      try {
        Syscalls.connect(fd, (InetSocketAddress) first.getLocalSocketAddress());
        int oldPort = Syscalls.localPort(fd);
        assertThat(oldPort).isPositive();
        // A datagram from the first peer, queued before the disconnect.
        first.send(new DatagramPacket(new byte[] {7}, 1, LOOPBACK, oldPort));
        Thread.sleep(50);

        Syscalls.disconnect(fd);
        assertThat(Syscalls.localPort(fd)).as("no port after the disconnect").isZero();
        try (DatagramSocket taker = new DatagramSocket(null)) {
          taker.bind(new InetSocketAddress(LOOPBACK, oldPort)); // fails with EADDRINUSE while held
          assertThat(taker.getLocalPort()).isEqualTo(oldPort);
        }
        byte[] one = new byte[8];
        assertThat(Syscalls.recv(fd, MemorySegment.ofArray(one))).as("the queued datagram").isEqualTo(1);
        assertThat(one[0]).isEqualTo((byte) 7);
        assertThat(Syscalls.recv(fd, MemorySegment.ofArray(one))).as("then nothing").isEqualTo(-1);

        Syscalls.connect(fd, (InetSocketAddress) second.getLocalSocketAddress());
        int newPort = Syscalls.localPort(fd);
        assertThat(newPort).isPositive();
        assertThat(Syscalls.send(fd, MemorySegment.ofArray(new byte[] {1, 2, 3}))).isEqualTo(3);
        DatagramPacket got = new DatagramPacket(new byte[16], 16);
        second.receive(got);
        assertThat(got.getPort()).as("sent from the new port").isEqualTo(newPort);
        assertThat(got.getLength()).isEqualTo(3);
        // The old peer can no longer reach it unless the kernel picked the old port again.
        if (newPort != oldPort) {
          first.send(new DatagramPacket(new byte[] {9}, 1, LOOPBACK, oldPort));
          Thread.sleep(50);
          assertThat(Syscalls.recv(fd, MemorySegment.ofArray(one))).isEqualTo(-1);
        }
      } finally {
        Syscalls.close(fd);
      }
    }
  }

  @Test
  void disconnectOfAnUnconnectedSocketIsHarmless() throws Exception {
    int fd = Syscalls.socket(Syscalls.AF_INET, Syscalls.SOCK_DGRAM);
    try {
      Syscalls.disconnect(fd);
      assertThat(Syscalls.localPort(fd)).isZero();
    } finally {
      Syscalls.close(fd);
    }
  }

  @Test
  void disconnectOfABadDescriptorFailsWithTheErrnoText() throws Exception {
    int fd = Syscalls.socket(Syscalls.AF_INET, Syscalls.SOCK_DGRAM);
    Syscalls.close(fd);
    assertThatThrownBy(() -> Syscalls.disconnect(fd)).isInstanceOf(IOException.class)
        .hasMessage("disconnect: Bad file descriptor (errno 9)");
  }

  @Test
  void aFinishedSocketsPeerGetsNoReplyThroughTheNewPort() throws Exception {
    // A reply to the old port sent after the disconnect is not delivered to the socket at all.
    try (DatagramSocket server = new DatagramSocket(0, LOOPBACK)) {
      server.setSoTimeout(200);
      int fd = Syscalls.socket(Syscalls.AF_INET, Syscalls.SOCK_DGRAM);
      try {
        Syscalls.connect(fd, (InetSocketAddress) server.getLocalSocketAddress());
        int oldPort = Syscalls.localPort(fd);
        Syscalls.disconnect(fd);
        server.send(new DatagramPacket(new byte[] {5}, 1, LOOPBACK, oldPort));
        Thread.sleep(50);
        assertThat(Syscalls.recv(fd, MemorySegment.ofArray(new byte[4]))).isEqualTo(-1);
        assertThatThrownBy(() -> server.receive(new DatagramPacket(new byte[4], 4)))
            .isInstanceOf(SocketTimeoutException.class);
      } finally {
        Syscalls.close(fd);
      }
    }
  }
}
