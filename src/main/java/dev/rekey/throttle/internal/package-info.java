/** Counters and blocks in the database, or counters in Redis when one is configured. */
@org.jspecify.annotations.NullMarked
package dev.rekey.throttle.internal;
