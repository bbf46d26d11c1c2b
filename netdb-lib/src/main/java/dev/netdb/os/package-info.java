/**
 * The OS back end: {@link dev.netdb.os.OsBackend} implements {@link dev.netdb.backend.Backend} by
 * calling glibc's reentrant netdb functions through FFM, so that answers are the machine's own.
 *
 * <p>The raw layouts and downcall handles live in {@code dev.netdb.os.bindings}; this package
 * wraps them: one confined arena per call, scratch buffers grown on {@code ERANGE}, {@code
 * errno} and {@code h_errno} turned into {@link dev.netdb.dns.LookupFailure}s, which the API edge
 * raises as CPython's exceptions. The back end runs only on Linux
 * x86_64/aarch64 with glibc and native access enabled; {@link dev.netdb.os.OsBackend#isAvailable()}
 * says whether it does, and {@link dev.netdb.os.OsBackend#create()} explains why not.
 */
package dev.netdb.os;
