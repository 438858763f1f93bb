package dev.rekey.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditQuery;
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
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import dev.rekey.throttle.ResetThrottle;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The helpdesk inbox page. Its own context (shared with the role matrix): it adds requests. */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-inbox-test")
class HelpdeskInboxPageTest {

  static final String INBOX = "/admin/helpdesk";

  @Autowired MockMvc mvc;
  @Autowired HelpdeskRequests requests;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;
  @Autowired ResetThrottle throttle;
  @Autowired AuditLog audit;

  private Account lockedAndBlocked() {
    Account account =
        TestSessions.createAccount(
            tenants,
            directory,
            TestSessions.freshUpn("inbox"),
            TestSessions.DEMO_PASSWORD,
            false,
            Role.USER);
    directory.setLocked(account.id(), true);
    for (int i = 0; i < 5; i++) {
      throttle.failure(account.id());
    }
    assertThat(throttle.blockedUntil(account.id())).isPresent();
    return directory.findById(account.id()).orElseThrow();
  }

  private HelpdeskRequest contact(Account account, String reason) {
    return requests.contact(
        new ContactAdmin(
            account.tenantId(),
            account.id(),
            null,
            reason,
            new RequestOrigin("203.0.113.7", "UA")));
  }

  private Cookie as(String upn) throws Exception {
    return TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
  }

  private String page(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The HTML of one table row. */
  private static String row(String html, UUID requestId) {
    int start = html.indexOf("id=\"request-" + requestId + "\"");
    assertThat(start).as("row of request " + requestId).isPositive();
    return html.substring(start, html.indexOf("</tr>", start));
  }

  private List<AuditEvent> events(Account account, AuditActivity activity) {
    return audit
        .find(new AuditQuery(account.tenantId(), activity, null, account.upn(), null, null, 0, 50))
        .items();
  }

  @Test
  void openRequestShowsTheUserTheReasonAndTheAccountAsItIsNow() throws Exception {
    Account account = lockedAndBlocked();
    HelpdeskRequest request = contact(account, "blocked");

    String html = page(get(INBOX).param("size", "500").cookie(as("helpdesk@contoso.com")));

    assertThat(html).contains("<h1>Helpdesk requests</h1>");
    assertThat(html).contains("<caption>Open requests, newest first</caption>");
    assertThat(html).contains("<th scope=\"col\">Account now</th>");
    assertThat(html).containsPattern("id=\"tab-open\"[^>]*aria-current=\"page\"");
    String row = row(html, request.id());
    assertThat(row)
        .contains("href=\"/admin/users/" + account.id() + "\"")
        .contains(account.displayName())
        .contains(account.upn())
        .contains("Self-service password reset is blocked for the account after too many attempts.")
        .contains("203.0.113.7")
        .contains(">Locked<")
        .contains("Blocked from self-service reset until")
        .contains(">Not registered<")
        .contains(">Not enabled for self-service reset<")
        .contains("id=\"unlock-" + request.id() + "\"")
        .contains("id=\"handled-" + request.id() + "\"")
        .contains("name=\"_csrf\"");
  }

  @Test
  void unlockFromTheRowUnlocksLiftsTheBlockAndIsAudited() throws Exception {
    Account account = lockedAndBlocked();
    HelpdeskRequest request = contact(account, "blocked");

    mvc.perform(
            post(INBOX + "/{id}/unlock", request.id())
                .with(csrf())
                .cookie(as("helpdesk@contoso.com")))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(INBOX))
        .andExpect(flash().attribute("notice", "inbox.notice.unlocked"));

    assertThat(directory.findById(account.id()).orElseThrow().locked()).isFalse();
    assertThat(throttle.blockedUntil(account.id())).isEmpty();
    List<AuditEvent> unlocked = events(account, AuditActivity.UNLOCK_BY_ADMIN);
    assertThat(unlocked).hasSize(1);
    assertThat(unlocked.get(0).actorLabel()).isEqualTo("helpdesk@contoso.com");
    // Unlocking does not close the request: the operator decides when it is handled.
    assertThat(requests.find(account.tenantId(), request.id()).orElseThrow().handledAt()).isNull();
    String row =
        row(page(get(INBOX).param("size", "500").cookie(as("admin@contoso.com"))), request.id());
    assertThat(row)
        .contains(">Not locked<")
        .doesNotContain("Blocked from")
        .doesNotContain("unlock-");
  }

  @Test
  void markHandledMovesTheRequestToHandledWithTheOperatorOnceAudited() throws Exception {
    Account account = lockedAndBlocked();
    HelpdeskRequest request = contact(account, "not_registered");
    Cookie helpdesk = as("helpdesk@contoso.com");

    mvc.perform(post(INBOX + "/{id}/handled", request.id()).with(csrf()).cookie(helpdesk))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(INBOX))
        .andExpect(flash().attribute("notice", "inbox.notice.handled"));
    // A second operator a moment later changes nothing.
    mvc.perform(
            post(INBOX + "/{id}/handled", request.id())
                .with(csrf())
                .cookie(as("admin@contoso.com")))
        .andExpect(status().isFound());

    HelpdeskRequest handled = requests.find(account.tenantId(), request.id()).orElseThrow();
    assertThat(handled.status()).isEqualTo(HelpdeskRequests.Status.HANDLED);
    assertThat(handled.handledBy())
        .isEqualTo(directory.findByUserId("helpdesk@contoso.com").orElseThrow().id());
    List<AuditEvent> events = events(account, AuditActivity.HELPDESK_REQUEST_HANDLED);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).actorLabel()).isEqualTo("helpdesk@contoso.com");
    assertThat(events.get(0).reason()).isEqualTo("not_registered");
    assertThat(events.get(0).details()).containsEntry("requestId", request.id().toString());

    String open = page(get(INBOX).param("size", "500").cookie(helpdesk));
    assertThat(open).doesNotContain("request-" + request.id());
    String html = page(get(INBOX).param("status", "handled").param("size", "500").cookie(helpdesk));
    assertThat(html).contains("<caption>Handled requests, newest first</caption>");
    assertThat(html).contains("<th scope=\"col\">Handled by</th>");
    String row = row(html, request.id());
    assertThat(row)
        .contains("Helpdesk Operator (helpdesk@contoso.com)")
        .contains("datetime=\"" + handled.handledAt() + "\"")
        .doesNotContain("handled-" + request.id());
  }

  @Test
  void theApiMarkingHandledIsAuditedToo() throws Exception {
    Account account = lockedAndBlocked();
    HelpdeskRequest request = contact(account, "cannot_verify");

    mvc.perform(
            post("/api/v1/admin/helpdesk-requests/{id}/handled", request.id())
                .with(csrf())
                .cookie(as("admin@contoso.com")))
        .andExpect(status().isNoContent());

    List<AuditEvent> events = events(account, AuditActivity.HELPDESK_REQUEST_HANDLED);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).actorLabel()).isEqualTo("admin@contoso.com");
  }

  @Test
  void pageIsDutch() throws Exception {
    Account account = lockedAndBlocked();
    HelpdeskRequest request = contact(account, "not_registered");

    String html =
        page(
            get(INBOX).param("lang", "nl").param("size", "500").cookie(as("helpdesk@contoso.com")));

    assertThat(html).contains("<h1>Helpdeskverzoeken</h1>");
    assertThat(html).contains("Open verzoeken, nieuwste eerst").contains("Afgehandeld");
    assertThat(row(html, request.id()))
        .contains(">Vergrendeld<")
        .contains("Geblokkeerd voor selfservice-herstel tot")
        .contains(">Niet geregistreerd<")
        .contains(">Ontgrendelen<");
  }

  @Test
  void adminHomeShowsTheOpenCount() throws Exception {
    Cookie admin = as("admin@contoso.com");
    Account account = lockedAndBlocked();
    contact(account, "blocked");
    long open = requests.list(account.tenantId(), HelpdeskRequests.Status.OPEN, 0, 1).totalItems();

    String html = page(get("/admin").cookie(admin));

    assertThat(html).contains("href=\"/admin/helpdesk\"");
    assertThat(html).contains(open + " open request");
    assertThat(page(get("/admin").param("lang", "nl").cookie(admin)))
        .contains(open + " open verzoek");
  }

  @Test
  void pagesKeepTheStatusAndMalformedParametersFallBack() throws Exception {
    Cookie helpdesk = as("helpdesk@contoso.com");
    for (int i = 0; i < 3; i++) {
      contact(lockedAndBlocked(), "blocked");
    }
    String html = page(get(INBOX).param("size", "1").param("page", "1").cookie(helpdesk));
    assertThat(html)
        .contains("href=\"/admin/helpdesk?status=open&amp;size=1&amp;page=0\"")
        .contains("href=\"/admin/helpdesk?status=open&amp;size=1&amp;page=2\"");
    String fallback =
        page(
            get(INBOX)
                .param("status", "bogus")
                .param("page", "-4")
                .param("size", "x")
                .cookie(helpdesk));
    assertThat(fallback).contains("<caption>Open requests, newest first</caption>");
  }

  @Test
  void unknownAndOtherTenantsRequestsAreNotFound() throws Exception {
    String domain = "i" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
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
    directory.setLocked(foreign.id(), true);
    HelpdeskRequest theirs = contact(foreign, "blocked");
    Cookie helpdesk = as("helpdesk@contoso.com");

    for (String id : List.of(theirs.id().toString(), UUID.randomUUID().toString(), "nope")) {
      for (String action : List.of("handled", "unlock")) {
        mvc.perform(post(INBOX + "/" + id + "/" + action).with(csrf()).cookie(helpdesk))
            .andExpect(status().isNotFound());
      }
    }
    assertThat(directory.findById(foreign.id()).orElseThrow().locked()).isTrue();
    assertThat(requests.find(fabrikam.id(), theirs.id()).orElseThrow().handledAt()).isNull();
    assertThat(page(get(INBOX).param("size", "500").cookie(helpdesk)))
        .doesNotContain(theirs.id().toString());
  }
}
