/**
 * Linux's socket and epoll system calls for the DNS transport, through glibc's wrappers and the
 * FFM API: what {@code dev.netdb.dns} needs to send a query in about six system calls where NIO's
 * {@code DatagramChannel} needs sixteen or more. Nothing here knows DNS; {@code dev.netdb.dns}
 * uses it only where {@link dev.netdb.dns.linux.Syscalls#available()} says so.
 */
package dev.netdb.dns.linux;
