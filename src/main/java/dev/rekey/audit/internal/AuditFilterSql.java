package dev.rekey.audit.internal;

import dev.rekey.audit.AuditQuery;
import dev.rekey.common.SqlTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The WHERE clause of a query, with positional parameters; values never enter the SQL text. */
record AuditFilterSql(String sql, List<Object> params) {

  AuditFilterSql {
    params = List.copyOf(params);
  }

  static AuditFilterSql of(AuditQuery query) {
    StringBuilder sql = new StringBuilder(" WHERE tenant_id = ?");
    List<Object> params = new ArrayList<>();
    params.add(query.tenantId());
    if (query.activity() != null) {
      sql.append(" AND activity = ?");
      params.add(query.activity().entraName());
    }
    if (query.result() != null) {
      sql.append(" AND result = ?");
      params.add(query.result().label());
    }
    if (query.userId() != null && !query.userId().isBlank()) {
      String userId = query.userId().strip().toLowerCase(Locale.ROOT);
      sql.append(" AND (LOWER(target_label) = ? OR LOWER(actor_label) = ?)");
      params.add(userId);
      params.add(userId);
    }
    if (query.method() != null && !query.method().isBlank()) {
      sql.append(" AND LOWER(method) = ?");
      params.add(query.method().strip().toLowerCase(Locale.ROOT));
    }
    if (query.from() != null) {
      sql.append(" AND occurred_at >= ?");
      params.add(SqlTime.of(query.from()));
    }
    if (query.to() != null) {
      sql.append(" AND occurred_at < ?");
      params.add(SqlTime.of(query.to()));
    }
    return new AuditFilterSql(sql.toString(), params);
  }
}
