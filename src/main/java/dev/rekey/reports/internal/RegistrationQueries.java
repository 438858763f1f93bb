package dev.rekey.reports.internal;

import dev.rekey.audit.AuditProperties;
import dev.rekey.common.SqlTime;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.RegistrationRule;
import dev.rekey.methods.SecurityInfoAdministration;
import dev.rekey.reports.RegistrationReport;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registration coverage computed in SQL, so a tenant with 100,000+ accounts needs a handful of
 * aggregate queries instead of one {@code SecurityInfo.requirements(account)} call per account.
 *
 * <p>The SQL applies exactly the rule of {@code SecurityInfo.requirements(account).isRegistered()}
 * (SPEC §3): count the <em>different kinds</em> of active methods the policy offers the account,
 * registered when that count reaches the methods a reset needs <em>and</em> one kind is strong
 * (app, phone, security key). Administrators (helpdesk or admin role) always get the fixed two-gate
 * policy: two kinds from app, phone, security key and email, never questions. So the query runs
 * once for administrators and once for everybody else, each with its own kinds and count. {@code
 * ReportsTest} checks the numbers against {@code SecurityInfo} account by account.
 *
 * <p>The day a user became registered is the earliest moment their current active methods met the
 * rule: with the first creation time of each kind, that is the earliest candidate time {@code
 * max(kind first created, strong kind first created)} by which at least the required number of
 * kinds existed.
 */
@Component
class RegistrationQueries {

  static final int DAYS = 30;

  private static final String ADMINISTRATOR_OF_METHOD =
      "EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = m.account_id"
          + " AND r.role IN ('helpdesk', 'admin'))";

  /**
   * Per account, when it became registered (only registered accounts appear): the later of the
   * {@code required}-th kind's first creation and the first strong kind's. Each kind's first time
   * is numbered per account by a window function, so the query is one sort and one aggregate over
   * the tenant's active methods, never a scan per account (a correlated count over a CTE took
   * minutes at 1,000,000 accounts). {@code %s} is empty or {@code NOT}, selecting administrators or
   * everybody else.
   */
  private static final String REGISTERED_AT =
      "WITH kinds AS ("
          + " SELECT m.account_id, m.method_type, MIN(m.created_at) AS first_at,"
          + " MAX(CASE WHEN m.method_type IN (:strongTypes) THEN 1 ELSE 0 END) AS strong"
          + " FROM auth_method m"
          + " WHERE m.tenant_id = :tenant AND m.status = 'active' AND m.method_type IN (:types)"
          + " AND %s "
          + ADMINISTRATOR_OF_METHOD
          + " GROUP BY m.account_id, m.method_type),"
          + " ranked AS ("
          + " SELECT account_id, first_at, strong,"
          + " ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY first_at) AS n FROM kinds)"
          + " SELECT account_id, CASE"
          + " WHEN MAX(CASE WHEN n = :required THEN first_at END)"
          + " > MIN(CASE WHEN strong = 1 THEN first_at END)"
          + " THEN MAX(CASE WHEN n = :required THEN first_at END)"
          + " ELSE MIN(CASE WHEN strong = 1 THEN first_at END) END AS registered_at"
          + " FROM ranked GROUP BY account_id"
          + " HAVING MAX(n) >= :required AND MAX(strong) = 1";

  /**
   * When one kind suffices (the default policy), a user is registered from their first strong
   * method on: one aggregate over the {@code auth_method_report} index.
   */
  private static final String REGISTERED_AT_ONE =
      "SELECT m.account_id, MIN(m.created_at) AS registered_at FROM auth_method m"
          + " WHERE m.tenant_id = :tenant AND m.status = 'active'"
          + " AND m.method_type IN (:strongTypes)"
          + " AND %s "
          + ADMINISTRATOR_OF_METHOD
          + " GROUP BY m.account_id";

  private final JdbcClient jdbc;
  private final SecurityInfoAdministration rules;
  private final AuditProperties audit;
  private final Clock clock;

  RegistrationQueries(
      JdbcClient jdbc, SecurityInfoAdministration rules, AuditProperties audit, Clock clock) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.audit = audit;
    this.clock = clock;
  }

  RegistrationReport report(UUID tenantId) {
    ZoneId zone = audit.timeZone();
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    LocalDate firstDay = today.minusDays(DAYS - 1L);
    Instant windowStart = firstDay.atStartOfDay(zone).toInstant();

    // The same rule SecurityInfo.requirements() applies (SPEC §3), for each group of accounts.
    RegistrationRule administrators = rules.registrationRule(tenantId, true);
    RegistrationRule users = rules.registrationRule(tenantId, false);
    List<Instant> recent = new ArrayList<>();
    long before = 0;
    long registered = 0;
    for (Group group :
        List.of(
            new Group(true, administrators.counted(), administrators.required()),
            new Group(false, users.counted(), users.required()))) {
      Counts counts = counts(tenantId, group, windowStart, recent);
      registered += counts.registered();
      before += counts.before();
    }

    long[] perDay = new long[DAYS];
    for (Instant at : recent) {
      int day = (int) (at.atZone(zone).toLocalDate().toEpochDay() - firstDay.toEpochDay());
      if (day >= 0 && day < DAYS) {
        perDay[day]++;
      }
    }
    List<RegistrationReport.Day> overTime = new ArrayList<>(DAYS);
    long running = before;
    for (int i = 0; i < DAYS; i++) {
      running += perDay[i];
      overTime.add(new RegistrationReport.Day(firstDay.plusDays(i).toString(), running));
    }

    long total =
        jdbc.sql("SELECT COUNT(*) FROM account WHERE tenant_id = ?")
            .param(tenantId)
            .query(Long.class)
            .single();
    return new RegistrationReport(
        total, registered, total - registered, byMethod(tenantId), overTime);
  }

  private record Group(boolean administrators, Set<MethodType> types, int required) {}

  private record Counts(long registered, long before) {}

  /** Adds the registration times inside the window to {@code recent}. */
  private Counts counts(UUID tenantId, Group group, Instant windowStart, List<Instant> recent) {
    if (group.types().isEmpty()) {
      return new Counts(0, 0);
    }
    int required = Math.max(1, group.required());
    String sql =
        (required == 1 ? REGISTERED_AT_ONE : REGISTERED_AT)
            .formatted(group.administrators() ? "" : "NOT");
    List<String> types = group.types().stream().map(MethodType::code).toList();
    List<String> strong =
        group.types().stream().filter(MethodType::strong).map(MethodType::code).toList();
    if (strong.isEmpty()) {
      return new Counts(0, 0);
    }
    // One pass: the accounts registered before the window as one row (time null), then each
    // registration time inside the window with its count.
    long[] totals = new long[2];
    jdbc.sql(
            "SELECT recent, COUNT(*) AS n FROM (SELECT CASE WHEN registered_at >= :windowStart"
                + " THEN registered_at END AS recent FROM ("
                + sql
                + ") r) x GROUP BY recent")
        .param("tenant", tenantId)
        .param("types", types)
        .param("strongTypes", strong)
        .param("required", required)
        .param("windowStart", SqlTime.of(windowStart))
        .query(
            (RowCallbackHandler)
                rs -> {
                  long n = rs.getLong("n");
                  Instant at = SqlTime.get(rs, "recent");
                  totals[0] += n;
                  if (at == null) {
                    totals[1] += n;
                  } else {
                    for (long i = 0; i < n; i++) {
                      recent.add(at);
                    }
                  }
                });
    return new Counts(totals[0], totals[1]);
  }

  /** Accounts with at least one active method of each kind, every kind listed. */
  private Map<String, Long> byMethod(UUID tenantId) {
    Map<String, Long> result = new LinkedHashMap<>();
    for (MethodType type : MethodType.values()) {
      result.put(type.code(), 0L);
    }
    jdbc.sql(
            "SELECT method_type, COUNT(DISTINCT account_id) AS accounts FROM auth_method"
                + " WHERE tenant_id = ? AND status = 'active' GROUP BY method_type")
        .param(tenantId)
        .query(
            (RowCallbackHandler)
                rs -> {
                  result.put(rs.getString("method_type"), rs.getLong("accounts"));
                });
    return result;
  }
}
