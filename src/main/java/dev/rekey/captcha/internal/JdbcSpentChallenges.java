package dev.rekey.captcha.internal;

import dev.rekey.common.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Spent challenges in the {@code captcha_spent} table, shared by every node of a cluster. */
@Component
class JdbcSpentChallenges implements SpentChallenges {

  /** Rows outlive their expiry a little, so a node whose clock lags cannot accept a replay. */
  private static final Duration PURGE_MARGIN = Duration.ofMinutes(5);

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  JdbcSpentChallenges(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Single use, so one solved puzzle buys exactly one attempt (anti-automation, ASVS 5.0 §2.4.1):
   * the primary key decides atomically, on every database and node. The insert commits in its own
   * transaction, so the solution stays spent even if the caller's transaction rolls back, and a
   * duplicate key never aborts the caller's PostgreSQL transaction.
   */
  @Override
  public boolean spend(String challenge, Instant expiresAt) {
    Boolean inserted =
        ownTransaction.execute(
            status -> {
              try {
                return jdbc.sql(
                            "INSERT INTO captcha_spent (challenge, expires_at) SELECT ?, ?"
                                + " WHERE NOT EXISTS"
                                + " (SELECT 1 FROM captcha_spent WHERE challenge = ?)")
                        .params(challenge, SqlTime.of(expiresAt), challenge)
                        .update()
                    == 1;
              } catch (DuplicateKeyException raced) {
                status.setRollbackOnly();
                return false;
              }
            });
    return Boolean.TRUE.equals(inserted);
  }

  /** Forgets challenges that can no longer be redeemed anyway, so the table stays small. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT4M")
  int purgeExpired() {
    return jdbc.sql("DELETE FROM captcha_spent WHERE expires_at < ?")
        .param(SqlTime.of(clock.instant().minus(PURGE_MARGIN)))
        .update();
  }
}
