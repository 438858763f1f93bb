package dev.rekey.methods.internal;

import dev.rekey.common.SqlTime;
import dev.rekey.crypto.KeyedHash;
import dev.rekey.methods.OneTimeCodes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcOneTimeCodes implements OneTimeCodes {

  static final Duration LIFETIME = Duration.ofMinutes(5);
  static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

  private final JdbcClient jdbc;
  private final KeyedHash hash;
  private final SecureRandom random;
  private final Clock clock;

  JdbcOneTimeCodes(JdbcClient jdbc, KeyedHash hash, SecureRandom random, Clock clock) {
    this.jdbc = jdbc;
    this.hash = hash;
    this.random = random;
    this.clock = clock;
  }

  @Override
  @Transactional
  public String issue(String purpose, UUID subject) {
    // Uniform over 00000000-99999999 (SecureRandom.nextInt has no modulo bias).
    String code = String.format(java.util.Locale.ROOT, "%08d", random.nextInt(100_000_000));
    byte[] digest = hash.digest(label(purpose, subject), code);
    Instant now = clock.instant();
    int updated =
        jdbc.sql(
                "UPDATE one_time_code SET code_hash = ?, issued_at = ?, expires_at = ?, used = FALSE,"
                    + " failures = CASE WHEN failures_since > ? THEN failures ELSE 0 END,"
                    + " failures_since = CASE WHEN failures_since > ? THEN failures_since ELSE ? END"
                    + " WHERE purpose = ? AND subject_id = ?")
            .params(
                digest,
                SqlTime.of(now),
                SqlTime.of(now.plus(LIFETIME)),
                SqlTime.of(now.minus(FAILURE_WINDOW)),
                SqlTime.of(now.minus(FAILURE_WINDOW)),
                SqlTime.of(now),
                purpose,
                subject)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO one_time_code (purpose, subject_id, code_hash, issued_at, expires_at,"
                  + " used, failures, failures_since) VALUES (?, ?, ?, ?, ?, FALSE, 0, ?)")
          .params(
              purpose,
              subject,
              digest,
              SqlTime.of(now),
              SqlTime.of(now.plus(LIFETIME)),
              SqlTime.of(now))
          .update();
    }
    return code;
  }

  @Override
  @Transactional
  public Check verify(String purpose, UUID subject, String code) {
    record Row(byte[] hash, Instant expiresAt, boolean used, int failures, Instant since) {}
    Instant now = clock.instant();
    var row =
        jdbc.sql(
                "SELECT code_hash, expires_at, used, failures, failures_since FROM one_time_code"
                    + " WHERE purpose = ? AND subject_id = ? FOR UPDATE")
            .params(purpose, subject)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getBytes("code_hash"),
                        SqlTime.require(rs, "expires_at"),
                        rs.getBoolean("used"),
                        rs.getInt("failures"),
                        SqlTime.require(rs, "failures_since")))
            .optional();
    if (row.isEmpty()) {
      return Check.EXPIRED;
    }
    boolean windowOpen = row.get().since().plus(FAILURE_WINDOW).isAfter(now);
    if (windowOpen && row.get().failures() >= MAX_FAILURES) {
      return Check.TOO_MANY_FAILURES;
    }
    if (row.get().used() || !row.get().expiresAt().isAfter(now)) {
      return Check.EXPIRED;
    }
    String normalised = code.replaceAll("[\\s-]", "");
    if (normalised.length() != DIGITS
        || !normalised.chars().allMatch(c -> c >= '0' && c <= '9')
        || !hash.matches(label(purpose, subject), normalised, row.get().hash())) {
      jdbc.sql(
              "UPDATE one_time_code SET failures = ?, failures_since = ?"
                  + " WHERE purpose = ? AND subject_id = ?")
          .params(
              windowOpen ? row.get().failures() + 1 : 1,
              SqlTime.of(windowOpen ? row.get().since() : now),
              purpose,
              subject)
          .update();
      return Check.WRONG;
    }
    jdbc.sql(
            "UPDATE one_time_code SET used = TRUE, failures = 0 WHERE purpose = ? AND subject_id = ?")
        .params(purpose, subject)
        .update();
    return Check.ACCEPTED;
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
  void purge() {
    jdbc.sql("DELETE FROM one_time_code WHERE expires_at < ?")
        .param(SqlTime.of(clock.instant().minus(FAILURE_WINDOW)))
        .update();
  }

  private static String label(String purpose, UUID subject) {
    return "otc:" + purpose + ":" + subject;
  }
}
