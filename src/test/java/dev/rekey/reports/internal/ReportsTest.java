package dev.rekey.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.audit.AuditActivity;
import dev.rekey.common.SqlTime;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.methods.SecurityInfo;
import dev.rekey.reports.RegistrationReport;
import dev.rekey.reports.ReportPeriod;
import dev.rekey.reports.Reports;
import dev.rekey.reports.ResetReport;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reports on a seeded tenant of its own with known counts, at a fixed time: every number,
 * including the period boundaries; the API's roles and validation; the CSV.
 */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-reports-test")
class ReportsTest {

  static final Instant NOW = Instant.parse("2026-11-05T10:30:00Z");
  static final String PASSWORD = "Reports-known-counts-1";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired SecurityInfo securityInfo;
  @Autowired Reports reports;
  @Autowired TestClock clock;

  UUID tenant;
  String domain;
  List<Account> accounts;

  @BeforeEach
  void seed() {
    clock.set(NOW);
    domain = "reports-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    tenant = tenants.create("Reports " + domain, List.of(domain)).id();
    Account u1 = account("u1");
    Account u2 = account("u2");
    Account u3 = account("u3");
    Account u4 = account("u4");
    Account u5 = account("u5");
    Account admin = account("admin", Role.ADMIN);
    Account helpdesk = account("helpdesk", Role.HELPDESK);
    accounts = List.of(u1, u2, u3, u4, u5, admin, helpdesk);
    method(u1, "softwareOath", "active", NOW.minus(Duration.ofDays(40))); // registered long ago
    method(u2, "email", "active", NOW.minus(Duration.ofDays(1))); // email alone is not enough
    method(u3, "email", "active", NOW.minus(Duration.ofDays(10)));
    method(u3, "phone", "active", NOW.minus(Duration.ofDays(3))); // registered 2026-11-02
    method(u4, "securityQuestions", "active", NOW.minus(Duration.ofDays(2))); // not offered
    method(u4, "softwareOath", "pending", NOW.minus(Duration.ofDays(2))); // not proven
    method(u5, "fido2", "active", NOW); // registered today
    method(admin, "softwareOath", "active", NOW.minus(Duration.ofDays(5))); // needs two
    method(helpdesk, "softwareOath", "active", NOW.minus(Duration.ofDays(20)));
    method(helpdesk, "email", "active", NOW.minus(Duration.ofDays(2))); // registered 2026-11-03

    String progress = AuditActivity.SSPR_FLOW_PROGRESS.entraName();
    String reset = AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName();
    String unlock = AuditActivity.UNLOCK_SELF_SERVICE.entraName();
    event(tenant, at("2026-11-05T09:30:00Z"), progress, "Succeeded", null, null, "started");
    event(tenant, at("2026-11-04T11:00:00Z"), progress, "Succeeded", null, null, "started");
    event(tenant, at("2026-11-04T10:59:59.999999Z"), progress, "Succeeded", null, null, "started");
    event(tenant, at("2026-11-05T10:00:00Z"), reset, "Succeeded", "softwareOath,email", null, null);
    event(tenant, at("2026-11-05T08:30:00Z"), unlock, "Succeeded", "phone", null, null);
    event(tenant, at("2026-11-05T07:30:00Z"), reset, "Failed", null, "not_registered", null);
    event(tenant, at("2026-11-05T07:45:00Z"), reset, "Blocked", null, "blocked", null);
    event(tenant, at("2026-11-05T06:30:00Z"), progress, "Failed", "phone", "wrong_code", "verify");
    event(tenant, at("2026-11-05T05:30:00Z"), progress, "Abandoned", null, "expired", "verify");
    event(tenant, at("2026-11-01T12:00:00Z"), progress, "Abandoned", null, "expired", "choosing");
    event(tenant, at("2026-10-29T23:59:59Z"), progress, "Succeeded", null, null, "started");
    event(tenant, at("2026-10-30T00:00:00Z"), progress, "Succeeded", null, null, "started");
    event(tenant, at("2026-11-05T09:31:00Z"), progress, "Succeeded", "phone", null, "verified");
    event(
        tenant,
        at("2026-11-05T06:31:00Z"),
        AuditActivity.BLOCKED_FROM_SSPR.entraName(),
        "Blocked",
        null,
        "too_many_attempts",
        null);
    event(tenant, at("2026-10-06T23:00:00Z"), progress, "Succeeded", null, null, "started");
    event(tenant, at("2026-11-02T09:00:00Z"), reset, "Failed", null, "=HYPERLINK(1)", null);
    UUID other = tenants.findByDomain("contoso.com").orElseThrow().id();
    event(other, at("2026-11-05T09:30:00Z"), progress, "Succeeded", null, null, "started");
  }

  @Test
  void registrationCountsWhatSecurityInfoCounts() {
    RegistrationReport report = reports.registration(tenant);
    assertThat(report.totalUsers()).isEqualTo(7);
    assertThat(report.registered()).isEqualTo(4);
    assertThat(report.notRegistered()).isEqualTo(3);
    long bySecurityInfo =
        accounts.stream()
            .filter(
                a ->
                    securityInfo
                        .requirements(directory.findById(a.id()).orElseThrow())
                        .isRegistered())
            .count();
    assertThat(report.registered()).isEqualTo(bySecurityInfo);
    assertThat(report.byMethod())
        .containsExactly(
            Map.entry("softwareOath", 3L),
            Map.entry("phone", 1L),
            Map.entry("email", 3L),
            Map.entry("fido2", 1L),
            Map.entry("securityQuestions", 1L));
    assertThat(report.overTime()).hasSize(30);
    assertThat(report.overTime().get(0)).isEqualTo(new RegistrationReport.Day("2026-10-07", 1));
    assertThat(report.overTime().get(25)).isEqualTo(new RegistrationReport.Day("2026-11-01", 1));
    assertThat(report.overTime().get(26)).isEqualTo(new RegistrationReport.Day("2026-11-02", 2));
    assertThat(report.overTime().get(27)).isEqualTo(new RegistrationReport.Day("2026-11-03", 3));
    assertThat(report.overTime().get(28)).isEqualTo(new RegistrationReport.Day("2026-11-04", 3));
    assertThat(report.overTime().get(29)).isEqualTo(new RegistrationReport.Day("2026-11-05", 4));
  }

  @Test
  void resetsOfTheLast24HoursStartAtTheHourOneDayAgo() {
    ResetReport report = reports.resets(tenant, ReportPeriod.HOURS_24);
    assertThat(report.period()).isEqualTo("24h");
    assertThat(report.started()).isEqualTo(2);
    assertThat(report.succeeded()).isEqualTo(2);
    assertThat(report.unlocked()).isEqualTo(1);
    assertThat(report.failed()).isEqualTo(3);
    assertThat(report.failedByReason())
        .containsOnly(
            Map.entry("not_registered", 1L), Map.entry("blocked", 1L), Map.entry("wrong_code", 1L));
    assertThat(report.byMethod())
        .containsExactly(
            Map.entry("softwareOath", 1L),
            Map.entry("phone", 1L),
            Map.entry("email", 1L),
            Map.entry("fido2", 0L),
            Map.entry("securityQuestions", 0L));
    assertThat(report.abandonedByStep()).containsOnly(Map.entry("verify", 1L));
    assertThat(report.overTime()).hasSize(24);
    assertThat(report.overTime().get(0))
        .isEqualTo(new ResetReport.Bucket("2026-11-04T11:00:00Z", 1, 0, 0));
    assertThat(report.overTime().get(19))
        .isEqualTo(new ResetReport.Bucket("2026-11-05T06:00:00Z", 0, 0, 1));
    assertThat(report.overTime().get(20))
        .isEqualTo(new ResetReport.Bucket("2026-11-05T07:00:00Z", 0, 0, 2));
    assertThat(report.overTime().get(21))
        .isEqualTo(new ResetReport.Bucket("2026-11-05T08:00:00Z", 0, 1, 0));
    assertThat(report.overTime().get(22))
        .isEqualTo(new ResetReport.Bucket("2026-11-05T09:00:00Z", 1, 0, 0));
    assertThat(report.overTime().get(23))
        .isEqualTo(new ResetReport.Bucket("2026-11-05T10:00:00Z", 0, 1, 0));
    assertThat(report.overTime().stream().mapToLong(ResetReport.Bucket::started).sum())
        .isEqualTo(2);
  }

  @Test
  void resetsOfSevenAndThirtyDaysAreWholeDays() {
    ResetReport week = reports.resets(tenant, ReportPeriod.DAYS_7);
    assertThat(week.started()).isEqualTo(4);
    assertThat(week.succeeded()).isEqualTo(2);
    assertThat(week.unlocked()).isEqualTo(1);
    assertThat(week.failed()).isEqualTo(4);
    assertThat(week.failedByReason()).containsEntry("=HYPERLINK(1)", 1L).hasSize(4);
    assertThat(week.abandonedByStep())
        .containsOnly(Map.entry("verify", 1L), Map.entry("choosing", 1L));
    assertThat(week.overTime())
        .extracting(ResetReport.Bucket::bucket)
        .containsExactly(
            "2026-10-30",
            "2026-10-31",
            "2026-11-01",
            "2026-11-02",
            "2026-11-03",
            "2026-11-04",
            "2026-11-05");
    assertThat(week.overTime().get(0)).isEqualTo(new ResetReport.Bucket("2026-10-30", 1, 0, 0));
    assertThat(week.overTime().get(3)).isEqualTo(new ResetReport.Bucket("2026-11-02", 0, 0, 1));
    assertThat(week.overTime().get(5)).isEqualTo(new ResetReport.Bucket("2026-11-04", 2, 0, 0));
    assertThat(week.overTime().get(6)).isEqualTo(new ResetReport.Bucket("2026-11-05", 1, 2, 3));

    ResetReport month = reports.resets(tenant, ReportPeriod.DAYS_30);
    assertThat(month.started()).isEqualTo(5);
    assertThat(month.failed()).isEqualTo(4);
    assertThat(month.overTime()).hasSize(30);
    assertThat(month.overTime().get(0).bucket()).isEqualTo("2026-10-07");
    assertThat(month.overTime().get(22)).isEqualTo(new ResetReport.Bucket("2026-10-29", 1, 0, 0));
  }

  @Test
  void adminAndHelpdeskReadTheirOwnTenantsReports() throws Exception {
    for (String who : List.of("admin", "helpdesk")) {
      Cookie session = TestSessions.session(mvc, who + "@" + domain, PASSWORD);
      mvc.perform(get("/api/v1/admin/reports/registration").cookie(session))
          .andExpect(status().isOk())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
          .andExpect(jsonPath("$.totalUsers").value(7))
          .andExpect(jsonPath("$.registered").value(4))
          .andExpect(jsonPath("$.notRegistered").value(3))
          .andExpect(jsonPath("$.byMethod.softwareOath").value(3))
          .andExpect(jsonPath("$.overTime.length()").value(30))
          .andExpect(jsonPath("$.overTime[29].date").value("2026-11-05"))
          .andExpect(jsonPath("$.overTime[29].registered").value(4));
      mvc.perform(get("/api/v1/admin/reports/resets").param("period", "24h").cookie(session))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.period").value("24h"))
          .andExpect(jsonPath("$.started").value(2))
          .andExpect(jsonPath("$.succeeded").value(2))
          .andExpect(jsonPath("$.unlocked").value(1))
          .andExpect(jsonPath("$.failed").value(3))
          .andExpect(jsonPath("$.failedByReason.wrong_code").value(1))
          .andExpect(jsonPath("$.byMethod.phone").value(1))
          .andExpect(jsonPath("$.abandonedByStep.verify").value(1))
          .andExpect(jsonPath("$.overTime.length()").value(24))
          .andExpect(jsonPath("$.overTime[22].bucket").value("2026-11-05T09:00:00Z"))
          .andExpect(jsonPath("$.overTime[22].started").value(1));
    }
    // Without a period: 7 days.
    Cookie admin = TestSessions.session(mvc, "admin@" + domain, PASSWORD);
    mvc.perform(get("/api/v1/admin/reports/resets").cookie(admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.period").value("7d"))
        .andExpect(jsonPath("$.started").value(4));
  }

  @Test
  void aBadPeriodIsRejectedNamingTheField() throws Exception {
    Cookie admin = TestSessions.session(mvc, "admin@" + domain, PASSWORD);
    for (String period : List.of("1y", "", "24H", "7")) {
      mvc.perform(get("/api/v1/admin/reports/resets").param("period", period).cookie(admin))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value("invalid_request"))
          .andExpect(jsonPath("$.field").value("period"));
    }
  }

  @Test
  void plainUsersAreForbiddenAndAnonymousCallersUnauthorised() throws Exception {
    Cookie user = TestSessions.session(mvc, "u1@" + domain, PASSWORD);
    for (String path :
        List.of("/api/v1/admin/reports/registration", "/api/v1/admin/reports/resets")) {
      mvc.perform(get(path).cookie(user)).andExpect(status().isForbidden());
      mvc.perform(get(path).accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(get("/admin/reports").cookie(user)).andExpect(status().isForbidden());
  }

  @Test
  void csvHasAHeaderAndNeutralisesFormulas() throws Exception {
    Cookie admin = TestSessions.session(mvc, "admin@" + domain, PASSWORD);
    String resets =
        mvc.perform(
                get("/api/v1/admin/reports/resets")
                    .param("period", "7d")
                    .accept("text/csv")
                    .cookie(admin))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andExpect(
                header()
                    .string("Content-Disposition", "attachment; filename=\"rekey-resets-7d.csv\""))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    List<String> lines = List.of(resets.split("\r\n"));
    assertThat(lines.get(0)).isEqualTo("section,key,value");
    assertThat(lines)
        .contains(
            "totals,period,7d",
            "totals,started,4",
            "totals,failed,4",
            "failedByReason,'=HYPERLINK(1),1",
            "abandonedByStep,choosing,1",
            "overTime.started,2026-11-04,2",
            "overTime.failed,2026-11-05,3");
    assertThat(lines).noneMatch(line -> line.contains(",=HYPERLINK"));

    String registration =
        mvc.perform(get("/api/v1/admin/reports/registration").param("format", "csv").cookie(admin))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(registration)
        .startsWith("section,key,value\r\n")
        .contains(
            "totals,totalUsers,7\r\n",
            "totals,registered,4\r\n",
            "totals,notRegistered,3\r\n",
            "byMethod,email,3\r\n",
            "overTime.registered,2026-11-02,2\r\n");
  }

  @Test
  void thePageDrawsEveryChartWithItsTable() throws Exception {
    Cookie helpdesk = TestSessions.session(mvc, "helpdesk@" + domain, PASSWORD);
    String html =
        mvc.perform(get("/admin/reports").param("period", "24h").cookie(helpdesk))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html)
        .contains("id=\"total-started\">2<", "id=\"total-registered\">4<")
        .contains("id=\"chart-resets-time\"", "id=\"chart-resets-time-table\"")
        .contains("/api/v1/admin/reports/resets?period=24h&amp;format=csv")
        .contains("id=\"period-24h\"");
    assertThat(html.split("role=\"img\"", -1)).hasSize(8);
    assertThat(html.split("<caption>", -1)).hasSize(8);
  }

  private Instant at(String iso) {
    return Instant.parse(iso);
  }

  private Account account(String name, Role... roles) {
    Set<Role> set = roles.length == 0 ? Set.of(Role.USER) : Set.of(roles);
    return directory.create(
        new NewAccount(
            tenant, name + "@" + domain, name, null, null, null, set, PasswordAuthority.REKEY),
        PASSWORD,
        false);
  }

  private void method(Account account, String type, String status, Instant createdAt) {
    jdbc.sql(
            "INSERT INTO auth_method (id, tenant_id, account_id, method_type, hint, status,"
                + " is_default, created_at) VALUES (?, ?, ?, ?, 'hint', ?, FALSE, ?)")
        .params(UUID.randomUUID(), tenant, account.id(), type, status, SqlTime.of(createdAt))
        .update();
  }

  private void event(
      UUID tenantId,
      Instant at,
      String activity,
      String result,
      @Nullable String method,
      @Nullable String reason,
      @Nullable String step) {
    jdbc.sql(
            "INSERT INTO audit_event (id, seq, occurred_at, tenant_id, actor_label, activity,"
                + " result, method, reason, client_ip, user_agent, details)"
                + " VALUES (?, nextval('audit_event_seq'), ?, ?, 'anonymous', ?, ?, ?, ?,"
                + " '203.0.113.7', 'test', ?)")
        .params(
            UUID.randomUUID(),
            SqlTime.of(at),
            tenantId,
            activity,
            result,
            method,
            reason,
            step == null ? null : "{\"step\":\"" + step + "\"}")
        .update();
  }
}
