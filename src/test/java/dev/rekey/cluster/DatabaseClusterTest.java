package dev.rekey.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.support.RequiredServices;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two nodes without Redis: the database carries every piece of shared state. */
@ExtendWith(RequiredServices.Cluster.class)
class DatabaseClusterTest extends ClusterScenarios {

  @Override
  Map<String, String> storage() {
    return Map.of();
  }

  @Override
  void assertCountersShared(JdbcClient jdbc) {
    assertThat(jdbc.sql("SELECT COUNT(*) FROM throttle_counter").query(Integer.class).single())
        .isPositive();
  }
}
