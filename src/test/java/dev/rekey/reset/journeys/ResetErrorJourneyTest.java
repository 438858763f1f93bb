package dev.rekey.reset.journeys;

import static dev.rekey.reset.journeys.ResetJourneys.startReset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The seed's three messages (SPEC §6), verbatim in English and Dutch, as the demo users Megan
 * (password not managed), Diego (not enabled) and Adele (not registered) meet them; an unknown user
 * sees exactly Adele's page. Changes nothing, so it shares the default browser context.
 */
@BrowserTest
class ResetErrorJourneyTest {

  // SPEC §6, verbatim: the title and the body of each page together make the seed's message.
  static final String EN_1 =
      "Please contact your administrator. We've detected that your user account password is not"
          + " managed by Rekey. As a result, we can't reset your password automatically. Contact"
          + " your IT staff for further help.";
  static final String NL_1 =
      "Neem contact op met de beheerder. We hebben ontdekt dat het wachtwoord van uw"
          + " gebruikersaccount niet door Rekey wordt beheerd. Hierdoor kunnen we uw wachtwoord"
          + " niet automatisch opnieuw instellen. Neem contact op met uw IT-medewerkers voor"
          + " verdere hulp.";
  static final String EN_2 =
      "Your account is not enabled for password reset. We're sorry, but your IT staff hasn't set"
          + " up your account for use with this service. If you'd like, we can contact an"
          + " administrator in your organization to reset your password for you.";
  static final String NL_2 =
      "Uw account is niet ingeschakeld voor het opnieuw instellen van het wachtwoord. Het spijt"
          + " ons, maar uw IT-medewerkers hebben uw account niet ingesteld voor gebruik met deze"
          + " service. Als u wilt, kunnen we contact opnemen met een beheerder in uw organisatie"
          + " om uw wachtwoord voor u opnieuw in te stellen.";
  static final String EN_3 =
      "We can't verify your account. If you'd like, we can contact an administrator in your"
          + " organization to reset your password for you.";
  static final String NL_3 =
      "We kunnen je account niet verifiëren. Als u wilt, kunnen we contact opnemen met een"
          + " beheerder in uw organisatie om uw wachtwoord voor u opnieuw in te stellen.";

  @LocalServerPort int port;

  @Test
  void seedErrorsInEnglish() {
    try (Browser browser = new Browser(port, "en")) {
      startReset(browser, "", "megan@contoso.com");
      assertRefusal(browser, "password_not_managed", "Please contact your administrator.", EN_1);
      assertThat(browser.findAll("#contact-admin")).as("error 1 offers no contact").isEmpty();
      browser.screenshot("reset-error1-en");

      startReset(browser, "", "diego@contoso.com");
      assertRefusal(
          browser, "not_enabled", "Your account is not enabled for password reset.", EN_2);
      assertThat(browser.find("#contact-admin").getText()).isEqualTo("Contact an administrator");
      browser.screenshot("reset-error2-en");

      startReset(browser, "", "adele@contoso.com");
      assertRefusal(browser, "not_registered", "We can't verify your account.", EN_3);
      assertThat(browser.find("#contact-admin").getText()).isEqualTo("Contact an administrator");
      String adele = page(browser);
      assertThat(browser.driver().getTitle()).isEqualTo("We can't verify your account. · Rekey");
      browser.screenshot("reset-error3-en");

      startReset(browser, "", "nobody-here@contoso.com");
      assertThat(page(browser)).as("an unknown user looks exactly like Adele").isEqualTo(adele);
      assertThat(browser.driver().getTitle()).isEqualTo("We can't verify your account. · Rekey");
      browser.screenshot("reset-error-unknown-en");
    }
  }

  @Test
  void seedErrorsInDutch() {
    try (Browser browser = new Browser(port, "nl")) {
      startReset(browser, "", "megan@contoso.com");
      assertRefusal(browser, "password_not_managed", "Neem contact op met de beheerder.", NL_1);
      assertThat(browser.findAll("#contact-admin")).isEmpty();
      browser.screenshot("reset-error1-nl");

      startReset(browser, "", "diego@contoso.com");
      assertRefusal(
          browser,
          "not_enabled",
          "Uw account is niet ingeschakeld voor het opnieuw instellen van het wachtwoord.",
          NL_2);
      assertThat(browser.find("#contact-admin").getText())
          .isEqualTo("Contact opnemen met een beheerder");
      browser.screenshot("reset-error2-nl");

      startReset(browser, "", "adele@contoso.com");
      assertRefusal(browser, "not_registered", "We kunnen je account niet verifiëren.", NL_3);
      assertThat(browser.find("#contact-admin").getText())
          .isEqualTo("Contact opnemen met een beheerder");
      String adele = page(browser);
      browser.screenshot("reset-error3-nl");

      startReset(browser, "", "niemand@contoso.com");
      assertThat(page(browser)).isEqualTo(adele);
      browser.screenshot("reset-error-unknown-nl");
    }
  }

  private static void assertRefusal(Browser browser, String code, String title, String message) {
    assertThat(browser.path()).isEqualTo("/reset");
    assertThat(browser.find("h1").getText()).isEqualTo(title);
    assertThat(browser.findAll("#refusal-" + code)).hasSize(1);
    String body = browser.find("#refusal-body").getText();
    assertThat(title + " " + body).isEqualTo(message);
    assertThat(browser.find("#refusal-" + code).getAttribute("role")).isEqualTo("alert");
  }

  /** Everything the page shows in its main card. */
  private static String page(Browser browser) {
    return browser.find("main").getText();
  }
}
