package dev.netdb.cli;

/** The {@code netdb} command. */
public final class Main {
  private Main() {}

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(0);
  }
}
