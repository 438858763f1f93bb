package dev.rekey.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditResult;
import dev.rekey.audit.NewAuditEvent;
import dev.rekey.common.RequestOrigin;
import dev.rekey.support.Cookies;
import dev.rekey.support.RekeyTest;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@RekeyTest
class AuditPageTest {

  @Autowired MockMvc mvc;
  @Autowired AuditLog log;
  @Autowired Tenants tenants;
  @Autowired dev.rekey.support.TestClock clock;

  private Cookie signIn(String userId) throws Exception {
    var result =
        mvc.perform(
                post("/api/v1/session")
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"userId\":\"" + userId + "\",\"password\":\"Welcome-to-Rekey-1\"}"))
            .andExpect(status().isOk())
            .andReturn();
    return Cookies.session(result);
  }

  private String page(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String probe(AuditActivity activity, AuditResult result) {
    String userId = "page-" + UUID.randomUUID() + "@contoso.com";
    log.record(
        new NewAuditEvent(
            tenants.findByDomain("contoso.com").orElseThrow().id(),
            null,
            "anonymous",
            null,
            userId,
            activity,
            result,
            null,
            "too_many_codes",
            new RequestOrigin("203.0.113.1", "UA"),
            null,
            Map.of("note", "<b>x</b>")));
    return userId;
  }

  @Test
  void pageListsEventsInEnglish() throws Exception {
    Cookie admin = signIn("admin@contoso.com");
    String userId = probe(AuditActivity.BLOCKED_FROM_SSPR, AuditResult.BLOCKED);

    String html = page(get("/admin/audit").param("userId", userId).cookie(admin));

    assertThat(html).contains("<h1>Audit log</h1>");
    assertThat(html).contains("id=\"audit-table\"");
    assertThat(html).contains("Blocked from self-service password reset");
    assertThat(html).contains("badge badge--error").contains("too_many_codes");
    assertThat(html).contains("1 event");
    assertThat(html).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
    assertThat(html)
        .contains(
            "href=\"/api/v1/admin/audit?userId="
                + userId.replace("@", "%40")
                + "&amp;format=csv\"");
    String form = html.substring(html.indexOf("id=\"audit-filters\""));
    assertThat(form.substring(0, form.indexOf("</form>"))).doesNotContain("_csrf");
  }

  @Test
  void pageIsDutchWithTheEntraNameKeptVisible() throws Exception {
    Cookie admin = signIn("admin@contoso.com");
    String userId = probe(AuditActivity.RESET_PASSWORD_SELF_SERVICE, AuditResult.SUCCEEDED);

    String html =
        page(get("/admin/audit").param("userId", userId).param("lang", "nl").cookie(admin));

    assertThat(html).contains("<h1>Auditlogboek</h1>");
    assertThat(html).contains("Wachtwoord opnieuw instellen (selfservice)");
    assertThat(html).contains("(Reset password (self-service))");
    assertThat(html).contains("Geslaagd").contains("1 gebeurtenis").contains("CSV downloaden");
    assertThat(html).contains("Gebeurtenissen tonen").doesNotContain("Show events");
  }

  @Test
  void emptyResultShowsTheEmptyState() throws Exception {
    Cookie admin = signIn("admin@contoso.com");
    String html =
        page(get("/admin/audit").param("userId", "nobody-" + UUID.randomUUID()).cookie(admin));
    assertThat(html).contains("id=\"audit-empty\"").contains("No events match these filters.");
    assertThat(html).doesNotContain("id=\"audit-table\"");
  }

  @Test
  void badDateShowsAFieldErrorNotAServerError() throws Exception {
    Cookie admin = signIn("admin@contoso.com");

    String html =
        page(get("/admin/audit").param("from", "gisteren").param("lang", "nl").cookie(admin));

    assertThat(html).contains("id=\"from-error\"");
    assertThat(html).contains("Voer het begin in als datum");
    assertThat(html).contains("aria-describedby=\"from-error\"").contains("aria-invalid=\"true\"");
    assertThat(html).contains("value=\"gisteren\"");
    assertThat(html).doesNotContain("id=\"audit-table\"");
  }

  @Test
  void pagerKeepsTheFilters() throws Exception {
    Cookie admin = signIn("admin@contoso.com");
    for (int i = 0; i < 3; i++) {
      probe(AuditActivity.CONTACTED_ADMIN, AuditResult.CONTACTED_ADMIN);
    }
    String html =
        page(
            get("/admin/audit")
                .param("activity", "Contacted admin")
                .param("size", "1")
                .param("page", "1")
                .cookie(admin));
    assertThat(html).contains("id=\"audit-previous\"").contains("id=\"audit-next\"");
    assertThat(html).contains("/admin/audit?activity=Contacted+admin&amp;size=1&amp;page=0");
    assertThat(html).contains("/admin/audit?activity=Contacted+admin&amp;size=1&amp;page=2");
  }

  @Test
  void plainUserCannotSeeThePage() throws Exception {
    Cookie alain = signIn("alain@contoso.com");
    mvc.perform(get("/admin/audit").cookie(alain)).andExpect(status().isForbidden());
  }

  private String probeWith(
      AuditActivity activity, AuditResult result, String method, String userId) {
    log.record(
        new NewAuditEvent(
            tenants.findByDomain("contoso.com").orElseThrow().id(),
            null,
            "anonymous",
            null,
            userId,
            activity,
            result,
            method,
            null,
            new RequestOrigin("203.0.113.1", "UA"),
            null,
            Map.of()));
    return userId;
  }

  /** The ids of the events the page's table shows. */
  private static long rowsIn(String html) {
    return html.lines().filter(l -> l.contains("<tr id=\"event-")).count();
  }

  @Test
  void eachFilterOfThePageNarrowsTheTable() throws Exception {
    Cookie admin = signIn("admin@contoso.com");
    String userId = "page-filters-" + UUID.randomUUID() + "@contoso.com";
    probeWith(AuditActivity.SSPR_FLOW_PROGRESS, AuditResult.FAILED, "email", userId);
    probeWith(AuditActivity.SSPR_FLOW_PROGRESS, AuditResult.SUCCEEDED, "fido2", userId);
    probeWith(AuditActivity.UNLOCK_SELF_SERVICE, AuditResult.SUCCEEDED, "fido2", userId);
    String today =
        java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString();
    String[][] cases = {
      {"userId", userId.toUpperCase(java.util.Locale.ROOT), "3"},
      {"activity", "Unlock user account (self-service)", "1"},
      {"result", "Failed", "1"},
      {"method", "fido2", "2"},
      {"from", today, "3"},
      {"to", "2000-01-01", "0"},
    };
    for (String[] c : cases) {
      String html =
          page(
              (c[0].equals("userId")
                      ? get("/admin/audit").param("userId", c[1])
                      : get("/admin/audit").param("userId", userId).param(c[0], c[1]))
                  .cookie(admin));
      assertThat(rowsIn(html)).as(c[0] + "=" + c[1]).isEqualTo(Long.parseLong(c[2]));
    }
  }

  @Test
  void methodFilterIsAListKeptInTheCsvLinkAndThePager() throws Exception {
    Cookie admin = signIn("admin@contoso.com");
    String userId = "page-method-" + UUID.randomUUID() + "@contoso.com";
    probeWith(AuditActivity.SSPR_FLOW_PROGRESS, AuditResult.FAILED, "email", userId);
    probeWith(AuditActivity.SSPR_FLOW_PROGRESS, AuditResult.FAILED, "email", userId);

    String html =
        page(
            get("/admin/audit")
                .param("userId", userId)
                .param("method", "email")
                .param("size", "1")
                .cookie(admin));

    assertThat(html).contains("<label for=\"method\">Method</label>");
    assertThat(html)
        .contains("<option value=\"email\" selected=\"selected\">Alternate email</option>");
    assertThat(html).contains("<option value=\"password\">Password</option>");
    String user = userId.replace("@", "%40");
    assertThat(html)
        .contains(
            "href=\"/api/v1/admin/audit?userId=" + user + "&amp;method=email&amp;format=csv\"")
        .contains("/admin/audit?userId=" + user + "&amp;method=email&amp;size=1&amp;page=1");
    assertThat(rowsIn(html)).isEqualTo(1);
    String dutch =
        page(get("/admin/audit").param("method", "phone").param("lang", "nl").cookie(admin));
    assertThat(dutch).contains("<label for=\"method\">Methode</label>");
  }

  @Test
  void unknownMethodShowsAFieldError() throws Exception {
    Cookie admin = signIn("admin@contoso.com");
    String html = page(get("/admin/audit").param("method", "pigeon").cookie(admin));
    assertThat(html).contains("id=\"method-error\"").contains("Choose a method from the list.");
    assertThat(html).contains("aria-describedby=\"method-error\"");
    assertThat(html).doesNotContain("id=\"audit-table\"");
  }
}
