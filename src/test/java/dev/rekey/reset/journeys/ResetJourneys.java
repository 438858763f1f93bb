package dev.rekey.reset.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.methods.totp.TotpSecrets;
import dev.rekey.methods.totp.TotpVerifier;
import dev.rekey.support.Browser;
import dev.rekey.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Steps the reset journeys share: signing in, adding an app in the wizard, starting a reset. */
final class ResetJourneys {

  private static final Pattern EIGHT_DIGITS = Pattern.compile("\\b(\\d{8})\\b");

  private ResetJourneys() {}

  static void signIn(Browser browser, String userId, String password) {
    browser.open("/login");
    browser.type("#userId", userId).type("#password", password);
    browser.submit("button[type=submit]");
  }

  static void signOut(Browser browser) {
    browser.submit("form.signout button");
    assertThat(browser.path()).startsWith("/login");
  }

  /**
   * On the registration wizard (or any page with {@code #wizard-add-softwareOath}), adds an
   * authenticator app the way a person does: reads the secret the page shows and types a code.
   * Answers the secret.
   */
  static String addAppInWizard(Browser browser, TestClock clock) {
    assertThat(browser.path()).isEqualTo("/register");
    browser.submit("#wizard-add-softwareOath");
    browser.find("details summary").click();
    String secret = browser.find("#secret").getText();
    browser.type("#code", code(secret, clock));
    browser.submit("#confirm-app");
    assertThat(browser.path()).isEqualTo("/register");
    return secret;
  }

  /** The app's code for the next time step (a code is accepted once per step). */
  static String nextCode(String secret, TestClock clock) {
    clock.advance(Duration.ofSeconds(30));
    return code(secret, clock);
  }

  static String code(String secret, TestClock clock) {
    return TotpVerifier.codeAt(TotpSecrets.decode(secret), TotpVerifier.stepAt(clock.instant()));
  }

  /**
   * Opens {@code /reset} (with {@code query}, e.g. {@code ?lang=nl}), types the user ID, waits for
   * the background CAPTCHA and goes on with Next.
   */
  static void startReset(Browser browser, String query, String userId) {
    browser.open("/reset" + query);
    assertThat(browser.findAll("form[data-captcha] [data-captcha-widget]")).hasSize(1);
    browser.type("#userId", userId);
    waitForCaptcha(browser);
    browser.submit("#reset-next");
  }

  static void waitForCaptcha(Browser browser) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .until(
            d ->
                "done"
                    .equals(
                        ((JavascriptExecutor) d)
                            .executeScript(
                                "return document.querySelector('[data-captcha-widget]')"
                                    + ".getAttribute('data-state')")));
  }

  /** The texts of the verify page's method choices. */
  static List<String> methodChoices(Browser browser) {
    return browser.findAll("#reset-methods a").stream().map(e -> e.getText()).toList();
  }

  /** The last 8-digit code sent to an address through the outbox, as read from a mailbox. */
  static String lastCodeTo(JdbcClient jdbc, String recipient) {
    String body =
        jdbc.sql("SELECT body FROM outbox_message WHERE recipient = ? ORDER BY id DESC")
            .param(recipient.toLowerCase(Locale.ROOT))
            .query(String.class)
            .list()
            .get(0);
    Matcher m = EIGHT_DIGITS.matcher(body);
    assertThat(m.find()).as("a code in " + body).isTrue();
    return m.group(1);
  }

  /** The subjects of the mails the outbox holds for a recipient, oldest first. */
  static List<String> subjectsTo(JdbcClient jdbc, String recipient) {
    return jdbc.sql(
            "SELECT subject FROM outbox_message WHERE recipient = ? AND channel = 'email'"
                + " ORDER BY id")
        .param(recipient.toLowerCase(Locale.ROOT))
        .query(String.class)
        .list();
  }
}
