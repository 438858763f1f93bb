package dev.rekey.reset.internal;

import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;

/**
 * Makes every refusal at the start of a flow take the same wall time (SPEC §6.4): the work done
 * differs (an unknown account costs one lookup, a registered one several), so the answer waits
 * until a fixed deadline after the request began. Measured with {@link System#nanoTime()}, not the
 * application clock, because it is about real elapsed time.
 */
@Component
class UniformTiming {

  /** The last stretch before the deadline is spun rather than parked, for precision. */
  private static final long SPIN_NANOS = 200_000;

  private final long refusalNanos;

  UniformTiming(ResetProperties properties) {
    this.refusalNanos = properties.refusalTime().toNanos();
  }

  long begin() {
    return System.nanoTime();
  }

  /**
   * Waits until {@code began + refusal time}; returns at once when that has passed.
   *
   * <p>Not {@code Thread.sleep}: on Java 17 it rounds to whole milliseconds, so the end would move
   * by up to half a millisecond with how long the account's own lookups took — a difference a
   * statistical timing attack can see (UniformResponsesTest did). Parking has microsecond
   * resolution; the last stretch is spun so every refusal ends at the deadline itself.
   */
  void settle(long began) {
    long deadline = began + refusalNanos;
    while (true) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return;
      }
      if (remaining > SPIN_NANOS) {
        LockSupport.parkNanos(remaining - SPIN_NANOS);
      } else {
        Thread.onSpinWait();
      }
    }
  }
}
