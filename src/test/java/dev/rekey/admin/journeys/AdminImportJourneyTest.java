package dev.rekey.admin.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * An admin creates a group and a user, imports a CSV file with three good and two bad rows, watches
 * the progress bar reach 100 %, reads the two refused rows and finds the imported users counted in
 * the group.
 */
@BrowserTest
@TestPropertySource(properties = "spring.application.name=rekey-import-journey")
class AdminImportJourneyTest {

  @LocalServerPort int port;

  static void signIn(Browser browser, String userId) {
    browser.open("/login");
    browser.type("#userId", userId).type("#password", "Welcome-to-Rekey-1");
    browser.submit("button[type=submit]");
  }

  static String members(Browser browser, String group) {
    return browser.find("tr[data-group='" + group + "'] [data-members]").getText();
  }

  @Test
  void adminImportsUsersSeesProgressAndRowErrorsThenTheGroupCount() throws Exception {
    Path csv = Files.createTempFile("rekey-import", ".csv");
    Files.writeString(
        csv,
        "\uFEFFuserId,displayName,firstName,lastName,email,groups\r\n"
            + "nora@contoso.com,Nora Quist,Nora,Quist,nora@example.com,Import journey\r\n"
            + "omar@contoso.com,\"Omar, Jr.\",Omar,,,Import journey\r\n"
            + "not-a-user-id,Broken,,,,\r\n"
            + "piet@contoso.com,\"=HYPERLINK(\"\"x\"\")\",,,,Import journey;SSPR users\r\n"
            + "quinn@contoso.com,Quinn,,,,No such group\r\n",
        StandardCharsets.UTF_8);
    try (Browser browser = new Browser(port, "en")) {
      signIn(browser, "admin@contoso.com");
      browser.open("/admin");
      assertThat(browser.find("a[href='/admin/import']").getText()).contains("Import users");

      browser.open("/admin/groups");
      browser.submit("#create-group-submit");
      assertThat(browser.find("#name-error").getText()).isEqualTo("Enter a group name.");
      assertThat(browser.find("#name").getAttribute("aria-invalid")).isEqualTo("true");
      browser.type("#name", "Import journey");
      browser.submit("#create-group-submit");
      assertThat(browser.find("#notice").getText()).isEqualTo("Group \"Import journey\" created.");
      assertThat(members(browser, "Import journey")).isEqualTo("0");
      browser.screenshot("admin-groups-en");

      browser.open("/admin/users/new");
      browser.type("#userId", "rita@contoso.com").type("#displayName", "Rita Ruiz");
      browser.find("label[for='group-0']").click();
      browser.submit("#create-user");
      assertThat(browser.find("#created-userId").getText()).isEqualTo("rita@contoso.com");
      assertThat(browser.find("#temporary-password").getText()).hasSizeGreaterThanOrEqualTo(16);
      browser.screenshot("admin-user-created-en");

      browser.open("/admin/import");
      browser.screenshot("admin-import-en");
      browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
      browser.submit("#import-submit");
      assertThat(browser.path()).startsWith("/admin/import/");

      // The page's script polls the job and reloads when it is over; then the report is there.
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
          .until(d -> !d.findElements(By.id("import-errors")).isEmpty());
      browser.assertAccessible();
      WebElement bar = browser.find("#import-bar");
      assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max")).isEqualTo("5");
      assertThat(browser.find("#import-text").getText()).isEqualTo("5 of 5 lines processed (100%)");
      assertThat(browser.find("#import-counts").getText()).isEqualTo("3 imported, 2 skipped");
      assertThat(browser.find("#import-status").getText()).isEqualTo("Import finished");
      List<String> rows =
          browser.findAll("#import-errors tbody tr").stream().map(WebElement::getText).toList();
      assertThat(rows)
          .containsExactly(
              "4 userId This is not a user ID in the form name@domain.",
              "6 groups One of the groups does not exist. Create it first.");
      browser.screenshot("admin-import-report-en");

      browser.open("/admin/groups");
      assertThat(members(browser, "Import journey")).isEqualTo("4");
      browser.screenshot("admin-groups-counted-en");

      // Remove one imported user again; the count follows.
      new Select(browser.find("#memberGroup")).selectByVisibleText("Import journey");
      browser.type("#memberUserId", "piet@contoso.com");
      browser.submit("#member-remove");
      assertThat(browser.find("#notice").getText())
          .isEqualTo("piet@contoso.com removed from \"Import journey\".");
      assertThat(members(browser, "Import journey")).isEqualTo("3");
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  @Test
  void aHostileFileIsRefusedWithAClearMessageInDutch() throws Exception {
    Path binary = Files.createTempFile("rekey-import", ".csv");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    try (Browser browser = new Browser(port, "nl")) {
      signIn(browser, "admin@contoso.com");
      browser.open("/admin/import");
      assertThat(browser.find("h1").getText()).isEqualTo("Gebruikers importeren");
      browser.find("#file").sendKeys(binary.toAbsolutePath().toString());
      browser.submit("#import-submit");
      assertThat(browser.find("#file-error").getText())
          .isEqualTo(
              "Het bestand is geen UTF-8-tekst. Sla het op als \"CSV UTF-8\" en probeer het"
                  + " opnieuw.");
      assertThat(browser.find("#file").getAttribute("aria-invalid")).isEqualTo("true");
      browser.screenshot("admin-import-error-nl");
      browser.resize(320, 800);
      browser.open("/admin/groups");
      browser.screenshot("admin-groups-320-nl");
    } finally {
      Files.deleteIfExists(binary);
    }
  }

  @Test
  void aFileOverFiveMegabytesIsRefusedAtTheField() throws Exception {
    Path big = Files.createTempFile("rekey-import", ".csv");
    StringBuilder csv = new StringBuilder("userId,displayName,firstName,lastName,email,groups\n");
    while (csv.length() < 5_500_000) {
      csv.append("someone@contoso.com,Some One,,,,\n");
    }
    Files.writeString(big, csv, StandardCharsets.UTF_8);
    try (Browser browser = new Browser(port, "en")) {
      signIn(browser, "admin@contoso.com");
      browser.open("/admin/import");
      browser.find("#file").sendKeys(big.toAbsolutePath().toString());
      browser.submit("#import-submit");
      assertThat(browser.find("#file-error").getText())
          .isEqualTo("The file is larger than 5 MB. Split it into smaller files.");
      browser.screenshot("admin-import-too-large-en");
    } finally {
      Files.deleteIfExists(big);
    }
  }
}
