package dev.netdb.os;

/** Prints whether the OS back end is available in this JVM; run by {@link NativeAccessTest}. */
public final class NativeAccessProbe {
  private NativeAccessProbe() {}

  /** Prints {@code available} or {@code unavailable: REASON}, then tries {@code create()}. */
  public static void main(String[] args) {
    System.out.println(
        OsBackend.isAvailable() ? "available" : "unavailable: " + OsBackend.unavailableReason());
    try {
      System.out.println("created " + OsBackend.create().getservbyname("http", "tcp").port());
    } catch (IllegalStateException e) {
      System.out.println("refused: " + e.getMessage());
    }
  }
}
