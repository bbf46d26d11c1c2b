/**
 * The observation hooks of the pure-Java resolver: the per-lookup {@link
 * dev.netdb.observe.TraceRecorder}. Not exported; depends only on the exported trace model.
 */
package dev.netdb.observe;
