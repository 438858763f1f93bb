package dev.rekey.audit.internal;

import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditPage;
import dev.rekey.audit.AuditQuery;
import dev.rekey.audit.NewAuditEvent;
import dev.rekey.common.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail in the {@code audit_event} table. Only INSERT and SELECT: see {@link AuditLog}
 * for why nothing here updates or deletes.
 */
@Repository
class JdbcAuditLog implements AuditLog {

  private static final String COLUMNS =
      "id, occurred_at, tenant_id, actor_id, actor_label, target_account_id, target_label,"
          + " activity, result, method, reason, client_ip, user_agent, flow_id, details";
  private static final String NEWEST_FIRST = " ORDER BY occurred_at DESC, seq DESC";

  private final JdbcClient jdbc;
  private final JdbcTemplate streaming;
  private final AuditDetails details;
  private final Clock clock;

  JdbcAuditLog(JdbcClient jdbc, DataSource dataSource, AuditDetails details, Clock clock) {
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(dataSource);
    // With a fetch size inside a transaction PostgreSQL reads through a cursor, not all at once.
    this.streaming.setFetchSize(500);
    this.details = details;
    this.clock = clock;
  }

  @Override
  public AuditEvent record(NewAuditEvent event) {
    // Microseconds: what both databases keep, so the returned event equals the stored one.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditEvent stored =
        new AuditEvent(
            UUID.randomUUID(),
            now,
            event.tenantId(),
            event.actorId(),
            cut(event.actorLabel(), 320),
            event.targetAccountId(),
            cutOrNull(event.targetLabel(), 320),
            event.activity().entraName(),
            event.result().label(),
            cutOrNull(event.method(), 64),
            cutOrNull(event.reason(), 100),
            cut(event.origin().clientIp(), 64),
            cut(event.origin().userAgent(), 512),
            cutOrNull(event.flowId(), 64),
            event.details());
    jdbc.sql(
            "INSERT INTO audit_event (seq, "
                + COLUMNS
                + ") VALUES (nextval('audit_event_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)")
        .params(
            stored.id(),
            SqlTime.of(stored.occurredAt()),
            stored.tenantId(),
            stored.actorId(),
            stored.actorLabel(),
            stored.targetAccountId(),
            stored.targetLabel(),
            stored.activity(),
            stored.result(),
            stored.method(),
            stored.reason(),
            stored.clientIp(),
            stored.userAgent(),
            stored.flowId(),
            details.write(stored.details()))
        .update();
    return stored;
  }

  @Override
  @Transactional(readOnly = true)
  public AuditPage find(AuditQuery query) {
    AuditFilterSql where = AuditFilterSql.of(query);
    long total =
        jdbc.sql("SELECT COUNT(*) FROM audit_event" + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    List<Object> params = new ArrayList<>(where.params());
    params.add(query.size());
    params.add((long) query.page() * query.size());
    List<AuditEvent> items =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM audit_event"
                    + where.sql()
                    + NEWEST_FIRST
                    + " LIMIT ? OFFSET ?")
            .params(params)
            .query(this::map)
            .list();
    return new AuditPage(items, query.page(), query.size(), total);
  }

  @Override
  @Transactional(readOnly = true)
  public int forEach(AuditQuery query, int limit, Consumer<AuditEvent> consumer) {
    AuditFilterSql where = AuditFilterSql.of(query);
    List<Object> params = new ArrayList<>(where.params());
    params.add(limit);
    int[] count = {0};
    streaming.query(
        "SELECT " + COLUMNS + " FROM audit_event" + where.sql() + NEWEST_FIRST + " LIMIT ?",
        rs -> {
          consumer.accept(map(rs, count[0]));
          count[0]++;
        },
        params.toArray());
    return count[0];
  }

  private AuditEvent map(ResultSet rs, int row) throws SQLException {
    return new AuditEvent(
        rs.getObject("id", UUID.class),
        SqlTime.require(rs, "occurred_at"),
        rs.getObject("tenant_id", UUID.class),
        rs.getObject("actor_id", UUID.class),
        rs.getString("actor_label"),
        rs.getObject("target_account_id", UUID.class),
        rs.getString("target_label"),
        rs.getString("activity"),
        rs.getString("result"),
        rs.getString("method"),
        rs.getString("reason"),
        rs.getString("client_ip"),
        rs.getString("user_agent"),
        rs.getString("flow_id"),
        details.read(rs.getString("details")));
  }

  private static String cut(String value, int max) {
    return value.length() > max ? value.substring(0, max) : value;
  }

  private static @Nullable String cutOrNull(@Nullable String value, int max) {
    return value == null ? null : cut(value, max);
  }
}
