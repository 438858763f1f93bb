package dev.rekey.reset.internal;

import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Makes every refusal at the start of a flow take the same wall time (SPEC §6.4): the work done
 * differs (an unknown account costs one lookup, a registered one several), so the answer waits
 * until a fixed deadline after the request began. Measured with {@link System#nanoTime()}, not the
 * application clock, because it is about real elapsed time.
 */
@Component
class UniformTiming {

  private final long refusalNanos;

  UniformTiming(ResetProperties properties) {
    this.refusalNanos = properties.refusalTime().toNanos();
  }

  long begin() {
    return System.nanoTime();
  }

  /** Waits until {@code began + refusal time}; returns at once when that has passed. */
  void settle(long began) {
    long remaining = began + refusalNanos - System.nanoTime();
    if (remaining <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(remaining);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
