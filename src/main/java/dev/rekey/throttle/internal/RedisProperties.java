package dev.rekey.throttle.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optional Redis for the throttle counters shared by every node ({@code rekey.redis.*}, environment
 * {@code REKEY_REDIS_URL}). Without a URL nothing connects to Redis and the database holds the
 * counters.
 *
 * @param url e.g. {@code redis://127.0.0.1:6379} or {@code rediss://:secret@redis.example:6380/2};
 *     empty: no Redis
 * @param keyPrefix put before every key, so several deployments can share one Redis
 * @param timeout for connecting and for each command; past it the throttle fails closed
 */
@ConfigurationProperties("rekey.redis")
record RedisProperties(
    @DefaultValue("") String url,
    @DefaultValue("rekey:") String keyPrefix,
    @DefaultValue("2s") Duration timeout) {

  RedisProperties {
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "rekey.redis.timeout must be more than 0 and at most 1m, was " + timeout);
    }
  }

  boolean configured() {
    return !url.isBlank();
  }
}
