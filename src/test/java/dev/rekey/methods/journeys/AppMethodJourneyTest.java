package dev.rekey.methods.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.methods.totp.TotpSecrets;
import dev.rekey.methods.totp.TotpVerifier;
import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import dev.rekey.support.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Alain adds an authenticator app in Dutch (reading the secret the page shows, as an app would),
 * becomes registered, then deletes it after proving the app again.
 */
@BrowserTest
class AppMethodJourneyTest {

  @LocalServerPort int port;
  @Autowired TestClock clock;

  @Test
  void alainAddsAnAuthenticatorAppAndDeletesItInDutch() {
    try (Browser browser = new Browser(port, "nl")) {
      browser.open("/login");
      browser.type("#userId", "alain@contoso.com").type("#password", "Welcome-to-Rekey-1");
      browser.submit("button[type=submit]");
      // Sign-in interrupts with the registration wizard (the seed's flow).
      assertThat(browser.path()).isEqualTo("/register");
      assertThat(browser.find("h1").getText()).isEqualTo("Uw account beveiligen");
      assertThat(browser.findAll("#wizard-done")).isEmpty();
      browser.screenshot("wizard-start-nl");

      browser.submit("#wizard-add-softwareOath");
      assertThat(browser.find("h1").getText()).isEqualTo("Een verificatie-app toevoegen");
      assertThat(browser.find("#qr-code").getAttribute("src")).startsWith("data:image/png;base64,");
      browser.find("details summary").click();
      String secret = browser.find("#secret").getText();
      browser.screenshot("security-info-app-nl");

      browser.type("#code", "999999");
      browser.submit("#confirm-app");
      assertThat(browser.find("#code-error").getText()).startsWith("Die code klopt niet");

      browser.type("#code", code(secret));
      browser.submit("#confirm-app");
      assertThat(browser.path()).isEqualTo("/register");
      assertThat(browser.find("#notice").getText()).isEqualTo("Uw verificatie-app is toegevoegd.");
      assertThat(browser.find("#wizard-done").getText()).isEqualTo("Voltooien");
      browser.screenshot("wizard-complete-nl");
      browser.submit("#wizard-done");
      assertThat(browser.path()).isEqualTo("/");
      assertThat(browser.text()).contains("Uw beveiligingsgegevens zijn ingesteld.");

      browser.open("/security-info");
      assertThat(browser.findAll("#registered-yes")).hasSize(1);
      assertThat(browser.text()).contains("Verificatie-app", "Standaard");
      browser.screenshot("security-info-registered-nl");

      // Deleting needs proof of an existing method: the verify page, with the next code.
      browser.submit("a[id^='delete-']");
      assertThat(browser.find("h1").getText()).isEqualTo("Deze methode verwijderen?");
      browser.submit("#confirm-delete");
      assertThat(browser.path()).startsWith("/security-info/verify");
      browser.screenshot("security-info-verify-nl");
      clock.advance(Duration.ofSeconds(30));
      browser.type("#code", code(secret));
      browser.submit("#verify-submit");
      assertThat(browser.path()).contains("/delete");
      browser.submit("#confirm-delete");
      assertThat(browser.find("#notice").getText()).isEqualTo("De methode is verwijderd.");
      assertThat(browser.findAll("#methods-empty")).hasSize(1);
    }
  }

  private String code(String secret) {
    return TotpVerifier.codeAt(TotpSecrets.decode(secret), TotpVerifier.stepAt(clock.instant()));
  }
}
