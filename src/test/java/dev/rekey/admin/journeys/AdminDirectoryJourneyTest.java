package dev.rekey.admin.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import dev.rekey.support.LdapTestDirectory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * An admin connects the demo tenant to an LDAP server in the browser: tests the connection, saves,
 * sees the values and "secret stored" again, gets a bad address explained at the field, and does it
 * all in Dutch on a 320 px wide screen. Its own context: the demo tenant gets a connection.
 */
@BrowserTest
@TestPropertySource(
    properties = {
      "spring.application.name=rekey-directory-journey-test",
      "rekey.directory.ldap.sync-enabled=false"
    })
class AdminDirectoryJourneyTest {

  static LdapTestDirectory ldap;

  @LocalServerPort int port;

  @BeforeAll
  static void startDirectory() throws Exception {
    ldap = new LdapTestDirectory();
    ldap.addUser("ada", "Ada", "Lovelace", "Ada-pass-2026");
    ldap.addGroup("staff", LdapTestDirectory.userDn("ada"));
  }

  @AfterAll
  static void stopDirectory() {
    if (ldap != null) {
      ldap.close();
    }
  }

  private static void signIn(Browser browser) {
    browser.open("/login");
    browser.type("#userId", "admin@contoso.com").type("#password", "Welcome-to-Rekey-1");
    browser.submit("button[type=submit]");
  }

  private static void fill(Browser browser) {
    new Select(browser.find("#flavour")).selectByValue("generic");
    browser.type("#urls", ldap.url());
    new Select(browser.find("#security")).selectByValue("none");
    browser.type("#bindDn", LdapTestDirectory.SERVICE_DN);
    browser.type("#bindSecret", LdapTestDirectory.SERVICE_PASSWORD);
    browser.type("#baseDn", LdapTestDirectory.BASE);
    browser.type("#userFilter", "(objectClass=inetOrgPerson)");
    new Select(browser.find("#userIdAttribute")).selectByValue("uid");
    new Select(browser.find("#groupMode")).selectByValue("search");
    browser.type("#groupBaseDn", "ou=groups," + LdapTestDirectory.BASE);
    browser.type("#groupFilter", "(objectClass=groupOfNames)");
  }

  private static List<String> outcomes(Browser browser) {
    return browser.findAll("#test-report li").stream()
        .map(li -> li.getAttribute("data-outcome"))
        .toList();
  }

  @Test
  void adminTestsSavesAndSeesTheConnectionThenInDutchOnASmallScreen() {
    try (Browser browser = new Browser(port, "en")) {
      signIn(browser);
      browser.open("/admin");
      browser.submit("#tile-directory");
      assertThat(browser.path()).isEqualTo("/admin/directory");
      assertThat(browser.find("#secret-state").getText()).isEqualTo("No secret stored");
      browser.screenshot("admin-directory-new-en");

      fill(browser);
      browser.submit("#test");
      assertThat(browser.find("#test-report h2").getText()).isEqualTo("The connection works.");
      assertThat(outcomes(browser)).isNotEmpty().allMatch("passed"::equals);
      assertThat(browser.find("#test-report").getText())
          .contains("Service account sign-in", "Passed", "The service account signed in.");
      // The secret never comes back into the page.
      assertThat(browser.find("#bindSecret").getAttribute("value")).isEmpty();
      assertThat(browser.driver().getPageSource())
          .doesNotContain(LdapTestDirectory.SERVICE_PASSWORD);
      browser.screenshot("admin-directory-test-en");

      browser.type("#bindSecret", LdapTestDirectory.SERVICE_PASSWORD);
      browser.submit("#save");
      assertThat(browser.find("#notice").getText())
          .isEqualTo("The directory connection was saved.");

      browser.open("/admin/directory");
      assertThat(browser.find("#urls").getAttribute("value")).isEqualTo(ldap.url());
      assertThat(browser.find("#bindDn").getAttribute("value"))
          .isEqualTo(LdapTestDirectory.SERVICE_DN);
      assertThat(
              new Select(browser.find("#groupMode")).getFirstSelectedOption().getAttribute("value"))
          .isEqualTo("search");
      assertThat(browser.find("#secret-state").getText()).isEqualTo("Secret stored");
      assertThat(browser.find("#bindSecret").getAttribute("value")).isEmpty();
      browser.screenshot("admin-directory-saved-en");

      // A bad address is explained at its field, and nothing is saved.
      browser.type("#urls", "ldap://ldap.example.org:389/dc=example");
      browser.submit("#save");
      WebElement urls = browser.find("#urls");
      assertThat(urls.getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(urls.getAttribute("aria-describedby")).contains("urls-error");
      assertThat(browser.find("#urls-error").getText()).contains("ldap://host:port");
      assertThat(browser.find("#error-summary a").getAttribute("href")).endsWith("#urls");
      browser.screenshot("admin-directory-error-en");
      browser.open("/admin/directory");
      assertThat(browser.find("#urls").getAttribute("value")).isEqualTo(ldap.url());
    }

    try (Browser browser = new Browser(port, "nl")) {
      browser.resize(320, 900);
      signIn(browser);
      browser.open("/admin/directory");
      assertThat(browser.find("h1").getText()).isEqualTo("Directoryverbinding");
      assertThat(browser.find("#secret-state").getText()).isEqualTo("Geheim opgeslagen");
      // No horizontal scrolling at 320 px (WCAG 2.2 SC 1.4.10 reflow).
      Object scroll = browser.driver().executeScript("return document.documentElement.scrollWidth");
      assertThat(((Number) scroll).intValue()).isLessThanOrEqualTo(320);
      browser.screenshot("admin-directory-nl-320");

      // The stored secret is used for the same server and account.
      browser.submit("#test");
      assertThat(browser.find("#test-report h2").getText()).isEqualTo("De verbinding werkt.");
      assertThat(outcomes(browser)).isNotEmpty().allMatch("passed"::equals);
      assertThat(browser.find("#test-report").getText()).contains("Geslaagd");
      browser.screenshot("admin-directory-test-nl-320");

      browser.open("/admin/directory");
      browser.submit("#remove");
      assertThat(browser.find("h1").getText()).isEqualTo("De directoryverbinding verwijderen?");
      browser.screenshot("admin-directory-remove-nl-320");
      browser.submit("#confirm-remove");
      assertThat(browser.find("#notice").getText())
          .isEqualTo("De directoryverbinding is verwijderd.");
      assertThat(browser.find("#secret-state").getText()).isEqualTo("Geen geheim opgeslagen");
    }
  }
}
