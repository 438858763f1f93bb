package dev.rekey.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SqlTimeTest {

  @Test
  void parameterIsUtcAndCutToMicrosecondsLikeBothDatabasesStoreIt() {
    Instant precise = Instant.parse("2026-01-02T03:04:05.123456789Z");
    assertThat(SqlTime.of(precise).toInstant()).isEqualTo("2026-01-02T03:04:05.123456Z");
    assertThat(SqlTime.of(precise).getOffset()).isEqualTo(ZoneOffset.UTC);
    assertThat(SqlTime.of(null)).isNull();
  }
}
