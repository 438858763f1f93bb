package dev.rekey.methods.internal;

import dev.rekey.common.SqlTime;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one update security keys need beyond {@link JdbcMethods}: the signature counter. */
@Repository
class SecurityKeyStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  SecurityKeyStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Replaces a key's data only if nobody changed it since it was read (compare-and-set): of two
   * assertions racing with the same counter, one wins and the other is refused (WebAuthn §6.1.1).
   */
  boolean replaceData(UUID methodId, String expected, String data) {
    return jdbc.sql(
                "UPDATE auth_method SET data = ?, last_used_at = ? WHERE id = ?"
                    + " AND CAST(data AS VARCHAR(8000)) = ?"
                    + " AND status = 'active'")
            .params(data, SqlTime.of(clock.instant()), methodId, expected)
            .update()
        == 1;
  }
}
