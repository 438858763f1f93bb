package dev.rekey.methods.internal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The security-questions pages: the form, errors tied to their fields, saving. */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-questions-test")
class QuestionPagesTest {

  @Autowired MockMvc mvc;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired SsprPolicies policies;

  Cookie session;

  @BeforeEach
  void questionsOfferedAndAFreshUser() throws Exception {
    UUID tenant = tenants.findByDomain("contoso.com").orElseThrow().id();
    policies.update(
        tenant,
        SsprPolicyChanges.builder()
            .methodsAvailable(
                EnumSet.of(AuthMethodType.SOFTWARE_OATH, AuthMethodType.SECURITY_QUESTIONS))
            .predefinedQuestionIds(List.of("q01", "q02", "q04", "q06"))
            .build(),
        directory.findByUserId("admin@contoso.com").orElseThrow().id(),
        new RequestOrigin("127.0.0.1", "test"));
    String upn = TestSessions.freshUpn("quizpage");
    Account account =
        TestSessions.createAccount(
            tenants, directory, upn, TestSessions.DEMO_PASSWORD, false, Role.USER);
    groups.addAccount(
        groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id(), account.id());
    session = TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
  }

  @Test
  void theSecurityInfoPageOffersQuestions() throws Exception {
    mvc.perform(get("/security-info").cookie(session).header("Accept-Language", "nl"))
        .andExpect(content().string(containsString("id=\"add-securityQuestions\"")))
        .andExpect(content().string(containsString("Beveiligingsvragen toevoegen")));
  }

  @Test
  void theFormHasLabelledPairsTheWarningAndTheHashedNote() throws Exception {
    mvc.perform(
            post("/security-info/questions")
                .with(csrf())
                .cookie(session)
                .header("Accept-Language", "nl"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("<label for=\"question-0\">Vraag 1</label>"),
                        containsString("<label for=\"answer-2\">Antwoord 3</label>"),
                        not(containsString("question-3")),
                        containsString("name=\"answers[1].questionId\""),
                        containsString("In welke plaats hebben uw ouders elkaar ontmoet?"),
                        containsString("id=\"questions-warning\""),
                        containsString("niemand kan ze lezen"))));
  }

  @Test
  void errorsAreShownOnTheirFields() throws Exception {
    mvc.perform(
            post("/security-info/questions/save")
                .with(csrf())
                .cookie(session)
                .header("Accept-Language", "en")
                .param("answers[0].questionId", "q01")
                .param("answers[0].answer", "Amsterdam")
                .param("answers[1].questionId", "q01")
                .param("answers[1].answer", "ab")
                .param("answers[2].questionId", "q04")
                .param("answers[2].answer", "amsterdam"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"error-summary\""),
                        containsString("aria-describedby=\"question-1-error\""),
                        containsString(
                            "id=\"question-1-error\" class=\"field__error\">Choose a different"
                                + " question for each answer."),
                        containsString("aria-describedby=\"answers-hint answer-1-error\""),
                        containsString("An answer needs at least 3 characters."),
                        containsString("Give a different answer to each question."),
                        containsString("value=\"Amsterdam\""),
                        not(containsString("answer-0-error")))));
  }

  @Test
  void savingValidAnswersGoesBackWithANotice() throws Exception {
    mvc.perform(
            post("/security-info/questions/save")
                .with(csrf())
                .cookie(session)
                .param("answers[0].questionId", "q01")
                .param("answers[0].answer", "Amsterdam")
                .param("answers[1].questionId", "q02")
                .param("answers[1].answer", "Utrecht")
                .param("answers[2].questionId", "q04")
                .param("answers[2].answer", "Zwolle"))
        .andExpect(redirectedUrl("/security-info"))
        .andExpect(flash().attribute("notice", "methods.questions.added"));
    mvc.perform(get("/security-info").cookie(session).header("Accept-Language", "nl"))
        .andExpect(content().string(containsString("Beveiligingsvragen")));
  }
}
