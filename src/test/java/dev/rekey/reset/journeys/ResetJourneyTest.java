package dev.rekey.reset.journeys;

import static dev.rekey.reset.journeys.ResetJourneys.addAppInWizard;
import static dev.rekey.reset.journeys.ResetJourneys.lastCodeTo;
import static dev.rekey.reset.journeys.ResetJourneys.methodChoices;
import static dev.rekey.reset.journeys.ResetJourneys.nextCode;
import static dev.rekey.reset.journeys.ResetJourneys.signIn;
import static dev.rekey.reset.journeys.ResetJourneys.signOut;
import static dev.rekey.reset.journeys.ResetJourneys.startReset;
import static dev.rekey.reset.journeys.ResetJourneys.subjectsTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditQuery;
import dev.rekey.audit.AuditResult;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The reset portal in Chromium (SPEC §5): a reset with one method (Alain, in English, also at 320
 * px), an administrator with two methods (app, then alternate email; app, then security key), and a
 * locked user who only unlocks, in Dutch. Its own context: it changes Alain's password, locks
 * accounts and moves the clock.
 */
@BrowserTest
@TestPropertySource(properties = "spring.application.name=rekey-reset-journey")
class ResetJourneyTest {

  static final String NEW_PASSWORD = "velvet harbour lantern 73";

  @LocalServerPort int port;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  @Test
  void alainResetsHisPasswordWithHisAuthenticatorAppInEnglish() {
    try (Browser browser = new Browser(port, "en")) {
      signIn(browser, "alain@contoso.com", TestSessions.DEMO_PASSWORD);
      String secret = addAppInWizard(browser, clock);
      browser.submit("#wizard-done");
      assertThat(browser.path()).isEqualTo("/");
      signOut(browser);

      // "Can't access your account?" on the sign-in page leads to the portal.
      WebElement help = browser.find(".help-link a");
      assertThat(help.getText()).isEqualTo("Can't access your account?");
      browser.submit(".help-link a");
      assertThat(browser.path()).isEqualTo("/reset");
      assertThat(browser.find("h1").getText()).isEqualTo("Get back into your account");
      browser.type("#userId", "alain@contoso.com");
      ResetJourneys.waitForCaptcha(browser);
      assertThat(browser.find("[data-captcha-status]").getText())
          .isEqualTo("Done. You can continue.");
      browser.screenshot("reset-start-en");
      browser.submit("#reset-next");

      String flowPath = browser.path();
      assertThat(flowPath).matches("/reset/[0-9a-f-]{36}");
      assertThat(browser.find("h1").getText()).isEqualTo("Verify it's you");
      assertThat(browser.find("#verify-step").getText()).isEqualTo("Verification step 1 of 1");
      assertThat(methodChoices(browser))
          .containsExactly("Enter the code from my authenticator app");
      browser.screenshot("reset-verify-en");

      // At 320 px wide the verify page still works: no sideways scrolling, the choice is usable.
      browser.resize(320, 800);
      assertThat(noHorizontalScroll(browser)).isTrue();
      browser.assertAccessible();
      browser.screenshot("reset-verify-320");
      browser.submit("#reset-methods a");
      assertThat(browser.path()).startsWith(flowPath + "/methods/");
      assertThat(browser.find("#app-intro").getText())
          .isEqualTo("Enter the code displayed in your authenticator app.");
      assertThat(noHorizontalScroll(browser)).isTrue();
      browser.screenshot("reset-app-code-320");
      browser.resize(1280, 900);

      // A wrong code is explained at the field.
      browser.type("#code", "00000000");
      browser.submit("#verify-code");
      assertThat(browser.find("#method-error").getText())
          .isEqualTo("That code is not right, or it has expired. Try again.");
      assertThat(browser.find("#code").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(browser.find("#code").getAttribute("aria-describedby")).isEqualTo("method-error");
      browser.screenshot("reset-app-code-wrong-en");

      browser.type("#code", nextCode(secret, clock));
      browser.submit("#verify-code");
      assertThat(browser.path()).isEqualTo(flowPath);
      assertThat(browser.find("h1").getText()).isEqualTo("Choose a new password");

      // A weak password: the live meter lists the reasons in its aria-live region.
      WebElement meter = browser.find("#newPassword-meter");
      assertThat(meter.getAttribute("aria-live")).isEqualTo("polite");
      browser.type("#newPassword", "Contoso1");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
          .until(d -> !browser.findAll("#newPassword-meter .password-meter__reasons li").isEmpty());
      assertThat(meter.isDisplayed()).isTrue();
      assertThat(meter.getAttribute("data-acceptable")).isEqualTo("false");
      List<String> liveCodes =
          browser.findAll("#newPassword-meter .password-meter__reasons li").stream()
              .map(li -> li.getAttribute("data-code"))
              .toList();
      assertThat(liveCodes).contains("banned");
      List<String> liveReasons =
          browser.findAll("#newPassword-meter .password-meter__reasons li").stream()
              .map(WebElement::getText)
              .toList();
      assertThat(liveReasons)
          .contains(
              "Your new password contains words or names that are easy to guess, such as common"
                  + " passwords, your name or the name of your organisation. Add other words or"
                  + " characters.");
      assertThat(browser.find("#newPassword").getAttribute("aria-describedby"))
          .contains("newPassword-meter");
      browser.assertAccessible();
      browser.screenshot("reset-password-weak-en");

      // Submitted anyway: refused with the same reasons, linked to the field.
      browser.type("#confirmPassword", "Contoso1");
      browser.submit("#password-submit");
      assertThat(browser.path()).isEqualTo(flowPath + "/password");
      assertThat(browser.find("#error-summary p").getText())
          .isEqualTo("Please correct the highlighted fields.");
      // The summary links each reason to its field.
      assertThat(browser.find("#error-summary a").getAttribute("href")).endsWith("#newPassword");
      List<String> refused =
          browser.findAll("#newPassword-error p").stream().map(WebElement::getText).toList();
      assertThat(refused).containsExactlyInAnyOrderElementsOf(liveReasons);
      assertThat(browser.find("#newPassword").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(browser.find("#newPassword").getAttribute("aria-describedby"))
          .contains("newPassword-error");
      browser.screenshot("reset-password-refused-en");

      browser.type("#newPassword", NEW_PASSWORD).type("#confirmPassword", NEW_PASSWORD);
      browser.submit("#password-submit");
      assertThat(browser.find("h1").getText()).isEqualTo("Your password has been reset");
      assertThat(browser.find("#reset-done").getText())
          .isEqualTo("Your password has been reset. Sign in with your new password.");
      assertThat(browser.findAll("form.signout")).as("not signed in").isEmpty();
      browser.screenshot("reset-done-en");

      Account alain = directory.findByUserId("alain@contoso.com").orElseThrow();
      assertThat(outcomes(alain, AuditActivity.RESET_PASSWORD_SELF_SERVICE))
          .extracting(AuditEvent::result)
          .containsExactly(AuditResult.SUCCEEDED.label());
      assertThat(subjectsTo(jdbc, "alain@contoso.com")).contains("Your password was changed");

      // The old password no longer works; the new one does.
      browser.submit("#sign-in");
      assertThat(browser.path()).startsWith("/login");
      browser.type("#userId", "alain@contoso.com").type("#password", TestSessions.DEMO_PASSWORD);
      browser.submit("button[type=submit]");
      assertThat(browser.find("#signin-error").getText())
          .isEqualTo("Your user ID or password is incorrect.");
      signIn(browser, "alain@contoso.com", NEW_PASSWORD);
      assertThat(browser.path()).isEqualTo("/");
      assertThat(browser.findAll("form.signout")).hasSize(1);
    }
  }

  @Test
  void anAdministratorVerifiesWithTheAppAndThenTheAlternateEmail() {
    Account admin = newAccount("reset-admin", Role.ADMIN);
    String alternate = "ops-" + UUID.randomUUID().toString().substring(0, 6) + "@fabrikam.example";

    try (Browser browser = new Browser(port, "en")) {
      signIn(browser, admin.upn(), TestSessions.DEMO_PASSWORD);
      String secret = addAppInWizard(browser, clock);
      assertThat(browser.findAll("#wizard-done")).as("administrators need two methods").isEmpty();
      browser.submit("#wizard-add-email");
      stepUpIfAsked(browser, secret);
      // The step-up returns to the security info page: add the email from there.
      if (browser.findAll("#emailAddress").isEmpty()) {
        browser.submit("#add-email");
      }
      browser.type("#emailAddress", alternate);
      browser.submit("#send-code");
      browser.type("#code", lastCodeTo(jdbc, alternate));
      browser.submit("#confirm-email");
      browser.open("/register");
      browser.submit("#wizard-done");
      signOut(browser);

      startReset(browser, "", admin.upn());
      String flowPath = browser.path();
      assertThat(browser.find("#verify-step").getText()).isEqualTo("Verification step 1 of 2");
      // The alternate email is not offered before a stronger method is proven.
      assertThat(methodChoices(browser))
          .containsExactly("Enter the code from my authenticator app");
      browser.screenshot("reset-two-methods-step1-en");
      browser.submit("#reset-methods a");
      assertThat(browser.find("#verify-step").getText()).isEqualTo("Verification step 1 of 2");
      browser.type("#code", nextCode(secret, clock));
      browser.submit("#verify-code");

      assertThat(browser.path()).isEqualTo(flowPath);
      assertThat(browser.find("#verify-step").getText()).isEqualTo("Verification step 2 of 2");
      assertThat(methodChoices(browser))
          .containsExactly("Email my alternate email o•••@fabrikam.example");
      browser.screenshot("reset-two-methods-step2-en");
      browser.submit("#reset-methods a");
      assertThat(browser.find("#email-intro").getText())
          .isEqualTo("We'll send an email with a code to o•••@fabrikam.example.");
      assertThat(browser.find("#send-code").getText()).isEqualTo("Email me");
      browser.submit("#send-code");
      assertThat(browser.find("#code-sent").getText())
          .isEqualTo("We sent a code to o•••@fabrikam.example. It is valid for 5 minutes.");
      browser.screenshot("reset-email-code-en");
      browser.type("#code", lastCodeTo(jdbc, alternate));
      browser.submit("#verify-code");

      assertThat(browser.path()).isEqualTo(flowPath);
      assertThat(browser.find("h1").getText()).isEqualTo("Choose a new password");
      browser.type("#newPassword", NEW_PASSWORD).type("#confirmPassword", NEW_PASSWORD);
      browser.submit("#password-submit");
      assertThat(browser.find("h1").getText()).isEqualTo("Your password has been reset");

      // Every other administrator hears about it (policy "notify all admins").
      assertThat(subjectsTo(jdbc, "admin@contoso.com"))
          .contains("An administrator reset their password");
      assertThat(outcomes(admin, AuditActivity.RESET_PASSWORD_SELF_SERVICE))
          .extracting(AuditEvent::result)
          .containsExactly(AuditResult.SUCCEEDED.label());
      signIn(browser, admin.upn(), NEW_PASSWORD);
      assertThat(browser.path()).isEqualTo("/");
    }
  }

  @Test
  void anAdministratorVerifiesWithTheAppAndThenTheSecurityKey() {
    Account admin = newAccount("reset-key", Role.ADMIN);

    try (Browser browser = new Browser(port, "en")) {
      VirtualAuthenticator key =
          browser
              .driver()
              .addVirtualAuthenticator(
                  new VirtualAuthenticatorOptions()
                      .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                      .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                      .setHasResidentKey(true)
                      .setHasUserVerification(true)
                      .setIsUserVerified(true));
      signIn(browser, admin.upn(), TestSessions.DEMO_PASSWORD);
      String secret = addAppInWizard(browser, clock);
      browser.open("/security-info");
      browser.submit("#add-fido2");
      stepUpIfAsked(browser, secret);
      if (!browser.findAll("#add-fido2").isEmpty()) {
        browser.submit("#add-fido2");
      }
      browser.type("#key-name", "YubiKey");
      browser.find("#register-key").click();
      browser.waitForPath("/security-info");
      assertThat(key.getCredentials()).hasSize(1);
      signOut(browser);

      startReset(browser, "", admin.upn());
      String flowPath = browser.path();
      assertThat(browser.find("#verify-step").getText()).isEqualTo("Verification step 1 of 2");
      assertThat(methodChoices(browser))
          .containsExactlyInAnyOrder(
              "Enter the code from my authenticator app", "Use my security key YubiKey");
      browser.submit("#reset-methods a[id^='method-softwareOath']");
      browser.type("#code", nextCode(secret, clock));
      browser.submit("#verify-code");

      assertThat(browser.find("#verify-step").getText()).isEqualTo("Verification step 2 of 2");
      assertThat(methodChoices(browser)).containsExactly("Use my security key YubiKey");
      browser.submit("#reset-methods a");
      assertThat(browser.find("#webauthn-stepup").getText()).isEqualTo("Use my security key");
      browser.screenshot("reset-security-key-en");
      browser.find("#webauthn-stepup").click();
      new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
          .until(d -> !browser.findAll("#password-submit").isEmpty());
      browser.assertAccessible();
      assertThat(browser.path()).isEqualTo(flowPath);
      assertThat(browser.find("h1").getText()).isEqualTo("Choose a new password");
      browser.type("#newPassword", NEW_PASSWORD).type("#confirmPassword", NEW_PASSWORD);
      browser.submit("#password-submit");
      assertThat(browser.find("h1").getText()).isEqualTo("Your password has been reset");
      assertThat(directory.authenticate(admin.upn(), NEW_PASSWORD)).isPresent();
    }
  }

  @Test
  void aLockedUserOnlyUnlocksAndKeepsThePasswordInDutch() {
    Account user = newAccount("reset-locked", Role.USER);

    try (Browser browser = new Browser(port, "en")) {
      signIn(browser, user.upn(), TestSessions.DEMO_PASSWORD);
      String secret = addAppInWizard(browser, clock);
      browser.submit("#wizard-done");
      signOut(browser);
      directory.setLocked(user.id(), true);

      // Locked: the password alone no longer signs in.
      signIn(browser, user.upn(), TestSessions.DEMO_PASSWORD);
      assertThat(browser.path()).startsWith("/login");
      assertThat(browser.findAll("#signin-error")).hasSize(1);

      // ?lang=nl overrides the browser's English.
      startReset(browser, "?lang=nl", user.upn());
      assertThat(browser.find("h1").getText()).isEqualTo("Wat hebt u nodig?");
      assertThat(browser.find("legend").getText())
          .isEqualTo("Uw account is vergrendeld. Wat hebt u nodig?");
      assertThat(browser.find("label[for=intent-reset]").getText())
          .isEqualTo("Ik ben mijn wachtwoord vergeten");
      assertThat(browser.find("label[for=intent-unlock]").getText())
          .isEqualTo("Ik weet mijn wachtwoord, maar kan me nog steeds niet aanmelden");
      browser.screenshot("reset-choose-nl");

      // Next without a choice is explained.
      browser.submit("#choose-next");
      assertThat(browser.find("#choose-error").getText()).isEqualTo("Kies een van de opties.");
      browser.screenshot("reset-choose-required-nl");

      browser.find("#intent-unlock").click();
      browser.submit("#choose-next");
      assertThat(browser.find("h1").getText()).isEqualTo("Bevestig dat u het bent");
      assertThat(browser.find("#verify-step").getText()).isEqualTo("Verificatiestap 1 van 1");
      assertThat(methodChoices(browser))
          .containsExactly("Voer de code van mijn verificator-app in");
      browser.screenshot("reset-verify-nl");
      browser.submit("#reset-methods a");
      browser.type("#code", nextCode(secret, clock));
      browser.submit("#verify-code");

      assertThat(browser.find("h1").getText()).isEqualTo("Uw account ontgrendelen");
      assertThat(browser.find("#unlock-submit").getText()).isEqualTo("Mijn account ontgrendelen");
      browser.screenshot("reset-unlock-nl");
      browser.submit("#unlock-submit");
      assertThat(browser.find("h1").getText()).isEqualTo("Uw account is ontgrendeld");
      assertThat(browser.find("#reset-done").getText())
          .isEqualTo("Uw account is ontgrendeld. Meld u aan met uw huidige wachtwoord.");
      browser.screenshot("reset-unlocked-nl");

      assertThat(directory.findById(user.id()).orElseThrow().locked()).isFalse();
      assertThat(outcomes(user, AuditActivity.UNLOCK_SELF_SERVICE))
          .extracting(AuditEvent::result)
          .containsExactly(AuditResult.SUCCEEDED.label());
      assertThat(outcomes(user, AuditActivity.RESET_PASSWORD_SELF_SERVICE)).isEmpty();

      // The old password signs in again.
      signIn(browser, user.upn(), TestSessions.DEMO_PASSWORD);
      assertThat(browser.path()).isEqualTo("/");
      assertThat(browser.findAll("form.signout")).hasSize(1);
    }
  }

  /** A new account in "SSPR users". */
  private Account newAccount(String prefix, Role role) {
    Account account =
        TestSessions.createAccount(
            tenants,
            directory,
            TestSessions.freshUpn(prefix),
            TestSessions.DEMO_PASSWORD,
            false,
            role);
    groups.addAccount(
        groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id(), account.id());
    return account;
  }

  /** Adding a second method asks to prove the first one (the security-info verify page). */
  private void stepUpIfAsked(Browser browser, String secret) {
    if (browser.path().startsWith("/security-info/verify")) {
      browser.type("#code", nextCode(secret, clock));
      browser.submit("#verify-submit");
    }
  }

  private List<AuditEvent> outcomes(Account account, AuditActivity activity) {
    return audit
        .find(new AuditQuery(account.tenantId(), activity, null, account.upn(), null, null, 0, 50))
        .items();
  }

  private static boolean noHorizontalScroll(Browser browser) {
    return Boolean.FALSE.equals(
        browser
            .driver()
            .executeScript(
                "return document.documentElement.scrollWidth"
                    + " > document.documentElement.clientWidth"));
  }
}
