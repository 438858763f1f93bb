package dev.rekey.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.support.RequiredServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes with Redis for the throttle counters (sessions, flows, blocks and audit stay in the
 * database). Every run has its own key prefix and removes its keys afterwards.
 */
@ExtendWith({RequiredServices.Cluster.class, RequiredServices.Redis.class})
class RedisClusterTest extends ClusterScenarios {

  private final String prefix = "rekey-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";

  @Override
  Map<String, String> storage() {
    return Map.of("rekey.redis.url", RequiredServices.REDIS_URL, "rekey.redis.key-prefix", prefix);
  }

  @Override
  void assertCountersShared(JdbcClient jdbc) {
    assertThat(jdbc.sql("SELECT COUNT(*) FROM throttle_counter").query(Integer.class).single())
        .as("no counter in the database")
        .isZero();
    assertThat(keys()).anyMatch(k -> k.startsWith(prefix + "rx:"));
  }

  @AfterAll
  void removeTheKeys() {
    RedisClient redis = RedisClient.create(RequiredServices.REDIS_URL);
    try (StatefulRedisConnection<String, String> c = redis.connect()) {
      List<String> keys = keys(c);
      if (!keys.isEmpty()) {
        c.sync().del(keys.toArray(String[]::new));
      }
      assertThat(keys(c)).isEmpty();
    } finally {
      redis.shutdown();
    }
  }

  private List<String> keys() {
    RedisClient redis = RedisClient.create(RequiredServices.REDIS_URL);
    try (StatefulRedisConnection<String, String> c = redis.connect()) {
      return keys(c);
    } finally {
      redis.shutdown();
    }
  }

  private List<String> keys(StatefulRedisConnection<String, String> c) {
    List<String> keys = new ArrayList<>();
    ScanIterator.scan(c.sync(), ScanArgs.Builder.matches(prefix + "*").limit(500))
        .forEachRemaining(keys::add);
    return keys;
  }
}
