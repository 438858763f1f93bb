package dev.rekey.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditResult;
import dev.rekey.audit.NewAuditEvent;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.support.Cookies;
import dev.rekey.support.RekeyTest;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@RekeyTest
class AuditApiTest {

  static final String PASSWORD = "Welcome-to-Rekey-1";
  static final String AUDIT = "/api/v1/admin/audit";

  @Autowired MockMvc mvc;
  @Autowired AuditLog log;
  @Autowired Tenants tenants;
  @Autowired dev.rekey.support.TestClock clock;
  @Autowired AccountDirectory directory;

  private Cookie signIn(String userId, String password) throws Exception {
    var result =
        mvc.perform(
                post("/api/v1/session")
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"userId\":\"" + userId + "\",\"password\":\"" + password + "\"}"))
            .andExpect(status().isOk())
            .andReturn();
    return Cookies.session(result);
  }

  private UUID contoso() {
    return tenants.findByDomain("contoso.com").orElseThrow().id();
  }

  /** A probe for a made-up user ID, so the test can find its own events. */
  private String probe(String userAgent) {
    String userId = "probe-" + UUID.randomUUID() + "@contoso.com";
    log.record(
        new NewAuditEvent(
            contoso(),
            null,
            "anonymous",
            null,
            userId,
            AuditActivity.SSPR_FLOW_PROGRESS,
            AuditResult.FAILED,
            "email",
            "user_not_found",
            new RequestOrigin("203.0.113.9", userAgent),
            "flow-9",
            Map.of("step", "userId")));
    return userId;
  }

  @Test
  void adminListsEventsAsPagedJsonNewestFirst() throws Exception {
    Cookie admin = signIn("admin@contoso.com", PASSWORD);
    String userId = probe("Kiosk/1");
    mvc.perform(get(AUDIT).param("userId", userId).cookie(admin))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(50))
        .andExpect(jsonPath("$.totalItems").value(1))
        .andExpect(jsonPath("$.items[0].id").isString())
        .andExpect(jsonPath("$.items[0].time").isString())
        .andExpect(
            jsonPath("$.items[0].activity")
                .value("Self-service password reset flow activity progress"))
        .andExpect(jsonPath("$.items[0].result").value("Failed"))
        .andExpect(jsonPath("$.items[0].actor").value("anonymous"))
        .andExpect(jsonPath("$.items[0].userId").value(userId))
        .andExpect(jsonPath("$.items[0].method").value("email"))
        .andExpect(jsonPath("$.items[0].reason").value("user_not_found"))
        .andExpect(jsonPath("$.items[0].clientIp").value("203.0.113.9"))
        .andExpect(jsonPath("$.items[0].userAgent").value("Kiosk/1"))
        .andExpect(jsonPath("$.items[0].flowId").value("flow-9"))
        .andExpect(jsonPath("$.items[0].details.step").value("userId"));

    // The admin's own sign-in is there too, newest first, with paging.
    mvc.perform(
            get(AUDIT)
                .param("activity", "User signed in")
                .param("size", "1")
                .param("page", "0")
                .cookie(admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.size").value(1))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].activity").value("User signed in"));
  }

  @Test
  void detailsKeepNullValues() throws Exception {
    Cookie admin = signIn("admin@contoso.com", PASSWORD);
    String userId = "policy-" + UUID.randomUUID() + "@contoso.com";
    Map<String, @Nullable Object> after = new HashMap<>();
    after.put("helpdeskLink", null);
    log.record(
        new NewAuditEvent(
            contoso(),
            null,
            "system",
            null,
            userId,
            AuditActivity.SSPR_POLICY_CHANGED,
            AuditResult.SUCCEEDED,
            null,
            null,
            RequestOrigin.system(),
            null,
            Map.of("after", after)));
    mvc.perform(get(AUDIT).param("userId", userId).cookie(admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].details.after.helpdeskLink").hasJsonPath())
        .andExpect(jsonPath("$.items[0].details.after.helpdeskLink").value(nullValue()))
        .andExpect(jsonPath("$.items[0].method").doesNotHaveJsonPath());
  }

  @Test
  void helpdeskMayReadTheLog() throws Exception {
    Cookie helpdesk = signIn("helpdesk@contoso.com", PASSWORD);
    mvc.perform(get(AUDIT).param("userId", "helpdesk@contoso.com").cookie(helpdesk))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].activity").value("User signed in"));
  }

  @Test
  void plainUserGetsForbiddenProblem() throws Exception {
    Cookie alain = signIn("alain@contoso.com", PASSWORD);
    mvc.perform(get(AUDIT).cookie(alain))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("forbidden"));
  }

  @Test
  void anonymousCallerGetsUnauthenticatedProblem() throws Exception {
    mvc.perform(get(AUDIT))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("unauthenticated"));
    mvc.perform(get(AUDIT).accept("text/csv")).andExpect(status().isUnauthorized());
  }

  @Test
  void eachAdminSeesOnlyTheirOwnTenant() throws Exception {
    String domain = "f" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    Tenant fabrikam = tenants.create("Fabrikam", List.of(domain));
    directory.create(
        new NewAccount(
            fabrikam.id(),
            "boss@" + domain,
            "Fabrikam Boss",
            null,
            null,
            null,
            Set.of(Role.ADMIN),
            PasswordAuthority.REKEY),
        "Fabrikam-secret-99",
        false);
    Cookie theirs = signIn("boss@" + domain, "Fabrikam-secret-99");
    Cookie ours = signIn("admin@contoso.com", PASSWORD);
    String contosoProbe = probe("UA");

    mvc.perform(get(AUDIT).param("size", "500").cookie(theirs))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(1))
        .andExpect(jsonPath("$.items[0].activity").value("User signed in"))
        .andExpect(jsonPath("$.items[0].userId").value("boss@" + domain));
    mvc.perform(get(AUDIT).param("userId", contosoProbe).cookie(theirs))
        .andExpect(jsonPath("$.totalItems").value(0));
    mvc.perform(get(AUDIT).param("userId", "boss@" + domain).cookie(ours))
        .andExpect(jsonPath("$.totalItems").value(0));
    mvc.perform(get(AUDIT).param("userId", contosoProbe).cookie(ours))
        .andExpect(jsonPath("$.totalItems").value(1));
  }

  @Test
  void invalidFiltersGiveBadRequestNamingTheField() throws Exception {
    Cookie admin = signIn("admin@contoso.com", PASSWORD);
    String[][] cases = {
      {"from", "yesterday", "from"},
      {"to", "2026-02-30", "to"},
      {"size", "0", "size"},
      {"size", "501", "size"},
      {"size", "ten", "size"},
      {"page", "-1", "page"},
      {"page", "1.5", "page"},
      {"activity", "Hacked the planet", "activity"},
      {"result", "Maybe", "result"},
      {"method", "carrier pigeon", "method"},
    };
    for (String[] c : cases) {
      mvc.perform(get(AUDIT).param(c[0], c[1]).cookie(admin))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value("invalid_request"))
          .andExpect(jsonPath("$.field").value(c[2]));
    }
    mvc.perform(
            get(AUDIT)
                .param("from", "2026-11-05")
                .param("to", "2026-11-01")
                .header("Accept-Language", "nl")
                .cookie(admin))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("to"))
        .andExpect(jsonPath("$.detail").value("Het einde moet na het begin liggen."));
    mvc.perform(get(AUDIT).param("size", "0").accept("text/csv").cookie(admin))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("size"));
  }

  @Test
  void validDatesAndInstantsAreAccepted() throws Exception {
    Cookie admin = signIn("admin@contoso.com", PASSWORD);
    mvc.perform(
            get(AUDIT)
                .param("from", "2020-01-01")
                .param("to", "2999-12-31T23:00:00Z")
                .cookie(admin))
        .andExpect(status().isOk());
    mvc.perform(get(AUDIT).param("from", "2999-01-01").cookie(admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(0))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void csvExportQuotesEscapesAndDefusesFormulas() throws Exception {
    Cookie admin = signIn("admin@contoso.com", PASSWORD);
    String userId = probe("=HYPERLINK(\"http://evil.example\",\"click\"), then\nmore");

    var response =
        mvc.perform(get(AUDIT).param("userId", userId).accept("text/csv").cookie(admin))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        containsString("attachment; filename=\"rekey-audit.csv\"")))
            .andExpect(header().string("X-Total-Count", "1"))
            .andReturn()
            .getResponse();
    String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);

    assertThat(csv)
        .startsWith(
            "id,time,activity,result,actor,userId,method,reason,clientIp,userAgent,flowId,details\r\n");
    assertThat(csv).endsWith("\r\n");
    assertThat(csv)
        .contains(
            ",Self-service password reset flow activity progress,Failed,anonymous,"
                + userId
                + ",email,user_not_found,203.0.113.9,"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\"), then\nmore\","
                + "flow-9,\"{\"\"step\"\":\"\"userId\"\"}\"\r\n");
  }

  @Test
  void csvByFormatParameterForPlainLinks() throws Exception {
    Cookie admin = signIn("admin@contoso.com", PASSWORD);
    String userId = probe("Plain");
    String csv =
        mvc.perform(
                get(AUDIT)
                    .param("format", "csv")
                    .param("userId", userId)
                    .accept(MediaType.TEXT_HTML, MediaType.ALL)
                    .cookie(admin))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.split("\r\n")).hasSize(2);
    assertThat(csv).contains(userId);
  }

  /** Three events of one made-up user, told apart by activity, result and method. */
  private String threeEvents() {
    String userId = "filters-" + UUID.randomUUID() + "@contoso.com";
    record E(AuditActivity activity, AuditResult result, String method) {}
    for (E e :
        List.of(
            new E(AuditActivity.SSPR_FLOW_PROGRESS, AuditResult.FAILED, "email"),
            new E(AuditActivity.SSPR_FLOW_PROGRESS, AuditResult.SUCCEEDED, "softwareOath"),
            new E(AuditActivity.RESET_PASSWORD_SELF_SERVICE, AuditResult.SUCCEEDED, "phone"))) {
      log.record(
          new NewAuditEvent(
              contoso(),
              null,
              "anonymous",
              null,
              userId,
              e.activity(),
              e.result(),
              e.method(),
              null,
              new RequestOrigin("203.0.113.5", "UA"),
              null,
              Map.of()));
    }
    return userId;
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
      filtered(String userId, String[] filter) {
    var request = get(AUDIT).param("userId", userId);
    return filter[0].equals("userId") ? request : request.param(filter[0], filter[1]);
  }

  @Test
  void eachFilterNarrowsTheEventsAndTheCsvFollowsTheSameFilters() throws Exception {
    Cookie admin = signIn("admin@contoso.com", PASSWORD);
    String userId = threeEvents();
    String past = clock.instant().minusSeconds(3600).toString();
    String future = clock.instant().plusSeconds(3600).toString();
    String[][] cases = {
      // parameter, value, matching events
      {"userId", userId.toUpperCase(java.util.Locale.ROOT), "3"},
      {"activity", "Reset password (self-service)", "1"},
      {"activity", "SSPR_FLOW_PROGRESS", "2"},
      {"result", "Succeeded", "2"},
      {"result", "failed", "1"},
      {"method", "email", "1"},
      {"method", "SOFTWAREOATH", "1"},
      {"method", "fido2", "0"},
      {"from", past, "3"},
      {"from", future, "0"},
      {"to", future, "3"},
      {"to", past, "0"},
    };
    for (String[] c : cases) {
      // The user ID narrows every case to this test's events; its own case replaces it.
      String user = c[0].equals("userId") ? c[1] : userId;
      mvc.perform(filtered(user, c).cookie(admin))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.totalItems").value(Integer.parseInt(c[2])));
      String csv =
          mvc.perform(filtered(user, c).param("format", "csv").cookie(admin))
              .andExpect(status().isOk())
              .andExpect(content().contentTypeCompatibleWith("text/csv"))
              .andExpect(header().string("X-Total-Count", c[2]))
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(csv.split("\r\n")).as(c[0] + "=" + c[1]).hasSize(1 + Integer.parseInt(c[2]));
    }
    mvc.perform(
            get(AUDIT)
                .param("userId", userId)
                .param("result", "Succeeded")
                .param("method", "phone")
                .param("activity", "Reset password (self-service)")
                .cookie(admin))
        .andExpect(jsonPath("$.totalItems").value(1))
        .andExpect(jsonPath("$.items[0].method").value("phone"));
  }

  @Test
  void pagesFollowEachOtherNewestFirst() throws Exception {
    Cookie admin = signIn("admin@contoso.com", PASSWORD);
    String userId = threeEvents();
    mvc.perform(
            get(AUDIT).param("userId", userId).param("size", "2").param("page", "0").cookie(admin))
        .andExpect(jsonPath("$.items.length()").value(2))
        .andExpect(jsonPath("$.items[0].method").value("phone"))
        .andExpect(jsonPath("$.totalItems").value(3));
    mvc.perform(
            get(AUDIT).param("userId", userId).param("size", "2").param("page", "1").cookie(admin))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].method").value("email"));
  }
}
