package dev.rekey.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.helpdesk.ContactAdmin;
import dev.rekey.helpdesk.HelpdeskRequest;
import dev.rekey.helpdesk.HelpdeskRequests;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Its own context: it moves the clock so that requests have distinct times. */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-helpdesk-api-test")
class HelpdeskApiTest {

  static final String LIST = "/api/v1/admin/helpdesk-requests";

  @Autowired MockMvc mvc;
  @Autowired HelpdeskRequests requests;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;
  @Autowired TestClock clock;

  private HelpdeskRequest request() {
    Account user =
        TestSessions.createAccount(
            tenants,
            directory,
            TestSessions.freshUpn("help"),
            TestSessions.DEMO_PASSWORD,
            false,
            Role.USER);
    return requests.contact(
        new ContactAdmin(
            user.tenantId(),
            user.id(),
            UUID.randomUUID(),
            "not_registered",
            new RequestOrigin("203.0.113.9", "Browser")));
  }

  private Cookie as(String upn) throws Exception {
    return TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> items(Cookie session, String query) throws Exception {
    String body =
        mvc.perform(get(LIST + query).cookie(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.items");
  }

  private static Map<String, Object> find(List<Map<String, Object>> items, UUID id) {
    return items.stream().filter(i -> id.toString().equals(i.get("id"))).findFirst().orElse(null);
  }

  @Test
  void adminsAndHelpdeskListTheirTenantsRequestsNewestFirstInPages() throws Exception {
    HelpdeskRequest older = request();
    clock.advance(java.time.Duration.ofSeconds(1));
    HelpdeskRequest newer = request();
    Cookie admin = as("admin@contoso.com");

    mvc.perform(get(LIST).cookie(admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(50))
        .andExpect(jsonPath("$.totalItems").value(greaterThanOrEqualTo(2)));
    List<Map<String, Object>> open = items(admin, "?status=open&size=500");
    Map<String, Object> item = find(open, newer.id());
    assertThat(item)
        .containsEntry("reason", "not_registered")
        .containsEntry("status", "open")
        .containsEntry("clientIp", "203.0.113.9")
        .containsEntry("userAgent", "Browser")
        .containsEntry("flowId", newer.flowId().toString())
        .containsEntry("accountId", newer.accountId().toString())
        .containsKeys("userId", "displayName", "createdAt");
    assertThat(open.indexOf(item)).isLessThan(open.indexOf(find(open, older.id())));

    List<Map<String, Object>> firstPage = items(as("helpdesk@contoso.com"), "?page=0&size=1");
    assertThat(firstPage).hasSize(1);
  }

  @Test
  void markingHandledAnswers204AndMovesTheRequestToHandled() throws Exception {
    HelpdeskRequest request = request();
    Cookie helpdesk = as("helpdesk@contoso.com");

    mvc.perform(post(LIST + "/{id}/handled", request.id()).with(csrf()).cookie(helpdesk))
        .andExpect(status().isNoContent());
    mvc.perform(post(LIST + "/{id}/handled", request.id()).with(csrf()).cookie(helpdesk))
        .andExpect(status().isNoContent());

    assertThat(find(items(helpdesk, "?status=open&size=500"), request.id())).isNull();
    assertThat(find(items(helpdesk, "?status=HANDLED&size=500"), request.id()))
        .containsEntry("status", "handled")
        .containsEntry("handledBy", "helpdesk@contoso.com")
        .containsKey("handledAt");
  }

  @Test
  void plainUsersAreForbiddenAndAnonymousUnauthenticated() throws Exception {
    HelpdeskRequest request = request();
    Cookie user = as("alain@contoso.com");

    mvc.perform(get(LIST).cookie(user))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));
    mvc.perform(post(LIST + "/{id}/handled", request.id()).with(csrf()).cookie(user))
        .andExpect(status().isForbidden());
    mvc.perform(get(LIST))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthenticated"));
    mvc.perform(post(LIST + "/{id}/handled", request.id()).with(csrf()))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void badParametersAreInvalidRequestsNamingTheField() throws Exception {
    Cookie admin = as("admin@contoso.com");
    for (String[] bad :
        new String[][] {
          {"status", "closed"},
          {"page", "-1"},
          {"page", "x"},
          {"size", "0"},
          {"size", "501"},
          {"size", "1.5"}
        }) {
      mvc.perform(get(LIST).param(bad[0], bad[1]).cookie(admin))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("invalid_request"))
          .andExpect(jsonPath("$.field").value(bad[0]));
    }
  }

  @Test
  void anotherTenantsRequestsAreNeitherListedNorHandled() throws Exception {
    String domain = "t" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    Tenant fabrikam = tenants.create("Fabrikam", List.of(domain));
    Account pat =
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
            null,
            false);
    HelpdeskRequest foreign =
        requests.contact(
            new ContactAdmin(fabrikam.id(), pat.id(), null, "blocked", new RequestOrigin("", "")));
    Cookie admin = as("admin@contoso.com");

    assertThat(find(items(admin, "?size=500"), foreign.id())).isNull();
    for (String id : List.of(foreign.id().toString(), UUID.randomUUID().toString(), "nope")) {
      mvc.perform(post(LIST + "/{id}/handled", id).with(csrf()).cookie(admin))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("not_found"));
    }
    assertThat(requests.list(fabrikam.id(), HelpdeskRequests.Status.OPEN, 0, 10).items())
        .extracting(HelpdeskRequest::id)
        .containsExactly(foreign.id());
  }
}
