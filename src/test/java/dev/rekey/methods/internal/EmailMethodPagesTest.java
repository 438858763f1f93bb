package dev.rekey.methods.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The alternate-email pages: accessible errors in both languages, resend, give-up after 5. */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-email-test")
class EmailMethodPagesTest {

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;

  Cookie session;
  String alternate;

  @BeforeEach
  void freshUser() throws Exception {
    String upn = TestSessions.freshUpn("emailpage");
    var account =
        TestSessions.createAccount(
            tenants, directory, upn, TestSessions.DEMO_PASSWORD, false, Role.USER);
    groups.addAccount(
        groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id(), account.id());
    session = TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
    alternate = "page-" + UUID.randomUUID().toString().substring(0, 8) + "@fabrikam.example";
  }

  @Test
  void aTenantAddressIsShownAsAFieldErrorInDutch() throws Exception {
    String page =
        mvc.perform(
                post("/security-info/email/send")
                    .with(csrf())
                    .cookie(session)
                    .header("Accept-Language", "nl")
                    .param("emailAddress", "me@Sub.Contoso.com"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("id=\"emailAddress-error\"")
        .contains("aria-invalid=\"true\"")
        .contains("aria-describedby=\"emailAddress-hint emailAddress-error\"")
        .contains("U kunt geen adres van uw organisatie (contoso.com) gebruiken")
        .contains("value=\"me@Sub.Contoso.com\"");
  }

  @Test
  void theFormStartsEmptyAndAMalformedAddressIsExplained() throws Exception {
    String form =
        mvc.perform(post("/security-info/email").with(csrf()).cookie(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("id=\"emailAddress\"", "id=\"send-code\"")
        .doesNotContain("field__error");
    String page =
        mvc.perform(
                post("/security-info/email/send")
                    .with(csrf())
                    .cookie(session)
                    .param("emailAddress", "not an address"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Enter an email address in the form name@example.com");
  }

  @Test
  void resendThenTheNewCodeAddsTheAddress() throws Exception {
    String page = send();
    assertThat(page).contains("We sent a code to p•••@fabrikam.example", "id=\"resend-code\"");
    String id = pendingId(page);
    clock.advance(Duration.ofMinutes(6));
    String expired = confirm(id, code(), null);
    assertThat(expired).contains("That code has expired", "id=\"code-error\"");
    String resent = confirm(id, null, "resend");
    assertThat(resent).contains("We sent a new code to p•••@fabrikam.example");
    mvc.perform(
            post("/security-info/email/" + id).with(csrf()).cookie(session).param("code", code()))
        .andExpect(redirectedUrl("/security-info"))
        .andExpect(flash().attribute("notice", "methods.email.added"));
  }

  @Test
  void fiveWrongCodesSendTheUserBackToStartAgain() throws Exception {
    String id = pendingId(send());
    String wrong = code().equals("12345678") ? "87654321" : "12345678";
    for (int i = 1; i < 5; i++) {
      assertThat(confirm(id, wrong, null)).contains("That code is not right");
    }
    mvc.perform(
            post("/security-info/email/" + id).with(csrf()).cookie(session).param("code", wrong))
        .andExpect(redirectedUrl("/security-info"))
        .andExpect(flash().attribute("notice", "methods.email.tooMany"));
  }

  private String send() throws Exception {
    return mvc.perform(
            post("/security-info/email/send")
                .with(csrf())
                .cookie(session)
                .param("emailAddress", alternate))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String confirm(String id, String code, String action) throws Exception {
    var request = post("/security-info/email/" + id).with(csrf()).cookie(session);
    if (code != null) {
      request.param("code", code);
    }
    if (action != null) {
      request.param("action", action);
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static String pendingId(String page) {
    Matcher m = Pattern.compile("/security-info/email/([0-9a-f-]{36})").matcher(page);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private String code() {
    String body =
        jdbc.sql("SELECT body FROM outbox_message WHERE recipient = ? ORDER BY id DESC")
            .param(alternate)
            .query(String.class)
            .list()
            .get(0);
    Matcher m = Pattern.compile("\\b(\\d{8})\\b").matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
