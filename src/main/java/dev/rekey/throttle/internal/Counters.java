package dev.rekey.throttle.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Hit counters with a fixed window that opens at the first hit, shared by every node of a cluster.
 * The storage is behind this interface so a Redis implementation can stand beside {@link
 * JdbcCounters}.
 */
interface Counters {

  /**
   * A counter's state.
   *
   * @param hits hits counted in the window
   * @param windowStart when the window opened (the first hit of this window)
   * @param lastHit the latest hit
   */
  record Counter(int hits, Instant windowStart, Instant lastHit) {

    /** When this window closes. */
    Instant windowEnd(Duration window) {
      return windowStart.plus(window);
    }
  }

  /** The counter if its window is still open. */
  Optional<Counter> read(String key, Duration window);

  /**
   * Counts one hit, restarting the window when it has closed, and answers the counter as this hit
   * left it. Exact under concurrency: of N simultaneous hits on any nodes, each sees a different
   * count. Never part of the caller's transaction, so a rollback cannot undo a counted hit.
   */
  Counter increment(String key, Duration window);

  void clear(String key);

  /** Forgets counters last hit before the cutoff, so the storage stays small. */
  int purgeOlderThan(Instant cutoff);
}
