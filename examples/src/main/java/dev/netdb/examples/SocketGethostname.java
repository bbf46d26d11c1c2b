package dev.netdb.examples;

import java.io.PrintStream;

/** Twin of {@code socket_gethostname.py}. */
public final class SocketGethostname {
  private SocketGethostname() {}

  /** Prints this host's name. */
  static void run(Example.Args args, PrintStream out) {
    out.println(args.netDb().gethostname());
  }

  /** Runs the example: {@code [--backend os|java]}. */
  public static void main(String[] argv) {
    Example.main(SocketGethostname::run, argv);
  }
}
