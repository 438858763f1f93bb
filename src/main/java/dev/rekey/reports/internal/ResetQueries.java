package dev.rekey.reports.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditProperties;
import dev.rekey.audit.AuditResult;
import dev.rekey.common.SqlTime;
import dev.rekey.methods.MethodType;
import dev.rekey.reports.ReportPeriod;
import dev.rekey.reports.ResetReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reset activity from the audit trail, as the reset portal records it ({@code ResetAudit}): a flow
 * start is a progress event with step {@code started}; success is "Reset password (self-service)"
 * or "Unlock user account (self-service)" Succeeded with the verified method types in {@code
 * method}; refusals at the start are "Reset password (self-service)" Failed or Blocked with a
 * reason; failures in a flow are progress events Failed; abandonment is a progress event Abandoned
 * with the step reached. "Blocked from self-service password reset" follows a failed step and is
 * not counted again.
 *
 * <p>Every query is an aggregate over the {@code (tenant_id, activity, occurred_at)} index; the
 * buckets are a derived table joined by time range, so nothing is read row by row.
 */
@Component
class ResetQueries {

  private static final Pattern STEP = Pattern.compile("\"step\"\\s*:\\s*\"([^\"]*)\"");

  /** The details a flow start carries, as {@code AuditDetails} writes them. */
  private static final String STARTED = "%\"step\":\"started\"%";

  private static final String STARTED_CASE =
      "CASE WHEN activity = :progress AND result = :succeeded AND details LIKE :started"
          + " THEN 1 ELSE 0 END";
  private static final String SUCCEEDED_CASE =
      "CASE WHEN activity IN (:reset, :unlock) AND result = :succeeded THEN 1 ELSE 0 END";
  private static final String FAILED_CASE =
      "CASE WHEN (activity = :reset AND result IN (:failed, :blocked))"
          + " OR (activity = :progress AND result = :failed) THEN 1 ELSE 0 END";
  private static final String IN_PERIOD =
      " FROM audit_event WHERE tenant_id = :tenant AND activity IN (:activities)"
          + " AND occurred_at >= :from AND occurred_at < :to";

  private final JdbcClient jdbc;
  private final AuditProperties audit;
  private final Clock clock;

  ResetQueries(JdbcClient jdbc, AuditProperties audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  ResetReport report(UUID tenantId, ReportPeriod period) {
    List<ReportPeriod.Bucket> buckets = period.buckets(clock.instant(), audit.timeZone());
    ReportPeriod.Bucket first = buckets.get(0);
    ReportPeriod.Bucket last = buckets.get(buckets.size() - 1);
    Scope scope = new Scope(tenantId, first, last);

    long[] totals = new long[4];
    scope
        .query(
            "SELECT COALESCE(SUM("
                + STARTED_CASE
                + "), 0) AS started, COALESCE(SUM("
                + SUCCEEDED_CASE
                + "), 0) AS succeeded, COALESCE(SUM(CASE WHEN activity = :unlock AND result ="
                + " :succeeded THEN 1 ELSE 0 END), 0) AS unlocked, COALESCE(SUM("
                + FAILED_CASE
                + "), 0) AS failed"
                + IN_PERIOD)
        .query(
            (RowCallbackHandler)
                rs -> {
                  totals[0] = rs.getLong("started");
                  totals[1] = rs.getLong("succeeded");
                  totals[2] = rs.getLong("unlocked");
                  totals[3] = rs.getLong("failed");
                });

    Map<String, Long> failedByReason = new LinkedHashMap<>();
    scope
        .query(
            "SELECT COALESCE(reason, 'unknown') AS reason, COUNT(*) AS n"
                + IN_PERIOD
                + " AND ("
                + FAILED_CASE
                + ") = 1 GROUP BY COALESCE(reason, 'unknown') ORDER BY n DESC, reason")
        .query(
            (RowCallbackHandler)
                rs -> failedByReason.merge(rs.getString("reason"), rs.getLong("n"), Long::sum));

    Map<String, Long> byMethod = new LinkedHashMap<>();
    for (MethodType type : MethodType.values()) {
      byMethod.put(type.code(), 0L);
    }
    scope
        .query(
            "SELECT method, COUNT(*) AS n"
                + IN_PERIOD
                + " AND ("
                + SUCCEEDED_CASE
                + ") = 1 AND method IS NOT NULL GROUP BY method")
        .query(
            (RowCallbackHandler)
                rs -> {
                  long n = rs.getLong("n");
                  // A flow verified with two methods names both: "softwareOath,email".
                  for (String type : rs.getString("method").split(",")) {
                    if (!type.isBlank()) {
                      byMethod.merge(type.strip(), n, Long::sum);
                    }
                  }
                });

    Map<String, Long> abandonedByStep = new LinkedHashMap<>();
    scope
        .query(
            "SELECT CAST(details AS VARCHAR(1000)) AS step_details, COUNT(*) AS n"
                + IN_PERIOD
                + " AND activity = :progress AND result = :abandoned"
                + " GROUP BY CAST(details AS VARCHAR(1000))")
        .query(
            (RowCallbackHandler)
                rs -> {
                  abandonedByStep.merge(
                      step(rs.getString("step_details")), rs.getLong("n"), Long::sum);
                });

    return new ResetReport(
        period.code(),
        totals[0],
        totals[1],
        totals[2],
        totals[3],
        failedByReason,
        byMethod,
        abandonedByStep,
        overTime(scope, buckets));
  }

  /** Per bucket: the events are joined to a derived table of time ranges and counted per range. */
  private List<ResetReport.Bucket> overTime(Scope scope, List<ReportPeriod.Bucket> buckets) {
    StringBuilder ranges = new StringBuilder();
    for (int i = 0; i < buckets.size(); i++) {
      if (i > 0) {
        ranges.append(" UNION ALL ");
      }
      ranges
          .append("SELECT ")
          .append(i)
          .append(" AS idx, CAST(:s")
          .append(i)
          .append(" AS TIMESTAMP WITH TIME ZONE) AS starts, CAST(:e")
          .append(i)
          .append(" AS TIMESTAMP WITH TIME ZONE) AS ends");
    }
    long[][] counts = new long[buckets.size()][3];
    var spec =
        scope.query(
            "SELECT b.idx, COALESCE(SUM("
                + STARTED_CASE
                + "), 0) AS started, COALESCE(SUM("
                + SUCCEEDED_CASE
                + "), 0) AS succeeded, COALESCE(SUM("
                + FAILED_CASE
                + "), 0) AS failed FROM audit_event JOIN ("
                + ranges
                + ") b ON occurred_at >= b.starts AND occurred_at < b.ends"
                + " WHERE tenant_id = :tenant AND activity IN (:activities)"
                + " AND occurred_at >= :from AND occurred_at < :to GROUP BY b.idx");
    for (int i = 0; i < buckets.size(); i++) {
      spec =
          spec.param("s" + i, SqlTime.of(buckets.get(i).start()))
              .param("e" + i, SqlTime.of(buckets.get(i).end()));
    }
    spec.query(
        (RowCallbackHandler)
            rs -> {
              int idx = rs.getInt("idx");
              counts[idx][0] = rs.getLong("started");
              counts[idx][1] = rs.getLong("succeeded");
              counts[idx][2] = rs.getLong("failed");
            });
    List<ResetReport.Bucket> result = new ArrayList<>(buckets.size());
    for (int i = 0; i < buckets.size(); i++) {
      result.add(
          new ResetReport.Bucket(buckets.get(i).label(), counts[i][0], counts[i][1], counts[i][2]));
    }
    return result;
  }

  static String step(String details) {
    if (details == null) {
      return "unknown";
    }
    Matcher matcher = STEP.matcher(details);
    return matcher.find() ? matcher.group(1) : "unknown";
  }

  /** The tenant, the period and the activity and result names every query binds. */
  private final class Scope {
    private final UUID tenantId;
    private final ReportPeriod.Bucket first;
    private final ReportPeriod.Bucket last;

    Scope(UUID tenantId, ReportPeriod.Bucket first, ReportPeriod.Bucket last) {
      this.tenantId = tenantId;
      this.first = first;
      this.last = last;
    }

    JdbcClient.StatementSpec query(String sql) {
      return jdbc.sql(sql)
          .param("tenant", tenantId)
          .param("from", SqlTime.of(first.start()))
          .param("to", SqlTime.of(last.end()))
          .param(
              "activities",
              List.of(
                  AuditActivity.SSPR_FLOW_PROGRESS.entraName(),
                  AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName(),
                  AuditActivity.UNLOCK_SELF_SERVICE.entraName()))
          .param("progress", AuditActivity.SSPR_FLOW_PROGRESS.entraName())
          .param("reset", AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName())
          .param("unlock", AuditActivity.UNLOCK_SELF_SERVICE.entraName())
          .param("succeeded", AuditResult.SUCCEEDED.label())
          .param("failed", AuditResult.FAILED.label())
          .param("blocked", AuditResult.BLOCKED.label())
          .param("abandoned", AuditResult.ABANDONED.label())
          .param("started", STARTED);
    }
  }
}
