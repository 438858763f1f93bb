package dev.rekey.admin.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin changes the SSPR policy in the browser and finds the audit event of that change. */
@BrowserTest
class AdminPolicyJourneyTest {

  @LocalServerPort int port;

  @Test
  void adminChangesThePolicyAndSeesTheAuditEvent() {
    try (Browser browser = new Browser(port, "en")) {
      browser.open("/login");
      browser.type("#userId", "admin@contoso.com").type("#password", "Welcome-to-Rekey-1");
      browser.submit("button[type=submit]");
      browser.open("/admin");
      browser.screenshot("admin-home-en");
      browser.open("/admin/policy");
      assertThat(browser.find("#enabledFor-selected").isSelected()).isTrue();
      browser.screenshot("admin-policy-en");

      // A value out of range is explained at the field and nothing is saved.
      browser.type("#reconfirmDays", "999");
      browser.submit("#save-policy");
      assertThat(browser.find("#reconfirmDays-error").getText()).contains("730");
      assertThat(browser.find("#reconfirmDays").getAttribute("aria-invalid")).isEqualTo("true");
      browser.screenshot("admin-policy-error-en");

      browser.type("#reconfirmDays", "90");
      browser.submit("#save-policy");
      assertThat(browser.find("#notice").getText()).isEqualTo("Policy saved.");
      assertThat(browser.find("#reconfirmDays").getAttribute("value")).isEqualTo("90");

      browser.open("/admin/audit");
      new Select(browser.find("#activity"))
          .selectByValue("Self-service password reset policy changes");
      browser.submit("#audit-apply");
      String table = browser.find("#audit-table").getText();
      assertThat(table).contains("Self-service password reset policy changes", "admin@contoso.com");
      browser.screenshot("admin-audit-en");
    }
  }

  @Test
  void helpdeskSeesThePolicyReadOnlyInDutch() {
    try (Browser browser = new Browser(port, "nl")) {
      browser.open("/login");
      browser.type("#userId", "helpdesk@contoso.com").type("#password", "Welcome-to-Rekey-1");
      browser.submit("button[type=submit]");
      browser.open("/admin/policy");
      assertThat(browser.findAll("#save-policy")).isEmpty();
      assertThat(browser.find("#read-only").isDisplayed()).isTrue();
      browser.screenshot("helpdesk-policy-nl");
      browser.open("/admin/audit");
      assertThat(browser.find("h1").getText()).isEqualTo("Auditlogboek");
      browser.screenshot("helpdesk-audit-nl");
    }
  }
}
