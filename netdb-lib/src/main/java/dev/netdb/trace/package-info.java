/**
 * What one lookup did, step by step: the configuration in force, the hosts-file lines, the cache,
 * each DNS query, the CNAME chain, the RFC 3484 ordering decisions and the result. A {@link
 * dev.netdb.trace.Trace} is obtained from {@link dev.netdb.NetDb#getaddrinfoTraced} or {@link
 * dev.netdb.NetDb#lookupTraced}; lookups made without asking for one record nothing.
 */
package dev.netdb.trace;
