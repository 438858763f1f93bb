package dev.rekey.throttle.internal;

import dev.rekey.common.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters in the {@code throttle_counter} table, so all nodes share them; the default, used unless
 * {@code rekey.redis.url} is set (then {@link RedisCounters}).
 *
 * <p>An increment is an {@code UPDATE} and a read of the same row in one short transaction of its
 * own: the update's row lock holds concurrent increments (on any node, H2 or PostgreSQL) until
 * commit, so each one reads exactly the count it produced. The transaction is always a new one,
 * because a counted failure must survive the caller's rollback (otherwise throwing on a wrong code
 * would erase the attempt), and because a duplicate-key insert aborts a PostgreSQL transaction.
 */
class JdbcCounters implements Counters {

  private static final String SELECT =
      "SELECT hits, window_start, last_hit FROM throttle_counter WHERE throttle_key = ?";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  JdbcCounters(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public Optional<Counter> read(String key, Duration window) {
    Instant now = clock.instant();
    return select(key).filter(c -> c.windowEnd(window).isAfter(now));
  }

  @Override
  public Counter increment(String key, Duration window) {
    Instant now = clock.instant();
    Instant windowOpen = now.minus(window);
    while (true) {
      Optional<Counter> counted =
          ownTransaction.execute(
              status -> {
                // Restart the window when it has passed; otherwise count up.
                int updated =
                    jdbc.sql(
                            "UPDATE throttle_counter SET"
                                + " hits = CASE WHEN window_start > ? THEN hits + 1 ELSE 1 END,"
                                + " window_start = CASE WHEN window_start > ? THEN window_start"
                                + " ELSE ? END,"
                                + " last_hit = ? WHERE throttle_key = ?")
                        .params(
                            SqlTime.of(windowOpen),
                            SqlTime.of(windowOpen),
                            SqlTime.of(now),
                            SqlTime.of(now),
                            key)
                        .update();
                return updated == 0 ? Optional.<Counter>empty() : select(key);
              });
      if (counted != null && counted.isPresent()) {
        return counted.get();
      }
      try {
        ownTransaction.executeWithoutResult(
            status ->
                jdbc.sql(
                        "INSERT INTO throttle_counter (throttle_key, hits, window_start, last_hit)"
                            + " VALUES (?, 1, ?, ?)")
                    .params(key, SqlTime.of(now), SqlTime.of(now))
                    .update());
        return new Counter(1, now, now);
      } catch (DuplicateKeyException raced) {
        // Another thread or node created the row first: count on it.
      }
    }
  }

  @Override
  public void clear(String key) {
    jdbc.sql("DELETE FROM throttle_counter WHERE throttle_key = ?").param(key).update();
  }

  @Override
  public int purgeOlderThan(Instant cutoff) {
    return jdbc.sql("DELETE FROM throttle_counter WHERE last_hit < ?")
        .param(SqlTime.of(cutoff))
        .update();
  }

  private Optional<Counter> select(String key) {
    return jdbc.sql(SELECT)
        .param(key)
        .query(
            (rs, n) ->
                new Counter(
                    rs.getInt(1),
                    SqlTime.require(rs, "window_start"),
                    SqlTime.require(rs, "last_hit")))
        .optional();
  }
}
