package dev.rekey.reset.journeys;

import static dev.rekey.reset.journeys.ResetJourneys.addAppInWizard;
import static dev.rekey.reset.journeys.ResetJourneys.nextCode;
import static dev.rekey.reset.journeys.ResetJourneys.signIn;
import static dev.rekey.reset.journeys.ResetJourneys.signOut;
import static dev.rekey.reset.journeys.ResetJourneys.startReset;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.DirectoryConnections;
import dev.rekey.directory.Groups;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import dev.rekey.support.LdapTestDirectory;
import dev.rekey.support.TestClock;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 6's journey in Chromium: a directory user (an LDAP server holds the password) signs in by
 * bind, registers an authenticator app, resets the password through the portal — the directory's
 * own policy refuses the first try and the page says why in words — and then binds to the directory
 * with the new password. In Dutch, an outage of the directory is explained and nothing changes.
 */
@BrowserTest
@TestPropertySource(properties = "spring.application.name=rekey-directory-journey")
class DirectoryResetJourneyTest {

  static final String PASSWORD = "Directory-pass-2026";
  static final String NEW_PASSWORD = "copper meadow violin 58";
  static LdapTestDirectory ldap;

  @LocalServerPort int port;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired DirectoryConnections connections;
  @Autowired SsprPolicies policies;

  @BeforeAll
  static void directoryServer() throws Exception {
    ldap = new LdapTestDirectory();
    ldap.addUser("dana", "Dana", "Hendriks", PASSWORD);
    ldap.addUser("joris", "Joris", "Mulder", PASSWORD);
    ldap.addGroup(
        "SSPR-Users", LdapTestDirectory.userDn("dana"), LdapTestDirectory.userDn("joris"));
  }

  @AfterAll
  static void stopServer() {
    ldap.close();
  }

  @BeforeEach
  void connected() {
    Tenant tenant =
        tenants
            .findByDomain(LdapTestDirectory.DOMAIN)
            .orElseGet(() -> tenants.create("Fabrikam", List.of(LdapTestDirectory.DOMAIN)));
    connections.save(tenant.id(), ldap.settings(), UUID.randomUUID());
    connections.synchronise(tenant.id());
    UUID group = groups.findByName(tenant.id(), "SSPR-Users").orElseThrow().id();
    policies.update(
        tenant.id(),
        SsprPolicyChanges.builder()
            .enabledFor(EnabledFor.SELECTED)
            .selectedGroup(group.toString())
            .requireRegistrationAtSignIn(true)
            .writebackEnabled(true)
            .build(),
        UUID.randomUUID(),
        RequestOrigin.system());
  }

  @Test
  void aDirectoryUserResetsTheDirectoryPasswordThroughThePortal() {
    try (Browser browser = new Browser(port, "en")) {
      // Sign-in is an LDAP bind; the registration wizard follows as for anyone.
      signIn(browser, "dana@fabrikam.example", PASSWORD);
      String secret = addAppInWizard(browser, clock);
      browser.screenshot("directory-registered-en");
      browser.submit("#wizard-done");
      assertThat(browser.path()).isEqualTo("/");
      assertThat(browser.text()).contains("Dana Hendriks");
      signOut(browser);

      startReset(browser, "", "dana@fabrikam.example");
      String flowPath = browser.path();
      assertThat(flowPath).matches("/reset/[0-9a-f-]{36}");
      browser.submit("#reset-methods a");
      browser.type("#code", nextCode(secret, clock));
      browser.submit("#verify-code");
      assertThat(browser.path()).isEqualTo(flowPath);
      assertThat(browser.find("h1").getText()).isEqualTo("Choose a new password");

      // The directory's own policy says no: the reason in words, at the field.
      ldap.refuseNextPasswordChange(DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_IN_HISTORY);
      browser.type("#newPassword", NEW_PASSWORD).type("#confirmPassword", NEW_PASSWORD);
      browser.submit("#password-submit");
      assertThat(browser.find("#newPassword-error").getText())
          .isEqualTo(
              "The directory of your organization refused this password: you used it recently"
                  + " there. Choose a different one.");
      assertThat(browser.find("#newPassword").getAttribute("aria-invalid")).isEqualTo("true");
      browser.screenshot("directory-refused-en");
      assertThat(ldap.binds("dana", PASSWORD)).as("nothing changed").isTrue();

      browser.type("#newPassword", NEW_PASSWORD).type("#confirmPassword", NEW_PASSWORD);
      browser.submit("#password-submit");
      assertThat(browser.find("h1").getText()).isEqualTo("Your password has been reset");
      browser.screenshot("directory-reset-done-en");

      // The directory itself now takes the new password, and only the new one.
      assertThat(ldap.binds("dana", NEW_PASSWORD)).isTrue();
      assertThat(ldap.binds("dana", PASSWORD)).isFalse();
      Account dana = directory.findByUserId("dana@fabrikam.example").orElseThrow();
      assertThat(dana.passwordAuthority()).isEqualTo(PasswordAuthority.DIRECTORY);

      signIn(browser, "dana@fabrikam.example", NEW_PASSWORD);
      assertThat(browser.path()).isEqualTo("/");
    }
  }

  @Test
  void whenTheDirectoryIsDownTheUserIsToldInDutchAndNothingChanges() throws Exception {
    try (Browser browser = new Browser(port, "nl")) {
      signIn(browser, "joris@fabrikam.example", PASSWORD);
      addAppInWizard(browser, clock);
      browser.submit("#wizard-done");
      signOut(browser);

      ldap.stop();
      try {
        startReset(browser, "?lang=nl", "joris@fabrikam.example");
        assertThat(browser.text())
            .contains(
                "Uw wachtwoord kan nu niet opnieuw worden ingesteld. Probeer het later opnieuw.");
        browser.screenshot("directory-unavailable-nl");

        signIn(browser, "joris@fabrikam.example", PASSWORD);
        assertThat(browser.find("#signin-error").getText())
            .isEqualTo(
                "We kunnen de directory van uw organisatie nu niet bereiken om uw wachtwoord te"
                    + " controleren. Probeer het later opnieuw.");
        browser.screenshot("directory-signin-unavailable-nl");
      } finally {
        ldap.start();
      }
      assertThat(ldap.binds("joris", PASSWORD)).isTrue();
    }
  }
}
