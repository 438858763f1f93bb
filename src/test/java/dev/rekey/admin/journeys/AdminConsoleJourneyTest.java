package dev.rekey.admin.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.helpdesk.HelpdeskRequest;
import dev.rekey.helpdesk.HelpdeskRequests;
import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The console from end to end: an admin changes the policy and sees it take effect in the reset
 * portal and in the audit log (and its CSV); a helpdesk operator takes a "contact an administrator"
 * request from the inbox to handled. Its own context: it changes the policy and the demo users.
 */
@BrowserTest
@TestPropertySource(properties = "spring.application.name=rekey-inbox-journey")
class AdminConsoleJourneyTest {

  static final String PASSWORD = "Welcome-to-Rekey-1";

  @LocalServerPort int port;
  @Autowired AccountDirectory directory;
  @Autowired HelpdeskRequests requests;

  private static void signIn(Browser browser, String userId) {
    browser.open("/login");
    browser.type("#userId", userId).type("#password", PASSWORD);
    browser.submit("button[type=submit]");
  }

  /** Types the user ID on {@code /reset}, waits for the background CAPTCHA and goes on. */
  private static void startReset(Browser browser, String userId) {
    browser.open("/reset");
    browser.type("#userId", userId);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .until(
            d ->
                "done"
                    .equals(
                        ((JavascriptExecutor) d)
                            .executeScript(
                                "return document.querySelector('[data-captcha-widget]')"
                                    + ".getAttribute('data-state')")));
    browser.submit("#reset-next");
  }

  @Test
  void adminOpensResetToEveryoneSeesItInThePortalAndTheAuditLogAndDownloadsTheCsv()
      throws Exception {
    try (Browser portal = new Browser(port, "en")) {
      startReset(portal, "diego@contoso.com");
      assertThat(portal.find("h1").getText())
          .isEqualTo("Your account is not enabled for password reset.");
    }

    try (Browser admin = new Browser(port, "en")) {
      signIn(admin, "admin@contoso.com");
      admin.open("/admin");
      admin.screenshot("admin-console-home-en");
      admin.open("/admin/policy");
      admin.find("#enabledFor-all").click();
      admin.submit("#save-policy");
      assertThat(admin.find("#notice").getText()).isEqualTo("Policy saved.");
      assertThat(admin.find("#enabledFor-all").isSelected()).isTrue();
      admin.screenshot("admin-console-policy-all-en");

      // Diego, outside the "SSPR users" group, is now in scope: no more seed error 2, but he has
      // registered nothing, so seed error 3.
      try (Browser portal = new Browser(port, "en")) {
        startReset(portal, "diego@contoso.com");
        assertThat(portal.find("h1").getText()).isEqualTo("We can't verify your account.");
        portal.screenshot("admin-console-reset-diego-en");
      }

      admin.open("/admin/audit");
      new Select(admin.find("#activity"))
          .selectByValue("Self-service password reset policy changes");
      admin.submit("#audit-apply");
      WebElement first = admin.find("#audit-table tbody tr");
      assertThat(first.getText())
          .contains("Self-service password reset policy changes", "admin@contoso.com");
      first.findElement(org.openqa.selenium.By.cssSelector("details summary")).click();
      String details = first.findElement(org.openqa.selenium.By.cssSelector("pre")).getText();
      assertThat(details).contains("before", "after", "enabledFor", "selected", "all");
      admin.screenshot("admin-console-audit-policy-en");

      String csvUrl = admin.find("#audit-csv").getAttribute("href");
      assertThat(csvUrl).contains("/api/v1/admin/audit?", "format=csv", "activity=");
      Cookie session = admin.driver().manage().getCookieNamed("REKEY_SESSION");
      HttpResponse<String> csv =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(csvUrl))
                      .header("Cookie", "REKEY_SESSION=" + session.getValue())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
      assertThat(csv.body())
          .startsWith("id,time,activity,result,actor,userId,method,reason,")
          .contains(",Self-service password reset policy changes,Succeeded,admin@contoso.com,")
          .doesNotContain("User signed in");
    }
  }

  @Test
  void helpdeskTakesAContactRequestFromTheInboxToHandled() {
    Account adele = directory.findByUserId("adele@contoso.com").orElseThrow();
    try (Browser portal = new Browser(port, "en")) {
      startReset(portal, "adele@contoso.com");
      assertThat(portal.find("h1").getText()).isEqualTo("We can't verify your account.");
      portal.submit("#contact-admin");
      assertThat(portal.find("h1").getText()).isEqualTo("We've contacted an administrator");
    }
    // Meanwhile she also locked her account by guessing her password at the sign-in page.
    directory.setLocked(adele.id(), true);
    HelpdeskRequest request =
        requests.list(adele.tenantId(), HelpdeskRequests.Status.OPEN, 0, 50).items().stream()
            .filter(r -> r.accountId().equals(adele.id()))
            .findFirst()
            .orElseThrow();
    String row = "#request-" + request.id();

    try (Browser helpdesk = new Browser(port, "en")) {
      signIn(helpdesk, "helpdesk@contoso.com");
      helpdesk.open("/admin");
      assertThat(helpdesk.find("#helpdesk-open").getText()).endsWith("open request");
      helpdesk.screenshot("admin-helpdesk-home-en");
      helpdesk.submit("#tile-helpdesk");
      assertThat(helpdesk.path()).isEqualTo("/admin/helpdesk");
      assertThat(helpdesk.find(row).getText())
          .contains(
              "Adele Vance",
              "adele@contoso.com",
              "The user has not registered enough security info to reset their password.",
              "Locked",
              "Not registered");
      assertThat(helpdesk.find(row + " a").getAttribute("href"))
          .endsWith("/admin/users/" + adele.id());
      helpdesk.screenshot("admin-helpdesk-inbox-en");

      helpdesk.submit("#unlock-" + request.id());
      assertThat(helpdesk.find("#notice").getText())
          .isEqualTo(
              "Adele Vance (adele@contoso.com) is unlocked and may reset their password again.");
      assertThat(directory.findById(adele.id()).orElseThrow().locked()).isFalse();
      assertThat(helpdesk.find(row).getText()).contains("Not locked");
      helpdesk.screenshot("admin-helpdesk-unlocked-en");

      helpdesk.submit("#handled-" + request.id());
      assertThat(helpdesk.find("#notice").getText())
          .isEqualTo("The request of Adele Vance (adele@contoso.com) is marked handled.");
      assertThat(helpdesk.findAll(row)).isEmpty();
      helpdesk.submit("#tab-handled");
      assertThat(helpdesk.find(row).getText())
          .contains("Adele Vance", "Helpdesk Operator (helpdesk@contoso.com)");
      helpdesk.screenshot("admin-helpdesk-handled-en");

      helpdesk.open("/admin/audit?userId=adele%40contoso.com");
      assertThat(helpdesk.find("#audit-table").getText())
          .contains(
              "Helpdesk request handled", "Unlock user account (by admin)", "Contacted admin");
      helpdesk.screenshot("admin-helpdesk-audit-en");
    }

    try (Browser helpdesk = new Browser(port, "nl")) {
      signIn(helpdesk, "helpdesk@contoso.com");
      helpdesk.open("/admin/helpdesk?status=handled");
      assertThat(helpdesk.find("h1").getText()).isEqualTo("Helpdeskverzoeken");
      assertThat(helpdesk.find(row).getText())
          .contains("Helpdesk Operator (helpdesk@contoso.com)", "Niet vergrendeld");
      helpdesk.screenshot("admin-helpdesk-handled-nl");
      helpdesk.resize(320, 800);
      helpdesk.open("/admin/helpdesk?status=handled");
      helpdesk.screenshot("admin-helpdesk-handled-320-nl");
    }
    assertThat(requests.find(adele.tenantId(), request.id()).orElseThrow().status())
        .isEqualTo(HelpdeskRequests.Status.HANDLED);
  }
}
