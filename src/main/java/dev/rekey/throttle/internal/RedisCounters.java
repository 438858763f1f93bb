package dev.rekey.throttle.internal;

import dev.rekey.throttle.ThrottleUnavailable;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters in Redis, one hash per key ({@code hits}, {@code start}, {@code last}, in epoch
 * milliseconds of the application's clock), for deployments that set {@code rekey.redis.url}.
 *
 * <p>An increment is one Lua script, which Redis runs atomically: it restarts the window when it
 * has closed, counts the hit and answers the counter as this hit left it, so of N simultaneous hits
 * on any nodes each sees a different count (the promise of {@link Counters}). The key expires when
 * its window closes, so nothing needs purging. Like the database version it is outside any database
 * transaction: a rollback cannot undo a counted hit.
 *
 * <p>Failures: a counter that cannot be read or counted throws {@link ThrottleUnavailable} (fail
 * closed). Clearing is best effort: a counter left behind only lasts until its window closes.
 */
final class RedisCounters implements Counters {

  private static final Logger log = LoggerFactory.getLogger(RedisCounters.class);

  /** KEYS[1] the counter; ARGV[1] now (ms), ARGV[2] window (ms). Answers {hits, start, last}. */
  static final String INCREMENT =
      """
      local now = tonumber(ARGV[1])
      local window = tonumber(ARGV[2])
      local state = redis.call('HMGET', KEYS[1], 'hits', 'start')
      local hits = tonumber(state[1])
      local start = tonumber(state[2])
      if hits == nil or start == nil or start + window <= now then
        hits = 1
        start = now
      else
        hits = hits + 1
      end
      redis.call('HSET', KEYS[1], 'hits', hits, 'start', start, 'last', now)
      local ttl = start + window - now
      if ttl < 1 then ttl = 1 end
      redis.call('PEXPIRE', KEYS[1], ttl)
      return {hits, start, now}
      """;

  private final RedisConnection redis;
  private final Clock clock;

  RedisCounters(RedisConnection redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  @Override
  public Optional<Counter> read(String key, Duration window) {
    Instant now = clock.instant();
    List<String> values =
        redis.run(
            r ->
                r.hmget(redis.key(key), "hits", "start", "last").stream()
                    .map(v -> v.getValueOrElse(null))
                    .toList());
    if (values.size() < 3 || values.stream().anyMatch(v -> v == null)) {
      return Optional.empty();
    }
    Counter counter =
        new Counter(
            Integer.parseInt(values.get(0)),
            Instant.ofEpochMilli(Long.parseLong(values.get(1))),
            Instant.ofEpochMilli(Long.parseLong(values.get(2))));
    return Optional.of(counter).filter(c -> c.windowEnd(window).isAfter(now));
  }

  @Override
  public Counter increment(String key, Duration window) {
    long now = clock.millis();
    List<Object> answer =
        redis.eval(
            INCREMENT,
            ScriptOutputType.MULTI,
            new String[] {redis.key(key)},
            Long.toString(now),
            Long.toString(Math.max(1, window.toMillis())));
    return new Counter(
        Math.toIntExact((Long) answer.get(0)),
        Instant.ofEpochMilli((Long) answer.get(1)),
        Instant.ofEpochMilli((Long) answer.get(2)));
  }

  @Override
  public void clear(String key) {
    try {
      redis.run(r -> r.del(redis.key(key)));
    } catch (ThrottleUnavailable e) {
      log.warn("Could not clear throttle counter {}: {}", key, e.getMessage());
    }
  }

  /** Nothing to do: every key expires when its window closes. */
  @Override
  public int purgeOlderThan(Instant cutoff) {
    return 0;
  }
}
