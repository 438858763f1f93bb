package dev.rekey.throttle.internal;

import dev.rekey.common.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Blocks in the {@code sspr_block} table (one row per account). Creating one is atomic across
 * nodes: an ended block is taken over with a conditional {@code UPDATE}, a new one is an {@code
 * INSERT} that loses cleanly to a concurrent one on the primary key, so exactly one caller learns
 * it created the block.
 */
@Component
class JdbcBlocks implements Blocks {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  JdbcBlocks(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    // Like the counters: a block survives the caller's rollback, and a duplicate-key insert must
    // not abort the caller's PostgreSQL transaction.
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public Optional<Instant> blockedUntil(UUID accountId) {
    Instant now = clock.instant();
    return jdbc.sql("SELECT blocked_until FROM sspr_block WHERE account_id = ?")
        .param(accountId)
        .query((rs, n) -> SqlTime.require(rs, "blocked_until"))
        .optional()
        .filter(until -> until.isAfter(now));
  }

  @Override
  public boolean block(UUID accountId, Instant until, String reason) {
    Instant now = clock.instant();
    Boolean tookOver =
        ownTransaction.execute(
            status ->
                jdbc.sql(
                            "UPDATE sspr_block SET blocked_until = ?, reason = ?, created_at = ?"
                                + " WHERE account_id = ? AND blocked_until <= ?")
                        .params(
                            SqlTime.of(until), reason, SqlTime.of(now), accountId, SqlTime.of(now))
                        .update()
                    == 1);
    if (Boolean.TRUE.equals(tookOver)) {
      return true;
    }
    try {
      ownTransaction.executeWithoutResult(
          status ->
              jdbc.sql(
                      "INSERT INTO sspr_block (account_id, blocked_until, reason, created_at)"
                          + " VALUES (?, ?, ?, ?)")
                  .params(accountId, SqlTime.of(until), reason, SqlTime.of(now))
                  .update());
      return true;
    } catch (DuplicateKeyException inForce) {
      return false;
    }
  }

  @Override
  public void lift(UUID accountId) {
    jdbc.sql("DELETE FROM sspr_block WHERE account_id = ?").param(accountId).update();
  }

  @Override
  public int purgeEndedBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM sspr_block WHERE blocked_until < ?")
        .param(SqlTime.of(cutoff))
        .update();
  }
}
