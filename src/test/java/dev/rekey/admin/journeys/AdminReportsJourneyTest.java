package dev.rekey.admin.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin opens the reports, switches to 7 days, reads the charts and downloads the CSV. */
@BrowserTest
class AdminReportsJourneyTest {

  @LocalServerPort int port;

  @Test
  void adminViewsTheChartsAndDownloadsTheCsv() throws Exception {
    try (Browser browser = new Browser(port, "en")) {
      browser.open("/login");
      browser.type("#userId", "admin@contoso.com").type("#password", "Welcome-to-Rekey-1");
      browser.submit("button[type=submit]");
      browser.open("/admin");
      browser.submit("a[href='/admin/reports']");
      assertThat(browser.find("h1").getText()).isEqualTo("Reports");
      assertThat(browser.find("#period-7d").getAttribute("aria-current")).isEqualTo("page");
      browser.submit("#period-24h");
      assertThat(browser.find("#period-24h").getAttribute("aria-current")).isEqualTo("page");
      assertThat(browser.find("#chart-resets-time-figure h3").getText())
          .isEqualTo("Resets per hour");
      browser.screenshot("admin-reports-24h-en");

      browser.submit("#period-7d");
      assertThat(browser.find("#period-7d").getAttribute("aria-current")).isEqualTo("page");
      assertThat(browser.find("#chart-resets-time-figure h3").getText())
          .isEqualTo("Resets per day");
      assertThat(browser.findAll("svg[role=img]")).hasSize(7);
      assertThat(browser.find("#chart-coverage title").getAttribute("textContent"))
          .isEqualTo("Registered and not registered users");
      // The numbers behind a chart, for screen readers and anyone who prefers a table.
      browser.find("#chart-coverage-figure summary").click();
      assertThat(browser.find("#chart-coverage-table").getText())
          .contains("Registered", "Not registered");
      browser.assertAccessible();
      browser.screenshot("admin-reports-7d-en");

      String href = browser.find("#csv-resets").getAttribute("href");
      assertThat(href).endsWith("/api/v1/admin/reports/resets?period=7d&format=csv");
      Cookie session = browser.driver().manage().getCookieNamed("REKEY_SESSION");
      HttpResponse<String> csv =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(href))
                      .header("Cookie", "REKEY_SESSION=" + session.getValue())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
      assertThat(csv.body()).startsWith("section,key,value\r\ntotals,period,7d\r\n");

      // At 320 px the charts shrink with the page: nothing scrolls sideways.
      browser.resize(320, 900);
      browser.open("/admin/reports?period=30d");
      Object overflow =
          ((JavascriptExecutor) browser.driver())
              .executeScript(
                  "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
      assertThat(overflow).isEqualTo(false);
      browser.screenshot("admin-reports-30d-320px-en");
    }
  }

  @Test
  void helpdeskReadsTheReportsInDutch() {
    try (Browser browser = new Browser(port, "nl")) {
      browser.open("/login");
      browser.type("#userId", "helpdesk@contoso.com").type("#password", "Welcome-to-Rekey-1");
      browser.submit("button[type=submit]");
      browser.open("/admin/reports");
      assertThat(browser.find("h1").getText()).isEqualTo("Rapporten");
      assertThat(browser.find("#period-30d").getText()).isEqualTo("30 dagen");
      browser.screenshot("helpdesk-reports-nl");
    }
  }
}
