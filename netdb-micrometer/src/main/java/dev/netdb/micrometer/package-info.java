/**
 * Micrometer meters for netdb: {@link dev.netdb.micrometer.NetDbMetrics}, a {@code MeterBinder}
 * over {@link dev.netdb.NetDb#stats()}. Micrometer is a provided dependency: the application
 * brings it.
 */
package dev.netdb.micrometer;
