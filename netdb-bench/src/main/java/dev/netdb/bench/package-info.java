/** JMH benchmarks for netdb, compared side by side with their peers. */
package dev.netdb.bench;
