/** Rate limits and blocks, counted in shared storage so every node of a cluster agrees. */
@org.jspecify.annotations.NullMarked
package dev.rekey.throttle;
