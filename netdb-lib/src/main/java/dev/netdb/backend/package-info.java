/**
 * The back-end contract: {@link dev.netdb.backend.Backend}, the libc-shaped calls both back ends
 * implement (the OS one in {@code dev.netdb.os}, the pure-Java one in {@code dev.netdb.resolve}),
 * and the C-shaped records they return. It sits below the API and the Python layer
 * ({@code dev.netdb}) and above the back ends; nothing here imports {@code dev.netdb}, so the
 * package graph stays acyclic. The wiring (which back end, built how) is the API's: {@code
 * NetDb.os()}, {@code NetDb.builder()}.
 */
package dev.netdb.backend;
