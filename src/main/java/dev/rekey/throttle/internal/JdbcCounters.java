package dev.rekey.throttle.internal;

import dev.rekey.common.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Failure counters with a fixed window, in the database so all nodes share them. */
@Component
class JdbcCounters {

  record Counter(int failures, Instant windowStart, Instant lastFailure) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcCounters(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The counter if its window is still open. */
  Optional<Counter> read(String key, Duration window) {
    Instant now = clock.instant();
    return jdbc.sql(
            "SELECT failures, window_start, last_failure FROM signin_throttle WHERE throttle_key = ?")
        .param(key)
        .query(
            (rs, n) ->
                new Counter(
                    rs.getInt(1),
                    SqlTime.require(rs, "window_start"),
                    SqlTime.require(rs, "last_failure")))
        .optional()
        .filter(c -> c.windowStart().plus(window).isAfter(now));
  }

  void increment(String key, Duration window) {
    Instant now = clock.instant();
    Instant windowOpen = now.minus(window);
    // Restart the window when it has passed; otherwise count up. Atomic per row on both databases.
    int updated =
        jdbc.sql(
                "UPDATE signin_throttle SET"
                    + " failures = CASE WHEN window_start > ? THEN failures + 1 ELSE 1 END,"
                    + " window_start = CASE WHEN window_start > ? THEN window_start ELSE ? END,"
                    + " last_failure = ? WHERE throttle_key = ?")
            .params(
                SqlTime.of(windowOpen),
                SqlTime.of(windowOpen),
                SqlTime.of(now),
                SqlTime.of(now),
                key)
            .update();
    if (updated == 0) {
      try {
        jdbc.sql(
                "INSERT INTO signin_throttle (throttle_key, failures, window_start, last_failure)"
                    + " VALUES (?, 1, ?, ?)")
            .params(key, SqlTime.of(now), SqlTime.of(now))
            .update();
      } catch (DuplicateKeyException raced) {
        increment(key, window);
      }
    }
  }

  void clear(String key) {
    jdbc.sql("DELETE FROM signin_throttle WHERE throttle_key = ?").param(key).update();
  }

  /** Forgets windows that closed long ago, so the table stays small. */
  int purgeOlderThan(Instant cutoff) {
    return jdbc.sql("DELETE FROM signin_throttle WHERE last_failure < ?")
        .param(SqlTime.of(cutoff))
        .update();
  }
}
