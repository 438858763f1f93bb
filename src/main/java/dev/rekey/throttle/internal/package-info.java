/** JDBC-backed counters. */
@org.jspecify.annotations.NullMarked
package dev.rekey.throttle.internal;
