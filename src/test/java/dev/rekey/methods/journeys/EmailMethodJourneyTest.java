package dev.rekey.methods.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh user adds an alternate email in English: first a tenant address (refused), then a
 * personal one, reads the code from the outbox as from a mailbox, and sees the address masked.
 */
@BrowserTest
class EmailMethodJourneyTest {

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;

  @Test
  void aNewUserAddsAnAlternateEmailAndSeesItMasked() {
    String upn = TestSessions.freshUpn("journey-email");
    var account =
        TestSessions.createAccount(
            tenants, directory, upn, TestSessions.DEMO_PASSWORD, false, Role.USER);
    groups.addAccount(
        groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id(), account.id());
    String alternate = "sam-" + UUID.randomUUID().toString().substring(0, 6) + "@fabrikam.example";

    try (Browser browser = new Browser(port, "en")) {
      browser.open("/login");
      browser.type("#userId", upn).type("#password", TestSessions.DEMO_PASSWORD);
      browser.submit("button[type=submit]");
      browser.open("/security-info");
      browser.submit("#add-email");
      assertThat(browser.find("h1").getText()).isEqualTo("Add an alternate email address");
      browser.screenshot("security-info-email-address-en");

      browser.type("#emailAddress", "me@contoso.com");
      browser.submit("#send-code");
      assertThat(browser.find("#emailAddress-error").getText())
          .startsWith("You can't use an address at your organisation (contoso.com)");
      assertThat(browser.find("#emailAddress").getAttribute("aria-invalid")).isEqualTo("true");
      browser.screenshot("security-info-email-tenant-domain-en");

      browser.type("#emailAddress", alternate);
      browser.submit("#send-code");
      assertThat(browser.find("h1").getText()).isEqualTo("Enter the code");
      assertThat(browser.find("#code-sent").getText()).contains("s•••@fabrikam.example");

      browser.type("#code", "00000000");
      browser.submit("#confirm-email");
      assertThat(browser.find("#code-error").getText()).startsWith("That code is not right");
      browser.screenshot("security-info-email-code-en");

      browser.type("#code", codeSentTo(alternate));
      browser.submit("#confirm-email");
      assertThat(browser.path()).isEqualTo("/security-info");
      assertThat(browser.find("#notice").getText())
          .isEqualTo("Your alternate email address was added.");
      assertThat(browser.text()).contains("Alternate email", "s•••@fabrikam.example");
      assertThat(browser.text()).doesNotContain(alternate);
      browser.screenshot("security-info-email-added-en");
      browser.resize(320, 800);
      browser.screenshot("security-info-email-added-320");
    }
  }

  private String codeSentTo(String address) {
    String body =
        jdbc.sql("SELECT body FROM outbox_message WHERE recipient = ? ORDER BY id DESC")
            .param(address)
            .query(String.class)
            .list()
            .get(0);
    Matcher m = Pattern.compile("\\b(\\d{8})\\b").matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
