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

  private static final String ADMINISTRATOR =
      "EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id"
          + " AND r.role IN ('helpdesk', 'admin'))";

  /** Per account, when it became registered (only registered accounts appear). */
  private static final String REGISTERED_AT =
      "WITH kinds AS ("
          + " SELECT m.account_id, m.method_type, MIN(m.created_at) AS first_at"
          + " FROM auth_method m JOIN account a ON a.id = m.account_id"
          + " WHERE a.tenant_id = :tenant AND m.status = 'active' AND m.method_type IN (:types)"
          + " AND %s %s"
          + " GROUP BY m.account_id, m.method_type),"
          + " strong AS ("
          + " SELECT account_id, MIN(first_at) AS strong_at FROM kinds"
          + " WHERE method_type IN (:strongTypes) GROUP BY account_id),"
          + " candidates AS ("
          + " SELECT k.account_id,"
          + " CASE WHEN k.first_at > s.strong_at THEN k.first_at ELSE s.strong_at END AS at"
          + " FROM kinds k JOIN strong s ON s.account_id = k.account_id)"
          + " SELECT c.account_id, MIN(c.at) AS registered_at FROM candidates c"
          + " WHERE (SELECT COUNT(*) FROM kinds k2"
          + " WHERE k2.account_id = c.account_id AND k2.first_at <= c.at) >= :required"
          + " GROUP BY c.account_id";

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
    String sql = REGISTERED_AT.formatted(group.administrators() ? "" : "NOT", ADMINISTRATOR);
    List<String> types = group.types().stream().map(MethodType::code).toList();
    List<String> strong =
        group.types().stream().filter(MethodType::strong).map(MethodType::code).toList();
    if (strong.isEmpty()) {
      return new Counts(0, 0);
    }
    long[] totals = new long[2];
    jdbc.sql(
            "SELECT COUNT(*) AS registered,"
                + " SUM(CASE WHEN registered_at < :windowStart THEN 1 ELSE 0 END) AS earlier"
                + " FROM ("
                + sql
                + ") r")
        .param("tenant", tenantId)
        .param("types", types)
        .param("strongTypes", strong)
        .param("required", group.required())
        .param("windowStart", SqlTime.of(windowStart))
        .query(
            (RowCallbackHandler)
                rs -> {
                  totals[0] = rs.getLong("registered");
                  totals[1] = rs.getLong("earlier");
                });
    jdbc.sql("SELECT registered_at FROM (" + sql + ") r WHERE registered_at >= :windowStart")
        .param("tenant", tenantId)
        .param("types", types)
        .param("strongTypes", strong)
        .param("required", group.required())
        .param("windowStart", SqlTime.of(windowStart))
        .query((rs, n) -> SqlTime.require(rs, "registered_at"))
        .list()
        .forEach(recent::add);
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
