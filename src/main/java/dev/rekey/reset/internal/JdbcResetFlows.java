package dev.rekey.reset.internal;

import dev.rekey.common.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reset flows in the database. Every change is a compare-and-set on {@code version}, so two nodes
 * serving the same flow at once cannot both record a step (the loser sees a conflict).
 */
@Repository
class JdbcResetFlows {

  private static final String COLUMNS =
      "id, tenant_id, account_id, intent, required_methods, verified, challenge_method,"
          + " challenge_state, step, version, created_at, expires_at";

  private final JdbcClient jdbc;

  JdbcResetFlows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ResetFlow flow, String clientIp) {
    jdbc.sql(
            "INSERT INTO reset_flow (id, tenant_id, account_id, intent, required_methods,"
                + " verified, challenge_method, challenge_state, step, version, client_ip,"
                + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, 0, ?, ?, ?)")
        .params(
            flow.id(),
            flow.tenantId(),
            flow.accountId(),
            flow.intent() == null ? null : flow.intent().name(),
            flow.requiredMethods(),
            "",
            flow.step().name(),
            clientIp,
            SqlTime.of(flow.createdAt()),
            SqlTime.of(flow.expiresAt()))
        .update();
  }

  /** The flow if it exists, is unfinished and has not expired at {@code now}. */
  Optional<ResetFlow> findLive(String id, Instant now) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM reset_flow WHERE id = ? AND finished_at IS NULL")
        .param(id)
        .query(this::map)
        .optional()
        .filter(f -> f.expiresAt().isAfter(now));
  }

  /** Stores {@code next} if nobody changed the flow since {@code current} was read. */
  boolean update(ResetFlow current, ResetFlow next) {
    return jdbc.sql(
                "UPDATE reset_flow SET intent = ?, verified = ?, challenge_method = ?,"
                    + " challenge_state = ?, step = ?, version = version + 1"
                    + " WHERE id = ? AND version = ? AND finished_at IS NULL")
            .params(
                next.intent() == null ? null : next.intent().name(),
                String.join(",", next.verified().stream().map(UUID::toString).toList()),
                next.challengeMethod(),
                next.challengeState(),
                next.step().name(),
                current.id(),
                current.version())
            .update()
        == 1;
  }

  /** Ends a flow; true for the one caller that ended it. */
  boolean finish(ResetFlow flow, String outcome, Instant at) {
    return jdbc.sql(
                "UPDATE reset_flow SET finished_at = ?, outcome = ?, version = version + 1"
                    + " WHERE id = ? AND version = ? AND finished_at IS NULL")
            .params(SqlTime.of(at), outcome, flow.id(), flow.version())
            .update()
        == 1;
  }

  /**
   * Undoes {@link #finish} of {@code flow} (read before it was finished) when the directory refused
   * or did not answer, so the user can try again in the same flow; true if it was still as
   * finished.
   */
  boolean reopen(ResetFlow flow, String outcome) {
    return jdbc.sql(
                "UPDATE reset_flow SET finished_at = NULL, outcome = NULL, version = version + 1"
                    + " WHERE id = ? AND version = ? AND outcome = ?")
            .params(flow.id(), flow.version() + 1, outcome)
            .update()
        == 1;
  }

  /** Unfinished flows that expired before {@code now}, oldest first, for the abandonment audit. */
  List<ResetFlow> expiredUnfinished(Instant now, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM reset_flow WHERE finished_at IS NULL AND expires_at <= ?"
                + " ORDER BY expires_at LIMIT ?")
        .params(SqlTime.of(now), limit)
        .query(this::map)
        .list();
  }

  /** Marks an expired flow abandoned; true for the one node that did. */
  boolean abandon(ResetFlow flow, Instant at) {
    return jdbc.sql(
                "UPDATE reset_flow SET finished_at = ?, outcome = 'abandoned'"
                    + " WHERE id = ? AND finished_at IS NULL")
            .params(SqlTime.of(at), flow.id())
            .update()
        == 1;
  }

  int purgeFinishedBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM reset_flow WHERE finished_at IS NOT NULL AND finished_at < ?")
        .param(SqlTime.of(cutoff))
        .update();
  }

  private ResetFlow map(ResultSet rs, int row) throws SQLException {
    String intent = rs.getString("intent");
    return new ResetFlow(
        rs.getString("id"),
        rs.getObject("tenant_id", UUID.class),
        rs.getObject("account_id", UUID.class),
        intent == null ? null : ResetFlow.Intent.valueOf(intent),
        rs.getInt("required_methods"),
        ids(rs.getString("verified")),
        rs.getObject("challenge_method", UUID.class),
        rs.getString("challenge_state"),
        ResetFlow.Step.valueOf(rs.getString("step")),
        rs.getInt("version"),
        SqlTime.require(rs, "created_at"),
        SqlTime.require(rs, "expires_at"));
  }

  private static List<UUID> ids(@Nullable String text) {
    List<UUID> ids = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      Arrays.stream(text.split(",")).map(UUID::fromString).forEach(ids::add);
    }
    return ids;
  }
}
