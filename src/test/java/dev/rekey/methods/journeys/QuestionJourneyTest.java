package dev.rekey.methods.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.CustomQuestion;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * In a tenant that offers security questions, a new user answers three of them in Dutch: first a
 * mistake (the same question twice, a too-short answer), then the right way.
 */
@BrowserTest
@TestPropertySource(properties = "spring.application.name=rekey-questions-browser")
class QuestionJourneyTest {

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired SsprPolicies policies;

  @Test
  void aNewUserAnswersThreeSecurityQuestionsInDutch() {
    UUID tenant = tenants.findByDomain("contoso.com").orElseThrow().id();
    var before = policies.get(tenant);
    try {
      registerQuestions(tenant);
    } finally {
      // Other journeys share this tenant: put the policy back as it was.
      policies.update(
          tenant,
          SsprPolicyChanges.builder()
              .methodsAvailable(before.methodsAvailable())
              .predefinedQuestionIds(before.predefinedQuestionIds())
              .customQuestions(before.customQuestions())
              .build(),
          directory.findByUserId("admin@contoso.com").orElseThrow().id(),
          new RequestOrigin("127.0.0.1", "test"));
    }
  }

  private void registerQuestions(UUID tenant) {
    policies.update(
        tenant,
        SsprPolicyChanges.builder()
            .methodsAvailable(
                EnumSet.of(
                    AuthMethodType.SOFTWARE_OATH,
                    AuthMethodType.MOBILE_SMS,
                    AuthMethodType.SECURITY_QUESTIONS))
            .predefinedQuestionIds(List.of("q01", "q02", "q04", "q06", "q10"))
            .customQuestions(
                List.of(new CustomQuestion(null, "Wat was de naam van je eerste fiets?")))
            .build(),
        directory.findByUserId("admin@contoso.com").orElseThrow().id(),
        new RequestOrigin("127.0.0.1", "test"));
    String upn = TestSessions.freshUpn("vragen");
    Account account =
        TestSessions.createAccount(
            tenants, directory, upn, TestSessions.DEMO_PASSWORD, false, Role.USER);
    groups.addAccount(groups.findByName(tenant, "SSPR users").orElseThrow().id(), account.id());

    try (Browser browser = new Browser(port, "nl")) {
      browser.open("/login");
      browser.type("#userId", upn).type("#password", TestSessions.DEMO_PASSWORD);
      browser.submit("button[type=submit]");
      browser.open("/security-info");
      browser.submit("#add-securityQuestions");
      assertThat(browser.find("h1").getText().replace("\u00ad", ""))
          .isEqualTo("Beveiligingsvragen");
      assertThat(browser.find("label[for='question-0']").getText()).isEqualTo("Vraag 1");
      assertThat(browser.find("label[for='answer-2']").getText()).isEqualTo("Antwoord 3");
      assertThat(browser.findAll("select")).hasSize(3);
      assertThat(browser.find("#questions-hashed").getText()).contains("niemand kan ze lezen");
      browser.screenshot("questions-form-nl");

      choose(browser, 0, "q01", "Amsterdam");
      choose(browser, 1, "q01", "ab");
      chooseCustom(browser, 2, "Gazelle");
      browser.submit("#save-questions");
      assertThat(browser.find("#error-summary").getText())
          .isEqualTo("Verbeter de gemarkeerde velden.");
      assertThat(browser.find("#question-1-error").getText())
          .isEqualTo("Kies voor elk antwoord een andere vraag.");
      assertThat(browser.find("#answer-1-error").getText())
          .isEqualTo("Een antwoord moet minstens 3 tekens hebben.");
      assertThat(browser.find("#answer-1").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(new Select(browser.find("#question-2")).getFirstSelectedOption().getText())
          .isEqualTo("Wat was de naam van je eerste fiets?");
      browser.screenshot("questions-errors-nl");

      browser.resize(320, 900);
      browser.screenshot("questions-errors-nl-320");
      browser.resize(1280, 900);

      choose(browser, 1, "q04", "  'S-HERTOGENBOSCH ");
      browser.submit("#save-questions");
      assertThat(browser.path()).isEqualTo("/security-info");
      assertThat(browser.find("#notice").getText())
          .isEqualTo("Uw beveiligingsvragen zijn opgeslagen.");
      // The stored hint ("3 questions") is English; the Dutch page shows only the localised kind.
      assertThat(browser.text()).contains("Beveiligingsvragen").doesNotContain("3 questions");
      browser.screenshot("questions-saved-nl");
    }
  }

  private static void choose(Browser browser, int index, String questionId, String answer) {
    new Select(browser.find("#question-" + index)).selectByValue(questionId);
    browser.find("#answer-" + index).clear();
    browser.type("#answer-" + index, answer);
  }

  private static void chooseCustom(Browser browser, int index, String answer) {
    new Select(browser.find("#question-" + index))
        .selectByVisibleText("Wat was de naam van je eerste fiets?");
    browser.find("#answer-" + index).clear();
    browser.type("#answer-" + index, answer);
  }
}
