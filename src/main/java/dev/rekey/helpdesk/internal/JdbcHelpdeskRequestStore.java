package dev.rekey.helpdesk.internal;

import dev.rekey.common.SqlTime;
import dev.rekey.helpdesk.ContactAdmin;
import dev.rekey.helpdesk.HelpdeskRequest;
import dev.rekey.helpdesk.HelpdeskRequests.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code helpdesk_request} table. */
@Component
class JdbcHelpdeskRequestStore {

  private static final String COLUMNS =
      "id, tenant_id, account_id, flow_id, reason, client_ip, user_agent, status, created_at,"
          + " handled_by, handled_at";

  private final JdbcClient jdbc;

  JdbcHelpdeskRequestStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  HelpdeskRequest insert(ContactAdmin request, Instant time) {
    // As stored: the databases keep microseconds, so the answer equals what a read returns.
    Instant now = time.truncatedTo(ChronoUnit.MICROS);
    String clientIp = cut(request.origin().clientIp(), 64);
    String userAgent = cut(request.origin().userAgent(), 512);
    HelpdeskRequest created =
        new HelpdeskRequest(
            UUID.randomUUID(),
            request.tenantId(),
            request.accountId(),
            request.flowId(),
            request.reason(),
            clientIp,
            userAgent,
            Status.OPEN,
            now,
            null,
            null);
    jdbc.sql(
            "INSERT INTO helpdesk_request ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)")
        .params(
            created.id(),
            created.tenantId(),
            created.accountId(),
            created.flowId(),
            created.reason(),
            clientIp,
            userAgent,
            Status.OPEN.code(),
            SqlTime.of(now))
        .update();
    return created;
  }

  /** The account's newest open request created after the given time. */
  Optional<HelpdeskRequest> openSince(UUID tenantId, UUID accountId, Instant since) {
    return jdbc
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM helpdesk_request WHERE tenant_id = ? AND account_id = ? AND status = ?"
                + " AND created_at > ? ORDER BY created_at DESC")
        .params(tenantId, accountId, Status.OPEN.code(), SqlTime.of(since))
        .query(this::map)
        .list()
        .stream()
        .findFirst();
  }

  List<HelpdeskRequest> page(UUID tenantId, @Nullable Status status, int page, int size) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM helpdesk_request WHERE tenant_id = ?"
                + (status == null ? "" : " AND status = ?")
                + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
        .params(params(tenantId, status, size, (long) page * size))
        .query(this::map)
        .list();
  }

  long count(UUID tenantId, @Nullable Status status) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM helpdesk_request WHERE tenant_id = ?"
                + (status == null ? "" : " AND status = ?"))
        .params(params(tenantId, status))
        .query(Long.class)
        .single();
  }

  /** The tenant, the status when filtering by one, then the rest. */
  private static List<Object> params(UUID tenantId, @Nullable Status status, Object... rest) {
    List<Object> params = new java.util.ArrayList<>();
    params.add(tenantId);
    if (status != null) {
      params.add(status.code());
    }
    params.addAll(List.of(rest));
    return params;
  }

  /** Whether this call changed the request from open to handled. */
  boolean markHandled(UUID tenantId, UUID requestId, UUID handledBy, Instant now) {
    return jdbc.sql(
                "UPDATE helpdesk_request SET status = ?, handled_by = ?, handled_at = ?"
                    + " WHERE id = ? AND tenant_id = ? AND status = ?")
            .params(
                Status.HANDLED.code(),
                handledBy,
                SqlTime.of(now),
                requestId,
                tenantId,
                Status.OPEN.code())
            .update()
        == 1;
  }

  Optional<HelpdeskRequest> find(UUID tenantId, UUID requestId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM helpdesk_request WHERE id = ? AND tenant_id = ?")
        .params(requestId, tenantId)
        .query(this::map)
        .optional();
  }

  private HelpdeskRequest map(ResultSet rs, int row) throws SQLException {
    return new HelpdeskRequest(
        rs.getObject("id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getObject("flow_id", UUID.class),
        rs.getString("reason"),
        rs.getString("client_ip"),
        rs.getString("user_agent"),
        Status.fromCode(rs.getString("status")).orElseThrow(),
        SqlTime.require(rs, "created_at"),
        rs.getObject("handled_by", UUID.class),
        SqlTime.get(rs, "handled_at"));
  }

  private static String cut(String value, int max) {
    return value.length() > max ? value.substring(0, max) : value;
  }
}
