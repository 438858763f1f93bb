package dev.rekey.captcha.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.captcha.Captcha;
import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.TestPropertySource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The CAPTCHA widget in real Chromium: fetched, solved in a Web Worker with crypto.subtle, the
 * payload accepted by {@link Captcha#redeem}; an early submit waits; a failed fetch is retried and
 * then explained; the pure-JavaScript SHA-256 fallback matches known answers and solves real
 * challenges. Until the reset portal exists, a test-only page hosts the widget.
 */
@BrowserTest
@Import(CaptchaJourneyTest.TestPage.class)
@TestPropertySource(
    properties = {
      "spring.application.name=rekey-captcha-browser-test",
      "rekey.captcha.max-number=20000"
    })
class CaptchaJourneyTest {

  static final String PAGE = "/dev/captcha-test";

  /** TEST ONLY: shows the widget in a form and redeems what the form sends. */
  @Controller
  static class TestPage {
    final Captcha captcha;
    final AtomicReference<@Nullable String> lastPayload = new AtomicReference<>();

    TestPage(Captcha captcha) {
      this.captcha = captcha;
    }

    @GetMapping(PAGE)
    String form() {
      return "captcha-test/form";
    }

    @PostMapping(PAGE)
    String submit(@RequestParam(required = false) @Nullable String captcha, Model model) {
      lastPayload.set(captcha);
      model.addAttribute("result", this.captcha.redeem(captcha) ? "accepted" : "refused");
      return "captcha-test/form";
    }
  }

  @LocalServerPort int port;
  @Autowired TestPage page;
  @Autowired Captcha captcha;

  static void waitFor(Browser browser, String script) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
  }

  static String status(Browser browser) {
    return browser.find("[data-captcha-status]").getText();
  }

  @Test
  void formIsSolvedInTheBackgroundAndAcceptedOnce() {
    try (Browser browser = new Browser(port, "en")) {
      browser.open(PAGE);
      waitFor(
          browser,
          "return document.querySelector('[data-captcha-widget]').dataset.state === 'done'");

      var live = browser.find("[data-captcha-status]");
      assertThat(live.getAttribute("role")).isEqualTo("status");
      assertThat(live.getAttribute("aria-live")).isEqualTo("polite");
      assertThat(status(browser)).isEqualTo("Done. You can continue.");
      assertThat(browser.find("input[name=captcha]").getAttribute("type")).isEqualTo("hidden");
      assertThat(browser.find("input[name=captcha]").getDomProperty("value")).isNotBlank();
      Object workerUsed =
          browser
              .driver()
              .executeScript(
                  "return performance.getEntriesByType('resource')"
                      + ".some(e => e.name.endsWith('/js/captcha-worker.js'))");
      assertThat(workerUsed).as("solved in a Web Worker (allowed by the CSP)").isEqualTo(true);
      browser.assertAccessible();
      browser.screenshot("captcha-done-en");

      browser.type("#name", "Alain").submit("#send");

      assertThat(browser.find("#result").getText()).isEqualTo("accepted");
      assertThat(captcha.redeem(page.lastPayload.get())).as("the same payload again").isFalse();
    }
  }

  @Test
  void submitBeforeTheWorkIsDoneWaitsAndThenSendsInDutch() {
    try (Browser browser = new Browser(port, "nl")) {
      // Slow network: the challenge arrives 1.5 s after the script asks, so the click comes first.
      browser.driver().executeCdpCommand("Network.enable", Map.of());
      browser
          .driver()
          .executeCdpCommand(
              "Network.emulateNetworkConditions",
              Map.of(
                  "offline", false,
                  "latency", 1500,
                  "downloadThroughput", -1,
                  "uploadThroughput", -1));
      browser.driver().get("http://localhost:" + port + PAGE);
      waitFor(
          browser,
          "return document.querySelector('[data-captcha-widget]').dataset.state === 'working'");
      assertThat(status(browser)).isEqualTo("Uw browser wordt gecontroleerd…");

      browser.find("#send").click();
      assertThat(browser.find("#captcha-form").getAttribute("aria-busy")).isEqualTo("true");
      assertThat(browser.findAll("#result")).as("held until solved").isEmpty();

      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(d -> !d.findElements(org.openqa.selenium.By.id("result")).isEmpty());
      assertThat(browser.find("#result").getText()).isEqualTo("accepted");
    }
  }

  @Test
  void failedFetchIsRetriedOnceThenExplained() {
    try (Browser browser = new Browser(port, "en")) {
      browser.driver().executeCdpCommand("Network.enable", Map.of());
      browser
          .driver()
          .executeCdpCommand(
              "Network.setBlockedURLs", Map.of("urls", List.of("*/api/v1/captcha*")));
      browser.driver().get("http://localhost:" + port + PAGE);
      waitFor(
          browser,
          "return document.querySelector('[data-captcha-widget]').dataset.state === 'retrying'");
      assertThat(status(browser)).isEqualTo("We couldn't check your browser. Trying again…");
      waitFor(
          browser,
          "return document.querySelector('[data-captcha-widget]').dataset.state === 'failed'");
      assertThat(status(browser))
          .isEqualTo("We couldn't check that you're a person. Reload the page and try again.");
      browser.assertAccessible();
      browser.screenshot("captcha-failed-en");

      browser.submit("#send");
      assertThat(browser.find("#result").getText()).as("the server decides").isEqualTo("refused");
    }
  }

  @Test
  void pureJavaScriptSha256MatchesKnownAnswersAndSolvesRealChallenges() {
    try (Browser browser = new Browser(port, "en")) {
      browser.open(PAGE);
      JavascriptExecutor js = browser.driver();
      String sha = "return RekeyCaptchaSolver.sha256Hex(arguments[0])";
      // FIPS 180-4 examples and hashes computed independently (Python hashlib).
      assertThat(js.executeScript(sha, "abc"))
          .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
      assertThat(js.executeScript(sha, ""))
          .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
      assertThat(js.executeScript(sha, "a".repeat(1000)))
          .isEqualTo("41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
      assertThat(js.executeScript(sha, "é€😀"))
          .isEqualTo("df9226927fd572c1ee66eec85de1bb139497614899f36e4e90474cb71f6ef9d0");
      assertThat(
              js.executeScript(
                  "for (var n = 0; n < 130; n++) {"
                      + " var m = 'x'.repeat(n);"
                      + " if (RekeyCaptchaSolver.sha256Hex(m) !== arguments[0][n]) return n; }"
                      + " return -1;",
                  paddingBoundaryHashes()))
          .as("every length across the padding boundaries")
          .isEqualTo(-1L);

      browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      Object payload =
          js.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + "fetch('/api/v1/captcha').then(r => r.json()).then(c =>"
                  + " RekeyCaptchaSolver.solve(c.challenge, c.salt, c.maxnumber, {pure: true})"
                  + " .then(n => done(btoa(JSON.stringify({algorithm: c.algorithm,"
                  + " challenge: c.challenge, number: n, salt: c.salt, signature: c.signature})))))"
                  + ".catch(e => done('error: ' + e));");
      assertThat(captcha.redeem((String) payload)).as("pure-JS solution redeemed").isTrue();
    }
  }

  static List<String> paddingBoundaryHashes() {
    return java.util.stream.IntStream.range(0, 130)
        .mapToObj(n -> dev.rekey.support.CaptchaSolver.sha256Hex("x".repeat(n)))
        .toList();
  }
}
