package dev.rekey.methods.internal;

import dev.rekey.common.SqlTime;
import dev.rekey.methods.MethodType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code auth_method} table. */
@Repository
class JdbcMethods {

  private static final String COLUMNS =
      "id, tenant_id, account_id, method_type, phone_type, display_name, hint, secret, data,"
          + " status, is_default, totp_last_step, created_at, last_used_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcMethods(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Adds a method that still has to be proven (pending). */
  void insertPending(
      UUID id,
      UUID tenantId,
      UUID accountId,
      MethodType type,
      @Nullable String phoneType,
      @Nullable String displayName,
      String hint,
      byte @Nullable [] secret,
      @Nullable String data) {
    jdbc.sql(
            "INSERT INTO auth_method (id, tenant_id, account_id, method_type, phone_type,"
                + " display_name, hint, secret, data, status, is_default, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', FALSE, ?)")
        .params(
            id,
            tenantId,
            accountId,
            type.code(),
            phoneType,
            displayName,
            hint,
            secret,
            data,
            SqlTime.of(clock.instant()))
        .update();
  }

  /** Makes a proven method active; the first active method becomes the default. */
  void activate(UUID id, UUID accountId) {
    boolean first = active(accountId).isEmpty();
    Instant now = clock.instant();
    jdbc.sql(
            "UPDATE auth_method SET status = 'active', verified_at = ?, created_at = ?,"
                + " is_default = ? WHERE id = ? AND account_id = ?")
        .params(SqlTime.of(now), SqlTime.of(now), first, id, accountId)
        .update();
  }

  Optional<StoredMethod> find(UUID id, UUID accountId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM auth_method WHERE id = ? AND account_id = ?")
        .params(id, accountId)
        .query(this::map)
        .optional();
  }

  /** Active methods, default first, then oldest first. */
  List<StoredMethod> active(UUID accountId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM auth_method WHERE account_id = ? AND status = 'active'"
                + " ORDER BY is_default DESC, created_at, id")
        .param(accountId)
        .query(this::map)
        .list();
  }

  /** Removes a method; when it was the default, the oldest remaining one takes over. */
  boolean delete(UUID id, UUID accountId) {
    boolean wasDefault = find(id, accountId).map(StoredMethod::isDefault).orElse(false);
    int deleted =
        jdbc.sql("DELETE FROM auth_method WHERE id = ? AND account_id = ?")
            .params(id, accountId)
            .update();
    if (deleted > 0 && wasDefault) {
      active(accountId).stream().findFirst().ifPresent(next -> makeDefault(next.id(), accountId));
    }
    return deleted > 0;
  }

  void makeDefault(UUID id, UUID accountId) {
    jdbc.sql("UPDATE auth_method SET is_default = (id = ?) WHERE account_id = ?")
        .params(id, accountId)
        .update();
  }

  /**
   * Records the TOTP time step just used, only if it is newer than the stored one: a concurrent
   * second use of the same code loses (RFC 6238 §5.2: a code is accepted once).
   */
  boolean advanceTotpStep(UUID id, long step) {
    return jdbc.sql(
                "UPDATE auth_method SET totp_last_step = ?, last_used_at = ? WHERE id = ?"
                    + " AND (totp_last_step IS NULL OR totp_last_step < ?)")
            .params(step, SqlTime.of(clock.instant()), id, step)
            .update()
        == 1;
  }

  /** Counts a wrong code for a pending registration and answers the new count. */
  int failedAttempt(UUID id) {
    jdbc.sql("UPDATE auth_method SET failed_attempts = failed_attempts + 1 WHERE id = ?")
        .param(id)
        .update();
    return jdbc.sql("SELECT failed_attempts FROM auth_method WHERE id = ?")
        .param(id)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  void touch(UUID id) {
    jdbc.sql("UPDATE auth_method SET last_used_at = ? WHERE id = ?")
        .params(SqlTime.of(clock.instant()), id)
        .update();
  }

  int countActive(UUID accountId, MethodType type) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM auth_method WHERE account_id = ? AND method_type = ?"
                + " AND status = 'active'")
        .params(accountId, type.code())
        .query(Integer.class)
        .single();
  }

  /** Forgets registrations that were started but never proven. */
  int purgePendingBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM auth_method WHERE status = 'pending' AND created_at < ?")
        .param(SqlTime.of(cutoff))
        .update();
  }

  Optional<Instant> reviewedAt(UUID accountId) {
    return jdbc.sql("SELECT reviewed_at FROM security_info_review WHERE account_id = ?")
        .param(accountId)
        .query((rs, n) -> SqlTime.require(rs, "reviewed_at"))
        .optional();
  }

  void reviewed(UUID accountId) {
    Instant now = clock.instant();
    int updated =
        jdbc.sql("UPDATE security_info_review SET reviewed_at = ? WHERE account_id = ?")
            .params(SqlTime.of(now), accountId)
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO security_info_review (account_id, reviewed_at) VALUES (?, ?)")
          .params(accountId, SqlTime.of(now))
          .update();
    }
  }

  /** Deletes every method of the account, pending ones too, and its last review. */
  int deleteAll(UUID accountId) {
    jdbc.sql("DELETE FROM security_info_review WHERE account_id = ?").param(accountId).update();
    return jdbc.sql("DELETE FROM auth_method WHERE account_id = ?").param(accountId).update();
  }

  private StoredMethod map(ResultSet rs, int row) throws SQLException {
    long step = rs.getLong("totp_last_step");
    Long lastStep = rs.wasNull() ? null : step;
    return new StoredMethod(
        rs.getObject("id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getObject("account_id", UUID.class),
        MethodType.fromCode(rs.getString("method_type")).orElseThrow(),
        rs.getString("phone_type"),
        rs.getString("display_name"),
        rs.getString("hint"),
        rs.getBytes("secret"),
        rs.getString("data"),
        "active".equals(rs.getString("status")),
        rs.getBoolean("is_default"),
        lastStep,
        SqlTime.require(rs, "created_at"),
        SqlTime.get(rs, "last_used_at"));
  }
}
