package dev.rekey.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditQuery;
import dev.rekey.common.SqlTime;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.methods.SecurityInfo;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every call of the users admin API: roles, validation, audit, other tenants. */
@RekeyTest
class UsersApiTest {

  @Autowired MockMvc mvc;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;
  @Autowired AuditLog audit;
  @Autowired SecurityInfo securityInfo;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private Account fresh(Role... roles) {
    return TestSessions.createAccount(
        tenants,
        directory,
        TestSessions.freshUpn("users-api"),
        TestSessions.DEMO_PASSWORD,
        false,
        roles);
  }

  private Cookie as(String upn) throws Exception {
    return TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
  }

  private ResultActions call(MockHttpServletRequestBuilder request, @Nullable Cookie session)
      throws Exception {
    return mvc.perform(
        session == null ? request.with(csrf()) : request.with(csrf()).cookie(session));
  }

  private void method(Account a, String type, String hint) {
    jdbc.sql(
            "INSERT INTO auth_method (id, tenant_id, account_id, method_type, hint, secret, data,"
                + " status, is_default, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'secret-data', 'active', FALSE, ?)")
        .params(
            UUID.randomUUID(),
            a.tenantId(),
            a.id(),
            type,
            hint,
            new byte[] {1, 2, 3},
            SqlTime.of(clock.instant()))
        .update();
  }

  private List<AuditEvent> events(Account target, AuditActivity activity) {
    return audit
        .find(new AuditQuery(target.tenantId(), activity, null, target.upn(), null, null, 0, 20))
        .items();
  }

  // --- search

  @Test
  void searchAnswersAPageForHelpdeskAndAdminOnly() throws Exception {
    Account account = fresh(Role.USER);
    for (String operator : List.of("admin@contoso.com", "helpdesk@contoso.com")) {
      call(get("/api/v1/admin/users").param("query", account.upn()), as(operator))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.totalItems").value(1))
          .andExpect(jsonPath("$.page").value(0))
          .andExpect(jsonPath("$.size").value(50))
          .andExpect(jsonPath("$.items[0].userId").value(account.upn()))
          .andExpect(jsonPath("$.items[0].registered").value(false))
          .andExpect(jsonPath("$.items[0].methods").isEmpty());
    }
    call(get("/api/v1/admin/users"), as("alain@contoso.com"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));
    call(get("/api/v1/admin/users"), null)
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthenticated"));
  }

  @Test
  void searchRejectsBadParametersNamingTheField() throws Exception {
    Cookie admin = as("admin@contoso.com");
    String otherTenantsGroup = otherTenant().groupId().toString();
    List<String[]> bad =
        List.of(
            new String[] {"registered", "maybe"},
            new String[] {"status", "asleep"},
            new String[] {"group", "not-a-group"},
            new String[] {"group", UUID.randomUUID().toString()},
            new String[] {"group", otherTenantsGroup},
            new String[] {"method", "carrierPigeon"},
            new String[] {"page", "-1"},
            new String[] {"page", "x"},
            new String[] {"size", "0"},
            new String[] {"size", "501"},
            new String[] {"query", "x".repeat(321)});
    for (String[] pair : bad) {
      call(get("/api/v1/admin/users").param(pair[0], pair[1]), admin)
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("invalid_request"))
          .andExpect(jsonPath("$.field").value(pair[0]));
    }
  }

  @Test
  void searchShowsOnlyTheOperatorsTenant() throws Exception {
    Other other = otherTenant();
    call(get("/api/v1/admin/users").param("query", other.account().upn()), as("admin@contoso.com"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(0));
  }

  // --- methods

  @Test
  void methodsAreMaskedAndNeverCarrySecrets() throws Exception {
    String json =
        call(
                get("/api/v1/admin/users/{u}/authentication/methods", "megan@contoso.com"),
                as("helpdesk@contoso.com"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$").isArray())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> types = JsonPath.read(json, "$[*].type");
    assertThat(types).containsExactlyInAnyOrder("softwareOath", "email");
    assertThat(json)
        .doesNotContain("megan@fabrikam.example")
        .doesNotContainIgnoringCase("secret")
        .doesNotContain("data");
    call(
            get("/api/v1/admin/users/{u}/authentication/methods", "megan@contoso.com"),
            as("alain@contoso.com"))
        .andExpect(status().isForbidden());
    call(get("/api/v1/admin/users/{u}/authentication/methods", "megan@contoso.com"), null)
        .andExpect(status().isUnauthorized());
  }

  @Test
  void requireReregistrationDeletesEveryMethodAudited() throws Exception {
    Account account = fresh(Role.USER);
    method(account, "softwareOath", "Authenticator");
    method(account, "email", "a••@example.org");
    call(
            delete("/api/v1/admin/users/{u}/authentication/methods", account.upn()),
            as("alain@contoso.com"))
        .andExpect(status().isForbidden());
    assertThat(securityInfo.methods(account.id())).hasSize(2);

    call(
            delete("/api/v1/admin/users/{u}/authentication/methods", account.id().toString()),
            as("helpdesk@contoso.com"))
        .andExpect(status().isNoContent());

    assertThat(securityInfo.methods(account.id())).isEmpty();
    List<AuditEvent> events = events(account, AuditActivity.SECURITY_INFO_DELETED_BY_ADMIN);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).activity()).isEqualTo("Admin deleted security info");
    assertThat(events.get(0).actorLabel()).isEqualTo("helpdesk@contoso.com");
    assertThat(events.get(0).details()).containsEntry("methodsDeleted", 2);
    call(
            get("/api/v1/admin/users/{u}/authentication/methods", account.upn()),
            as("admin@contoso.com"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$").isEmpty());
  }

  @Test
  void helpdeskCannotTouchAnAdminsPasswordSecurityInfoOrSessions() throws Exception {
    Account admin = fresh(Role.ADMIN);
    method(admin, "softwareOath", "Authenticator");
    Cookie helpdesk = as("helpdesk@contoso.com");
    call(delete("/api/v1/admin/users/{u}/authentication/methods", admin.upn()), helpdesk)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));
    call(post("/api/v1/admin/users/{u}/password/reset", admin.upn()), helpdesk)
        .andExpect(status().isForbidden());
    call(delete("/api/v1/admin/users/{u}/sessions", admin.upn()), helpdesk)
        .andExpect(status().isForbidden());
    assertThat(securityInfo.methods(admin.id())).hasSize(1);
    assertThat(directory.authenticate(admin.upn(), TestSessions.DEMO_PASSWORD)).isPresent();
  }

  // --- sessions

  @Test
  void endSessionsSignsTheUserOutEverywhereAudited() throws Exception {
    Account account = fresh(Role.USER);
    Cookie first = as(account.upn());
    Cookie second = as(account.upn());
    call(get("/api/v1/session"), first).andExpect(jsonPath("$.authenticated").value(true));
    call(delete("/api/v1/admin/users/{u}/sessions", account.upn()), as("alain@contoso.com"))
        .andExpect(status().isForbidden());
    call(delete("/api/v1/admin/users/{u}/sessions", account.upn()), null)
        .andExpect(status().isUnauthorized());

    call(delete("/api/v1/admin/users/{u}/sessions", account.upn()), as("helpdesk@contoso.com"))
        .andExpect(status().isNoContent());

    call(get("/api/v1/session"), first).andExpect(jsonPath("$.authenticated").value(false));
    call(get("/api/v1/session"), second).andExpect(jsonPath("$.authenticated").value(false));
    List<AuditEvent> events = events(account, AuditActivity.SESSIONS_REVOKED_BY_ADMIN);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).details()).containsEntry("sessionsEnded", 2);
  }

  // --- password reset

  @Test
  void adminResetGivesARandomTemporaryPasswordThatMustBeChanged() throws Exception {
    Account account = fresh(Role.USER);
    Cookie old = as(account.upn());
    String json =
        call(
                post("/api/v1/admin/users/{u}/password/reset", account.upn()),
                as("helpdesk@contoso.com"))
            .andExpect(status().isOk())
            .andExpect(
                header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String temporary = JsonPath.read(json, "$.temporaryPassword");
    assertThat(temporary).hasSizeGreaterThanOrEqualTo(16).matches("[A-HJ-NP-Za-km-np-z2-9]+");

    assertThat(directory.authenticate(account.upn(), TestSessions.DEMO_PASSWORD)).isEmpty();
    assertThat(directory.findById(account.id()).orElseThrow().mustChangePassword()).isTrue();
    call(get("/api/v1/session"), old).andExpect(jsonPath("$.authenticated").value(false));
    Cookie fresh = TestSessions.session(mvc, account.upn(), temporary);
    call(get("/api/v1/me/authentication/methods"), fresh)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("password_change_required"));
    List<AuditEvent> events = events(account, AuditActivity.RESET_PASSWORD_BY_ADMIN);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).activity()).isEqualTo("Reset password (by admin)");
    assertThat(events.get(0).actorLabel()).isEqualTo("helpdesk@contoso.com");
    assertThat(events.get(0).details().toString()).doesNotContain(temporary);

    String again =
        call(post("/api/v1/admin/users/{u}/password/reset", account.upn()), as("admin@contoso.com"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(again, "$.temporaryPassword")).isNotEqualTo(temporary);
  }

  @Test
  void adminResetOfAPasswordRekeyDoesNotOwnIsAConflict() throws Exception {
    call(
            post("/api/v1/admin/users/{u}/password/reset", "megan@contoso.com"),
            as("admin@contoso.com"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("password_not_managed"));
    call(
            post("/api/v1/admin/users/{u}/password/reset", "megan@contoso.com"),
            as("alain@contoso.com"))
        .andExpect(status().isForbidden());
    call(post("/api/v1/admin/users/{u}/password/reset", "megan@contoso.com"), null)
        .andExpect(status().isUnauthorized());
  }

  // --- roles

  private MockHttpServletRequestBuilder roles(String userId, String body) {
    return put("/api/v1/admin/users/{u}/roles", userId)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body);
  }

  @Test
  void anAdminChangesRolesAudited() throws Exception {
    Account account = fresh(Role.USER);
    Cookie own = as(account.upn());

    call(roles(account.upn(), "{\"roles\":[\"user\",\"helpdesk\"]}"), as("admin@contoso.com"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.roles[0]").value("user"))
        .andExpect(jsonPath("$.roles[1]").value("helpdesk"));

    assertThat(directory.findById(account.id()).orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.USER, Role.HELPDESK);
    assertThat(events(account, AuditActivity.ROLE_MEMBER_ADDED)).hasSize(1);
    assertThat(events(account, AuditActivity.ROLE_MEMBER_ADDED).get(0).details())
        .containsEntry("role", "helpdesk");
    call(get("/api/v1/session"), own).andExpect(jsonPath("$.authenticated").value(false));

    call(roles(account.upn(), "{\"roles\":[\"helpdesk\"]}"), as("admin@contoso.com"))
        .andExpect(status().isOk());
    assertThat(events(account, AuditActivity.ROLE_MEMBER_REMOVED).get(0).details())
        .containsEntry("role", "user");
  }

  @Test
  void rolesAreAdminOnlyAndValidated() throws Exception {
    Account account = fresh(Role.USER);
    call(roles(account.upn(), "{\"roles\":[\"admin\"]}"), as("helpdesk@contoso.com"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));
    call(roles(account.upn(), "{\"roles\":[\"admin\"]}"), as("alain@contoso.com"))
        .andExpect(status().isForbidden());
    call(roles(account.upn(), "{\"roles\":[\"admin\"]}"), null)
        .andExpect(status().isUnauthorized());
    Cookie admin = as("admin@contoso.com");
    for (String body :
        List.of("{\"roles\":[]}", "{}", "{\"roles\":[\"root\"]}", "{\"roles\":[null]}")) {
      call(roles(account.upn(), body), admin)
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("invalid_request"))
          .andExpect(jsonPath("$.field").value("roles"));
    }
    assertThat(directory.findById(account.id()).orElseThrow().roles()).containsExactly(Role.USER);
  }

  @Test
  void anAdminCannotDropTheirOwnAdminRole() throws Exception {
    Account admin = fresh(Role.ADMIN);
    Cookie session = as(admin.upn());
    call(roles(admin.upn(), "{\"roles\":[\"user\"]}"), session)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("own_admin_role"));
    assertThat(directory.findById(admin.id()).orElseThrow().roles()).containsExactly(Role.ADMIN);
    call(roles(admin.upn(), "{\"roles\":[\"admin\",\"helpdesk\"]}"), session)
        .andExpect(status().isOk());
    call(get("/api/v1/session"), session).andExpect(jsonPath("$.authenticated").value(true));
  }

  // --- other tenants

  record Other(Tenant tenant, Account account, UUID groupId) {}

  @Autowired dev.rekey.directory.Groups groups;

  private Other otherTenant() {
    String domain = "t" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    Tenant fabrikam = tenants.create("Fabrikam", List.of(domain));
    Account foreign =
        directory.create(
            new NewAccount(
                fabrikam.id(),
                "pat@" + domain,
                "Pat",
                null,
                null,
                null,
                Set.of(Role.USER),
                PasswordAuthority.REKEY),
            TestSessions.DEMO_PASSWORD,
            false);
    return new Other(fabrikam, foreign, groups.create(fabrikam.id(), "Staff").id());
  }

  @Test
  void anotherTenantsAccountIsNotFoundForEveryCall() throws Exception {
    Account foreign = otherTenant().account();
    method(foreign, "softwareOath", "Authenticator");
    Cookie admin = as("admin@contoso.com");
    for (String userId : List.of(foreign.upn(), foreign.id().toString(), "nobody@contoso.com")) {
      for (MockHttpServletRequestBuilder request :
          List.of(
              get("/api/v1/admin/users/{u}/authentication/methods", userId),
              delete("/api/v1/admin/users/{u}/authentication/methods", userId),
              delete("/api/v1/admin/users/{u}/sessions", userId),
              post("/api/v1/admin/users/{u}/password/reset", userId),
              roles(userId, "{\"roles\":[\"user\"]}"))) {
        call(request, admin)
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.code").value("not_found"));
      }
    }
    assertThat(securityInfo.methods(foreign.id())).hasSize(1);
    assertThat(directory.authenticate(foreign.upn(), TestSessions.DEMO_PASSWORD)).isPresent();
  }
}
