package dev.netdb.dns.linux;

/** Names the {@code errno} values a DNS socket meets, with glibc's {@code strerror} texts. */
final class Errnos {
  private Errnos() {}

  /** Returns glibc's {@code strerror(errno)} text for the errors a DNS socket meets, else "error". */
  static String text(int errno) {
    return switch (errno) {
      case 1 -> "Operation not permitted";
      case 9 -> "Bad file descriptor";
      case 13 -> "Permission denied";
      case 22 -> "Invalid argument";
      case 23 -> "Too many open files in system";
      case 24 -> "Too many open files";
      case 32 -> "Broken pipe";
      case 90 -> "Message too long";
      case 97 -> "Address family not supported by protocol";
      case 99 -> "Cannot assign requested address";
      case 100 -> "Network is down";
      case 101 -> "Network is unreachable";
      case 104 -> "Connection reset by peer";
      case 105 -> "No buffer space available";
      case 110 -> "Connection timed out";
      case 111 -> "Connection refused";
      case 113 -> "No route to host";
      default -> "error";
    };
  }
}
