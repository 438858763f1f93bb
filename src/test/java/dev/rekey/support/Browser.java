package dev.rekey.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for browser journeys: screenshots under {@code target/screenshots/} and
 * an axe-core WCAG 2.2 AA check of every page a journey visits.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("REKEY_CHROMIUM", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER =
      Path.of(System.getenv().getOrDefault("REKEY_CHROMEDRIVER", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path profile;

  public Browser(int port, String language) {
    this.baseUrl = "http://localhost:" + port;
    try {
      this.profile = Files.createTempDirectory("rekey-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--lang=" + language,
        "--window-size=1280,900");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Opens a path and checks the page for accessibility violations. */
  public Browser open(String path) {
    driver.get(baseUrl + path);
    assertAccessible();
    return this;
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public Browser type(String css, String text) {
    WebElement element = find(css);
    element.clear();
    element.sendKeys(text);
    return this;
  }

  /** Clicks and waits for the next page, then checks it for accessibility violations. */
  public Browser submit(String css) {
    WebElement element = find(css);
    element.click();
    // The old document stays "complete" until the browser replaces it: wait for the clicked element
    // to go stale first, or the next step can race the navigation and look at the old page.
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.until(d -> isGone(element));
    wait.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    assertAccessible();
    return this;
  }

  /**
   * Whether an element's document has been replaced. Chromium reports a replaced node either as
   * stale or as "does not belong to the document"; both mean the navigation happened.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (WebDriverException replaced) {
      return true;
    }
  }

  /** Waits until the browser shows {@code path} (without query). */
  public Browser waitForPath(String path) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> path().equals(path) || path().startsWith(path + "?"));
    return this;
  }

  public String path() {
    String url = driver.getCurrentUrl();
    return url == null ? "" : url.substring(baseUrl.length());
  }

  public String text() {
    return find("body").getText();
  }

  public Browser resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    return this;
  }

  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs axe-core's WCAG 2.0/2.1/2.2 A and AA rules and fails on any violation. */
  @SuppressWarnings("unchecked")
  public void assertAccessible() {
    // Wait for the page to settle, then inject and run axe in one script, so a navigation can never
    // fall between the two.
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    Object result =
        driver.executeAsyncScript(
            axeSource()
                + ";\nconst done = arguments[arguments.length - 1];"
                + "window.axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ['"
                + " + v.nodes.map(n => n.target.join(' ')).join(', ') + ']')))"
                + ".catch(e => done(['axe failed: ' + e]));");
    assertThat((List<String>) result).as("axe-core violations on " + path()).isEmpty();
  }

  private static String axeSource() {
    try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
      if (in == null) {
        throw new IllegalStateException("axe-core WebJar missing: " + AXE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary profile left behind is harmless
    }
  }
}
