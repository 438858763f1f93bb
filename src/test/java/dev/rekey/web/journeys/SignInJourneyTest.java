package dev.rekey.web.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person signs in and out with a browser, in Dutch and in English, by keyboard and at 320 px. */
@BrowserTest
class SignInJourneyTest {

  @LocalServerPort int port;

  @Test
  void alainSignsInInDutchWithTheKeyboardAndSignsOut() {
    try (Browser browser = new Browser(port, "nl")) {
      browser.open("/login");
      assertThat(browser.find("h1").getText()).isEqualTo("Aanmelden");
      assertThat(browser.find("a[href='/reset']").getText())
          .isEqualTo("Hebt u geen toegang tot uw account?");
      browser.screenshot("signin-nl");

      browser.find("#userId").sendKeys("alain@contoso.com", Keys.TAB);
      browser.driver().switchTo().activeElement().sendKeys("Welcome-to-Rekey-1", Keys.ENTER);
      // Registration is required at sign-in and Alain has no security info: the wizard comes first.
      browser.waitForPath("/register");
      browser.assertAccessible();
      assertThat(browser.find("h1").getText()).isEqualTo("Uw account beveiligen");
      browser.screenshot("register-wizard-nl");
      browser.submit("#wizard-skip");
      assertThat(browser.find("h1").getText()).isEqualTo("Hallo, Alain Lambert");
      assertThat(browser.text()).contains("Beveiligingsgegevens", "Wachtwoord wijzigen");
      assertThat(browser.findAll("a[href='/admin']")).isEmpty();
      browser.screenshot("home-nl");

      browser.submit("form.signout button");
      assertThat(browser.path()).startsWith("/login");
      assertThat(browser.text()).contains("U bent afgemeld.");
    }
  }

  @Test
  void wrongPasswordShowsTheGenericErrorAndEmptyFieldsAreExplained() {
    try (Browser browser = new Browser(port, "en")) {
      browser.open("/login");
      browser.submit("button[type=submit]");
      assertThat(browser.find("#userId-error").getText()).isEqualTo("Enter your user ID.");
      assertThat(browser.find("#userId").getAttribute("aria-invalid")).isEqualTo("true");
      browser.screenshot("signin-errors-en");

      browser.type("#userId", "adele@contoso.com").type("#password", "not-her-password");
      browser.submit("button[type=submit]");
      assertThat(browser.find("#signin-error").getText())
          .isEqualTo("Your user ID or password is incorrect.");
    }
  }

  @Test
  void adminSeesTheAdminEntryAndThePageWorksAt320Pixels() {
    try (Browser browser = new Browser(port, "en")) {
      browser.resize(320, 800);
      browser.open("/login");
      browser.screenshot("signin-320px");
      browser.type("#userId", "admin@contoso.com").type("#password", "Welcome-to-Rekey-1");
      browser.submit("button[type=submit]");
      assertThat(browser.path()).isEqualTo("/register");
      browser.screenshot("register-wizard-320px");
      browser.submit("#wizard-skip");
      assertThat(browser.find("h1").getText()).isEqualTo("Hello, Contoso Admin");
      Object overflow =
          browser
              .driver()
              .executeScript(
                  "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
      assertThat(overflow).as("no horizontal scrolling at 320 px").isEqualTo(false);
      browser.screenshot("home-admin-320px");
      browser.open("/admin");
      assertThat(browser.find("h1").getText()).isEqualTo("Administration");
    }
  }
}
