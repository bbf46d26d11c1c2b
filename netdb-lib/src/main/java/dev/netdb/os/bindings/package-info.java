/**
 * Raw glibc bindings for the OS back end, hand-written in jextract's shape: struct layouts with
 * field offsets ({@link dev.netdb.os.bindings.NetdbLayouts}) and downcall handles with typed
 * invokers ({@link dev.netdb.os.bindings.Libc}). No policy lives here.
 */
package dev.netdb.os.bindings;
