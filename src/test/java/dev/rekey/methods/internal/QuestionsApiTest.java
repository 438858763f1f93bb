package dev.rekey.methods.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.CustomQuestion;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Registering security questions through the API: what is offered, every rule, replacing. */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-questions-test")
class QuestionsApiTest {

  static final String URL = "/api/v1/me/authentication/securityQuestions";
  static final String CUSTOM_TEXT = "Favourite colour";

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;
  @Autowired SsprPolicies policies;
  @Autowired QuestionChecks checks;
  @Autowired JdbcMethods store;

  Account account;
  Cookie session;
  String custom;

  @BeforeEach
  void questionsOfferedAndAFreshUser() throws Exception {
    setQuestions(true);
    String upn = TestSessions.freshUpn("quiz");
    account =
        TestSessions.createAccount(
            tenants, directory, upn, TestSessions.DEMO_PASSWORD, false, Role.USER);
    groups.addAccount(
        groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id(), account.id());
    session = TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
  }

  void setQuestions(boolean on) {
    UUID tenant = tenants.findByDomain("contoso.com").orElseThrow().id();
    Set<AuthMethodType> methods =
        EnumSet.of(
            AuthMethodType.SOFTWARE_OATH,
            AuthMethodType.MOBILE_SMS,
            AuthMethodType.EMAIL,
            AuthMethodType.FIDO2);
    if (on) {
      methods.add(AuthMethodType.SECURITY_QUESTIONS);
    }
    var current = policies.get(tenant).customQuestions();
    List<CustomQuestion> customs =
        current.isEmpty() ? List.of(new CustomQuestion(null, CUSTOM_TEXT)) : current;
    policies.update(
        tenant,
        SsprPolicyChanges.builder()
            .methodsAvailable(methods)
            .questionsRequiredToRegister(3)
            .questionsRequiredToReset(3)
            .predefinedQuestionIds(List.of("q01", "q02", "q04", "q06"))
            .customQuestions(customs)
            .build(),
        directory.findByUserId("admin@contoso.com").orElseThrow().id(),
        new RequestOrigin("127.0.0.1", "test"));
    custom = policies.get(tenant).customQuestions().get(0).id();
  }

  @Test
  void availableListsThePolicyQuestionsInTheRequestLanguage() throws Exception {
    mvc.perform(get(URL + "/available").cookie(session).header("Accept-Language", "nl"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(5))
        .andExpect(jsonPath("$[0].id").value("q01"))
        .andExpect(
            jsonPath("$[0].text")
                .value("In welke plaats hebt u uw eerste echtgenoot of partner ontmoet?"))
        .andExpect(jsonPath("$[4].id").value(custom))
        .andExpect(jsonPath("$[4].text").value(CUSTOM_TEXT));
    mvc.perform(get(URL + "/available").cookie(session).header("Accept-Language", "en"))
        .andExpect(jsonPath("$[1].text").value("In what city did your parents meet?"));
  }

  @Test
  void whenThePolicyDoesNotOfferQuestionsThenForbidden() throws Exception {
    setQuestions(false);
    try {
      mvc.perform(get(URL + "/available").cookie(session).header("Accept-Language", "nl"))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("not_available"))
          .andExpect(
              jsonPath("$.detail").value("Uw organisatie biedt deze methode niet aan u aan."));
      mvc.perform(answer(valid())).andExpect(status().isForbidden());
      mvc.perform(get("/api/v1/me/authentication/requirements").cookie(session))
          .andExpect(jsonPath("$.availableTypes").value(not(hasItem("securityQuestions"))));
    } finally {
      setQuestions(true);
    }
  }

  @Test
  void administratorsAreNeverOfferedQuestions() throws Exception {
    Cookie helpdesk = TestSessions.session(mvc, "helpdesk@contoso.com", TestSessions.DEMO_PASSWORD);
    mvc.perform(get(URL + "/available").cookie(helpdesk))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("not_available"));
  }

  @Test
  void answeringStoresOneMethodWithHashesOnlyAndAuditsNoAnswers() throws Exception {
    String json =
        mvc.perform(answer(valid()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.type").value("securityQuestions"))
            .andExpect(jsonPath("$.hint").value("3 questions"))
            .andExpect(jsonPath("$.isDefault").value(true))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(json, "$.id");
    mvc.perform(get("/api/v1/me/authentication/methods").cookie(session))
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].id").value(id));
    String data =
        jdbc.sql("SELECT data FROM auth_method WHERE id = ?")
            .param(UUID.fromString(id))
            .query(String.class)
            .single();
    assertThat(data)
        .contains("\"questionId\":\"q01\"", "\"questionId\":\"" + custom + "\"", "$argon2id$")
        .doesNotContainIgnoringCase("amsterdam")
        .doesNotContainIgnoringCase("utrecht")
        .doesNotContainIgnoringCase("turquoise")
        .doesNotContain("city", CUSTOM_TEXT);
    // Questions are a second method only: alone they do not make the user registered.
    mvc.perform(get("/api/v1/me/authentication/requirements").cookie(session))
        .andExpect(jsonPath("$.isRegistered").value(false))
        .andExpect(jsonPath("$.registeredMethods").value(1));
    List<String> audit =
        jdbc.sql(
                "SELECT activity || ' ' || COALESCE(method, '') || ' ' || COALESCE(details, '')"
                    + " FROM audit_event WHERE target_account_id = ?")
            .param(account.id())
            .query(String.class)
            .list();
    assertThat(audit).anyMatch(a -> a.startsWith("User registered security info"));
    assertThat(String.join("\n", audit))
        .doesNotContainIgnoringCase("amsterdam")
        .doesNotContainIgnoringCase("turquoise")
        .doesNotContain("argon2");
  }

  @Test
  void answeringAgainReplacesTheSet() throws Exception {
    String first = JsonPath.read(put(valid()), "$.id");
    String second =
        JsonPath.read(
            put(
                """
                {"answers":[{"questionId":"q02","answer":"Leiden"},
                 {"questionId":"q04","answer":"Gouda"},{"questionId":"q06","answer":"Delft"}]}"""),
            "$.id");
    assertThat(second).isNotEqualTo(first);
    mvc.perform(get("/api/v1/me/authentication/methods").cookie(session))
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].id").value(second))
        .andExpect(jsonPath("$[0].isDefault").value(true));
  }

  @Test
  void onlyQuestionsNeverNeedAStepUpButARecentSignIn() throws Exception {
    put(valid());
    // Questions cannot be used for a step-up, so a change needs a recent sign-in instead.
    mvc.perform(post("/api/v1/me/authentication/softwareOathMethods").with(csrf()).cookie(session))
        .andExpect(status().isCreated());
    clock.advance(Duration.ofMinutes(11));
    mvc.perform(answer(valid()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("reauthentication_required"));
  }

  @Test
  void everyRuleIsCheckedAndTheFieldNamed() throws Exception {
    invalid("{}", "answers", "Answer exactly 3 questions.");
    invalid("{\"answers\":[]}", "answers", "Answer exactly 3 questions.");
    invalid(
        "{\"answers\":[{\"questionId\":\"q01\",\"answer\":\"Amsterdam\"}]}",
        "answers",
        "Answer exactly 3 questions.");
    invalid(
        body("q01", "Amsterdam", "q02", "Utrecht", null, "Zwolle"),
        "answers[2].questionId",
        "Choose a question.");
    invalid(
        body("q01", "Amsterdam", "q35", "Utrecht", "q04", "Zwolle"),
        "answers[1].questionId",
        "Choose one of the questions offered.");
    invalid(
        body("q01", "Amsterdam", "q01", "Utrecht", "q04", "Zwolle"),
        "answers[1].questionId",
        "Choose a different question for each answer.");
    invalid(
        body("q01", "Amsterdam", "q02", " ", "q04", "Zwolle"),
        "answers[1].answer",
        "Enter an answer.");
    invalid(
        body("q01", "Amsterdam", "q02", null, "q04", "Zwolle"),
        "answers[1].answer",
        "Enter an answer.");
    invalid(
        body("q01", " AB  ", "q02", "Utrecht", "q04", "Zwolle"),
        "answers[0].answer",
        "An answer needs at least 3 characters.");
    invalid(
        body("q01", "x".repeat(41), "q02", "Utrecht", "q04", "Zwolle"),
        "answers[0].answer",
        "An answer can have at most 40 characters.");
    invalid(
        body("q01", "Amsterdam", "q02", " AMSTERDAM ", "q04", "Zwolle"),
        "answers[1].answer",
        "Give a different answer to each question.");
    invalid(
        body("q01", "Amsterdam", "q02", "Utrecht", custom, "my favourite colour"),
        "answers[2].answer",
        "An answer cannot contain the question.");
    String localPart = account.upn().substring(0, account.upn().indexOf('@'));
    invalid(
        body("q01", localPart.toUpperCase(), "q02", "Utrecht", "q04", "Zwolle"),
        "answers[0].answer",
        "An answer cannot be your name or user ID: anyone can find those.");
    invalid("{\"answers\":[null,null,null]}", "answers[0].questionId", "Choose a question.");
    mvc.perform(answer("{\"answers\":").header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"));
    mvc.perform(answer("{\"answers\":\"many\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"));
    mvc.perform(get("/api/v1/me/authentication/methods").cookie(session))
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void lengthIsCountedInCodePointsAfterNormalising() throws Exception {
    // 40 emoji are 80 UTF-16 chars but 40 characters; "ﬁ" counts as the two letters it becomes.
    put(body("q01", "👍".repeat(40), "q02", "ﬁ" + "x".repeat(38), "q04", "Zwolle"));
    invalid(
        body("q01", "👍".repeat(41), "q02", "Utrecht", "q04", "Zwolle"),
        "answers[0].answer",
        "An answer can have at most 40 characters.");
    invalid(
        body("q01", "ﬁ" + "x".repeat(39), "q02", "Utrecht", "q04", "Zwolle"),
        "answers[0].answer",
        "An answer can have at most 40 characters.");
  }

  @Test
  void pickChoosesDistinctQuestionsOfTheSetAndVerifyNeedsEveryAnswerRight() throws Exception {
    UUID id = UUID.fromString(JsonPath.read(put(valid()), "$.id"));
    StoredMethod method = store.find(id, account.id()).orElseThrow();
    SecureRandom random = new SecureRandom();
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 30; i++) {
      List<String> two = checks.pick(account.id(), id, 2, random);
      assertThat(two).hasSize(2).doesNotHaveDuplicates().isSubsetOf("q01", "q04", custom);
      seen.addAll(two);
    }
    assertThat(seen).containsExactlyInAnyOrder("q01", "q04", custom);
    assertThat(checks.pick(account.id(), id, 5, random)).hasSize(3);
    assertThat(checks.pick(UUID.randomUUID(), id, 3, random)).isEmpty();

    assertThat(checks.verify(method, Map.of("q01", " AMSTERDAM", "q04", "utrecht "))).isTrue();
    assertThat(checks.verify(method, Map.of("q01", "ＡＭＳＴＥＲＤＡＭ", custom, "turquoise"))).isTrue();
    assertThat(checks.verify(method, Map.of("q01", "Amsterdam", "q04", "Rotterdam"))).isFalse();
    assertThat(checks.verify(method, Map.of("q01", "Rotterdam", "q04", "Utrecht"))).isFalse();
    assertThat(checks.verify(method, Map.of("q01", "Amsterdam", "q02", "Utrecht"))).isFalse();
    assertThat(checks.verify(method, Map.of())).isFalse();
    assertThat(store.find(id, account.id()).orElseThrow().lastUsedAt()).isNotNull();
  }

  @Test
  void questionsCannotBeUsedForAStepUp() throws Exception {
    String id = JsonPath.read(put(valid()), "$.id");
    mvc.perform(
            post("/api/v1/session/mfa")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"methodId\":\"" + id + "\",\"code\":\"Amsterdam\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("method_not_found"));
  }

  @Test
  void errorsAreInDutchWhenAskedFor() throws Exception {
    mvc.perform(
            answer(body("q01", "ab", "q02", "Utrecht", "q04", "Zwolle"))
                .header("Accept-Language", "nl"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("answers[0].answer"))
        .andExpect(jsonPath("$.detail").value("Een antwoord moet minstens 3 tekens hebben."));
  }

  private String valid() {
    return body("q01", "Amsterdam", "q04", "Utrecht", custom, "Turquoise");
  }

  static String body(String... pairs) {
    StringBuilder b = new StringBuilder("{\"answers\":[");
    for (int i = 0; i < pairs.length; i += 2) {
      b.append(i == 0 ? "" : ",").append("{\"questionId\":").append(quote(pairs[i]));
      b.append(",\"answer\":").append(quote(pairs[i + 1])).append('}');
    }
    return b.append("]}").toString();
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  private String put(String body) throws Exception {
    return mvc.perform(answer(body))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private void invalid(String body, String field, String detail) throws Exception {
    mvc.perform(answer(body).header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"))
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.detail").value(detail));
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder answer(
      String body) {
    return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(URL)
        .with(csrf())
        .cookie(session)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body);
  }
}
