package dev.netdb.os;

/**
 * Who answers one NSS database for the OS back end: glibc through FFM, or the pure-Java reader of
 * the same file because glibc would consult its {@code files} module alone.
 *
 * @param database the nsswitch.conf database ({@code services}, {@code protocols}, {@code hosts})
 * @param filesReader true when the pure-Java reader answers
 * @param reason one line saying why, naming the nsswitch.conf line in force
 */
public record NssRoute(String database, boolean filesReader, String reason) {
  /** Returns {@code "files (pure-Java reader)"} or {@code "glibc"}, for people. */
  public String source() {
    return filesReader ? "files (pure-Java reader)" : "glibc";
  }

  @Override
  public String toString() {
    return database + ": " + source() + " (" + reason + ")";
  }
}
