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
}
