package dev.rekey.methods.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.methods.totp.TotpSecrets;
import dev.rekey.methods.totp.TotpVerifier;
import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A fresh user with an authenticator app adds a security key named "YubiKey" in Chromium, with its
 * virtual authenticator (CTAP2 over USB, resident keys, user verification) standing in for the key.
 * The page's origin is http://localhost:&lt;random port&gt;, accepted because the RP ID is
 * localhost.
 */
@BrowserTest
class SecurityKeyJourneyTest {

  @LocalServerPort int port;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;

  @Test
  void aUserWithAnAppAddsASecurityKeyAndSeesItListed() {
    String upn = TestSessions.freshUpn("yubikey");
    Account account =
        TestSessions.createAccount(
            tenants, directory, upn, TestSessions.DEMO_PASSWORD, false, Role.USER);
    groups.addAccount(
        groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id(), account.id());

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
      browser.open("/login");
      browser.type("#userId", upn).type("#password", TestSessions.DEMO_PASSWORD);
      browser.submit("button[type=submit]");

      // Without another method, the security key page explains that one comes first.
      browser.open("/security-info");
      browser.submit("#add-fido2");
      assertThat(browser.find("#needs-other").getText()).contains("can't be your only method");
      browser.screenshot("security-key-needs-other");
      browser.submit("#back-to-security-info");

      // An authenticator app first.
      browser.submit("#add-softwareOath");
      browser.find("details summary").click();
      String secret = browser.find("#secret").getText();
      browser.type("#code", code(secret));
      browser.submit("#confirm-app");
      assertThat(browser.findAll("#registered-yes")).hasSize(1);

      // Adding the key needs a step-up with the app.
      browser.submit("#add-fido2");
      assertThat(browser.path()).startsWith("/security-info/verify");
      clock.advance(Duration.ofSeconds(30));
      browser.type("#code", code(secret));
      browser.submit("#verify-submit");
      browser.submit("#add-fido2");
      assertThat(browser.find("h1").getText()).isEqualTo("Add a security key");
      browser.screenshot("security-key-register");

      // An empty name is caught before the browser asks for the key.
      browser.find("#register-key").click();
      assertThat(browser.find("#key-name-error").getText()).isEqualTo("Enter a name for the key.");
      assertThat(browser.find("#key-name").getAttribute("aria-invalid")).isEqualTo("true");
      browser.assertAccessible();
      browser.screenshot("security-key-name-required");

      browser.type("#key-name", "YubiKey");
      browser.find("#register-key").click();
      browser.waitForPath("/security-info");
      browser.assertAccessible();
      assertThat(browser.find("#notice").getText()).isEqualTo("Your security key was added.");
      assertThat(browser.text()).contains("Security key", "YubiKey");
      assertThat(key.getCredentials()).hasSize(1);
      browser.screenshot("security-key-listed");

      // The same key again: the browser refuses (excludeCredentials) and the page says why.
      clock.advance(Duration.ofSeconds(30));
      browser.submit("#add-fido2");
      if (browser.path().startsWith("/security-info/verify")) {
        browser.type("#code", code(secret));
        browser.submit("#verify-submit");
        browser.submit("#add-fido2");
      }
      browser.type("#key-name", "YubiKey again");
      browser.find("#register-key").click();
      new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
          .until(d -> !browser.findAll("#webauthn-error p").isEmpty());
      assertThat(browser.find("#webauthn-error").getText())
          .isEqualTo("This security key is already registered to your account.");
      browser.assertAccessible();
      browser.screenshot("security-key-already-registered");

      // At 320 px wide the page still works.
      browser.resize(320, 800);
      browser.screenshot("security-key-register-320");
      browser.resize(1280, 900);

      // Later, the security key itself proves the user on the verify page (WebAuthn assertion).
      clock.advance(Duration.ofMinutes(11));
      browser.open("/security-info");
      String deletePath =
          java.net.URI.create(browser.find("a[id^='delete-']").getAttribute("href")).getPath();
      browser.open(deletePath);
      browser.submit("#confirm-delete");
      assertThat(browser.path()).startsWith("/security-info/verify");
      assertThat(browser.find("#webauthn-stepup").getText()).isEqualTo("Use my security key");
      browser.screenshot("security-key-stepup");
      browser.find("#webauthn-stepup").click();
      // Not just "contains /delete": the verify page's own address carries ?next=…/delete, and
      // matching it let the next step run before the step-up had navigated (a CI flake).
      browser.waitForPath(deletePath);
      browser.assertAccessible();
      browser.submit("#confirm-delete");
      assertThat(browser.find("#notice").getText()).isEqualTo("The method was deleted.");
    }
  }

  private String code(String secret) {
    return TotpVerifier.codeAt(TotpSecrets.decode(secret), TotpVerifier.stepAt(clock.instant()));
  }
}
