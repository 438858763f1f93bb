package dev.rekey.admin.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Role;
import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import dev.rekey.throttle.ResetThrottle;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A helpdesk operator finds a locked user, unlocks them (lifting the SSPR block too) and issues a
 * temporary password, shown once; the user signing in with it must change it first. Its own
 * context: it locks, blocks and resets accounts.
 */
@BrowserTest
@TestPropertySource(properties = "spring.application.name=rekey-users-journey")
class AdminUsersJourneyTest {

  @LocalServerPort int port;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;
  @Autowired ResetThrottle throttle;

  private Account lockedUser() {
    Account account =
        TestSessions.createAccount(
            tenants,
            directory,
            TestSessions.freshUpn("pat"),
            TestSessions.DEMO_PASSWORD,
            false,
            Role.USER);
    directory.setLocked(account.id(), true);
    for (int i = 0; i < 5; i++) {
      throttle.failure(account.id());
    }
    assertThat(throttle.blockedUntil(account.id())).isPresent();
    return account;
  }

  private static void signIn(Browser browser, String userId, String password) {
    browser.open("/login");
    browser.type("#userId", userId).type("#password", password);
    browser.submit("button[type=submit]");
  }

  @Test
  void helpdeskUnlocksALockedUserAndIssuesATemporaryPassword() {
    Account pat = lockedUser();
    String temporary;
    try (Browser browser = new Browser(port, "en")) {
      signIn(browser, "helpdesk@contoso.com", TestSessions.DEMO_PASSWORD);
      browser.open("/admin");
      browser.submit("a[href$='/admin/users']");
      assertThat(browser.find("h1").getText()).isEqualTo("Users");

      new Select(browser.find("#status")).selectByValue("locked");
      browser.type("#query", pat.upn().substring(0, 12));
      browser.submit("#users-apply");
      assertThat(browser.find("#users-count").getText()).isEqualTo("1 user");
      assertThat(browser.find("#users-table").getText())
          .contains(pat.upn(), "Locked", "Blocked from password reset");
      browser.screenshot("admin-users-search-en");

      browser.submit("#user-" + pat.id() + " a");
      assertThat(browser.find("#fact-locked").getText()).isEqualTo("Yes");
      assertThat(browser.find("#fact-blocked").getText()).startsWith("Yes, until");
      browser.screenshot("admin-user-locked-en");

      browser.submit("#action-unlock");
      assertThat(browser.find("#notice").getText())
          .isEqualTo("The account is unlocked and any block from password reset is lifted.");
      assertThat(browser.find("#fact-locked").getText()).isEqualTo("No");
      assertThat(browser.find("#fact-blocked").getText()).isEqualTo("No");

      browser.submit("#action-password");
      assertThat(browser.find("h1").getText()).isEqualTo("Reset this user's password?");
      browser.screenshot("admin-user-reset-confirm-en");
      browser.submit("#confirm-action");
      temporary = browser.find("#temporary-password").getText();
      assertThat(temporary).hasSize(16).matches("[A-HJ-NP-Za-km-np-z2-9]+");
      browser.screenshot("admin-user-temporary-password-en");

      browser.submit("#back-to-user");
      assertThat(browser.text()).doesNotContain(temporary);
      assertThat(browser.find("#fact-mustChange").getText()).isEqualTo("Yes");
      assertThat(browser.find("#history-table").getText())
          .contains("Reset password (by admin)", "Unlock user account (by admin)")
          .contains("helpdesk@contoso.com");
      assertThat(browser.findAll("#roles-form")).as("helpdesk cannot change roles").isEmpty();
      browser.screenshot("admin-user-history-en");
    }
    assertThat(directory.findById(pat.id()).orElseThrow().locked()).isFalse();
    assertThat(throttle.blockedUntil(pat.id())).isEmpty();

    try (Browser browser = new Browser(port, "en")) {
      signIn(browser, pat.upn(), temporary);
      browser.waitForPath("/change-password");
      browser.open("/security-info");
      browser.waitForPath("/change-password");
      browser.screenshot("admin-user-must-change-en");
      browser.type("#currentPassword", temporary);
      browser.type("#newPassword", "Quiet-Harbour-Lantern-42");
      browser.type("#confirmPassword", "Quiet-Harbour-Lantern-42");
      browser.submit("main button[type=submit]");
      browser.waitForPath("/");
    }
    assertThat(directory.findById(pat.id()).orElseThrow().mustChangePassword()).isFalse();
  }

  @Test
  void anAdminSeesTheUsersAndTheRolesInDutchAt320Pixels() {
    try (Browser browser = new Browser(port, "nl")) {
      signIn(browser, "admin@contoso.com", TestSessions.DEMO_PASSWORD);
      browser.resize(320, 800);
      browser.open("/admin/users?method=softwareOath");
      assertThat(browser.find("h1").getText()).isEqualTo("Gebruikers");
      assertThat(browser.find("#users-table").getText()).contains("megan@contoso.com");
      browser.screenshot("admin-users-nl-320");
      browser.submit("#users-table a[href*='/admin/users/']");
      assertThat(browser.find("#methods-table").getText())
          .contains("Verificatie-app", "Alternatief e-mailadres")
          .doesNotContain("megan@fabrikam.example");
      assertThat(browser.find("#roles-form").isDisplayed()).isTrue();
      browser.screenshot("admin-user-nl-320");
    }
  }
}
