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

  /** Returns the cached outcome, checking on first use. */
  static Status status() {
    return Holder.STATUS;
  }

  /**
   * Throws {@link IllegalStateException} (with the reason and its cause) unless the back end works
   * here; {@code NetDb.os()} checks {@link #status()} first and throws the public
   * {@code OsBackendUnavailableException} instead.
   */
  static void require() {
    Status s = status();
    if (!s.available()) {
      throw new IllegalStateException(s.reason(), s.cause());
    }
  }

  private static Status check() {
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
    // LP64 check: the layouts assume 8-byte pointers and size_t, and a 4-byte int.
    var canonical = Linker.nativeLinker().canonicalLayouts();
    if (ValueLayout.ADDRESS.byteSize() != 8
        || canonical.get("size_t").byteSize() != 8
        || canonical.get("int").byteSize() != 4) {
      return fail("the netdb OS back end needs an LP64 ABI (8-byte pointers and size_t)", null);
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
