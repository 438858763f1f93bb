package dev.rekey.throttle.internal;

import java.time.Clock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Where the shared throttle counters live: in Redis when {@code rekey.redis.url} is set, otherwise
 * in the database. Blocks stay in the database in both modes (see {@link JdbcBlocks}): they are
 * rare, must outlast a Redis restart (Redis keeps nothing on disk here) and the admin's user search
 * joins them.
 */
@Configuration(proxyBeanMethods = false)
class ThrottleStorage {

  @Bean
  @Conditional(RedisConfigured.Not.class)
  Counters jdbcCounters(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    return new JdbcCounters(jdbc, clock, transactions);
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(RedisConfigured.class)
  static class Redis {

    @Bean
    RedisConnection redisConnection(RedisProperties properties) {
      return new RedisConnection(properties);
    }

    @Bean
    Counters redisCounters(RedisConnection redis, Clock clock) {
      return new RedisCounters(redis, clock);
    }

    /**
     * {@code redis} in {@code /actuator/health}: DOWN while Redis does not answer, which makes the
     * node's overall health DOWN (throttled requests get 503 then). Not in the liveness group: a
     * restart would not bring Redis back.
     */
    @Bean
    HealthIndicator redisHealthIndicator(RedisConnection redis) {
      return () -> {
        try {
          return Health.up().withDetail("ping", redis.ping()).build();
        } catch (RuntimeException e) {
          return Health.down().build();
        }
      };
    }
  }
}
