package dev.netdb.os;

import dev.netdb.os.bindings.Libc;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.util.Locale;
import java.util.Set;

/**
 * Decides, once per JVM, whether the OS back end can run: Linux on x86_64 or aarch64 (the ABIs
 * whose struct layouts {@link dev.netdb.os.bindings.NetdbLayouts} declares), glibc (the {@code
 * _r} functions and {@code getservent_r} are glibc's), native access enabled for the module that
 * holds netdb, and a first downcall that succeeds.
 *
 * <p>Native access that is merely permitted (the JDK's default "warn" mode) is not accepted: the
 * JDK would print a warning on the first call, so the back end asks for explicit permission
 * instead, and {@code system()} falls back to pure Java.
 *
 * <p>The check has two stages. {@link #platform()} needs no FFM at all: the operating system and
 * architecture, native access, and glibc's {@code libc.so.6} among the process's mappings ({@code
 * /proc/self/maps}). {@link #status()} adds what costs about 30 ms at start-up (the native
 * linker, the symbol lookup and a first downcall), so it runs only before the first native call.
 */
// Restricted FFM methods are used only after NativeSupport confirmed native access.
@SuppressWarnings("restricted")
final class NativeSupport {
  private NativeSupport() {}

  private static final Set<String> ARCHES = Set.of("amd64", "x86_64", "aarch64");

  /** The outcome of the check: null reason when the back end works. */
  record Status(String reason, Throwable cause, String libcVersion) {
    boolean available() {
      return reason == null;
    }
  }

  private static final class Holder {
    static final Status STATUS = check();
  }

  private static final class PlatformHolder {
    static final Status STATUS = checkPlatform();
  }

  /** Returns the cached outcome of the full check, checking on first use. */
  static Status status() {
    return Holder.STATUS;
  }

  /** Returns the cached outcome of the checks that need no FFM, checking on first use. */
  static Status platform() {
    return PlatformHolder.STATUS;
  }

  /** Throws {@link OsUnavailableException} unless {@link #platform()} accepts this JVM. */
  static void requirePlatform() {
    Status s = platform();
    if (!s.available()) {
      throw new OsUnavailableException(s.reason(), s.cause());
    }
  }

  /**
   * Throws {@link OsUnavailableException} (with the reason and its cause) unless the back end works
   * here; the API edge turns it into the public {@code OsBackendUnavailableException}.
   */
  static void require() {
    Status s = status();
    if (!s.available()) {
      throw new OsUnavailableException(s.reason(), s.cause());
    }
  }

  private static Status checkPlatform() {
    String os = System.getProperty("os.name", "");
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.equals("Linux") || !ARCHES.contains(arch)) {
      return fail(
          "the netdb OS back end supports only Linux on x86_64 or aarch64 with glibc, not "
              + os
              + " on "
              + arch
              + "; use the pure-Java back end (NetDb.java())",
          null);
    }
    Module module = NativeSupport.class.getModule();
    if (!module.isNativeAccessEnabled()) {
      String who = module.isNamed() ? module.getName() : "ALL-UNNAMED";
      return fail(
          "native access is not enabled for "
              + (module.isNamed() ? "module " + who : "the class path")
              + ", so the netdb OS back end cannot call glibc; start java with"
              + " --enable-native-access="
              + who
              + " (or, for java -jar, add the manifest attribute 'Enable-Native-Access: "
              + "ALL-UNNAMED'), or use the pure-Java back end",
          null);
    }
    if (!glibcMapped()) {
      return fail(
          "the C library is not glibc (no libc.so.6 in /proc/self/maps); the netdb OS back end"
              + " needs glibc's reentrant netdb functions; use the pure-Java back end",
          null);
    }
    return new Status(null, null, null);
  }

  /**
   * Reports whether glibc's {@code libc.so.6} is mapped into this process, or whether that cannot
   * be told (no {@code /proc}), in which case the full check decides.
   */
  private static boolean glibcMapped() {
    try {
      byte[] maps = dev.netdb.files.FileBytes.read(java.nio.file.Path.of("/proc/self/maps"));
      return containsFromEnd(maps, LIBC); // also "/libc.so.6 (deleted)" after an upgrade
    } catch (java.io.IOException | RuntimeException e) {
      return true;
    }
  }

  private static final byte[] LIBC = "/libc.so.6".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * Reports whether {@code text} contains {@code word}, searching from the end: the dynamic loader
   * maps libc before any other library, at the top of the mmap area, so its lines come last but
   * for the stack and the vDSO (the search runs interpreted at start-up, where a forward search
   * through the JVM's ~160 mappings cost about 0.3 ms).
   */
  static boolean containsFromEnd(byte[] text, byte[] word) {
    byte last = word[word.length - 1];
    for (int end = text.length - 1; end >= word.length - 1; end--) {
      if (text[end] == last && java.util.Arrays.equals(text, end - word.length + 1, end + 1, word, 0, word.length)) {
        return true;
      }
    }
    return false;
  }

  private static Status check() {
    Status platform = platform();
    if (!platform.available()) {
      return platform;
    }
    // LP64 check: the layouts assume 8-byte pointers and size_t, and a 4-byte int.
    var canonical = Linker.nativeLinker().canonicalLayouts();
    if (ValueLayout.ADDRESS.byteSize() != 8
        || canonical.get("size_t").byteSize() != 8
        || canonical.get("int").byteSize() != 4) {
      return fail("the netdb OS back end needs an LP64 ABI (8-byte pointers and size_t)", null);
    }
    if (Linker.nativeLinker().defaultLookup().find("gnu_get_libc_version").isEmpty()) {
      return fail(
          "the C library is not glibc (no gnu_get_libc_version); the netdb OS back end needs"
              + " glibc's reentrant netdb functions; use the pure-Java back end",
          null);
    }
    try {
      // Loads every binding (a missing symbol fails here) and makes one trivial downcall.
      String version = Libc.gnu_get_libc_version().reinterpret(64).getString(0);
      return new Status(null, null, version);
    } catch (IllegalCallerException e) {
      return fail(
          "native access was refused ("
              + e.getMessage()
              + "); start java with --enable-native-access=ALL-UNNAMED or the module's name",
          e);
    } catch (LinkageError | RuntimeException e) {
      return fail("the netdb OS back end could not bind to glibc: " + e, e);
    }
  }

  private static Status fail(String reason, Throwable cause) {
    return new Status(reason, cause, null);
  }
}
