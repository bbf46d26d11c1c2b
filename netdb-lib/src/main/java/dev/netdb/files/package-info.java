/**
 * The pure-Java back end's files: readers for {@code /etc/services} and {@code /etc/protocols}
 * that parse and look up exactly as glibc 2.36's {@code nss_files} does, embedded copies of
 * Debian netbase's IANA-derived tables for machines without those files. (The {@code getent}
 * formatter is the CLI's, in netdb-cli.)
 *
 * <p>Readers never throw on file content: bad lines are skipped, as glibc skips them, and reported
 * as {@link dev.netdb.files.Diagnostic}s and through {@link System.Logger}. No file is read during
 * class initialisation.
 */
package dev.netdb.files;
