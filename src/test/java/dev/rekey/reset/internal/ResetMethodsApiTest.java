package dev.rekey.reset.internal;

import static org.assertj.core.api.Assertions.assertThat;
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
import dev.rekey.methods.webauthn.TestAuthenticator;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.reset.ResetFixture;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.tenant.Tenants;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Phone, security questions and email in the reset API, the throttling numbers around them, the
 * per-address limit, abandonment and the metrics. Runs with a two-method policy that offers
 * questions, in its own context.
 */
@RekeyTest
@TestPropertySource(
    properties = {
      "spring.application.name=rekey-reset-methods-test",
      "rekey.reset.refusal-time=0ms",
      "rekey.phone.user-hourly-budget=100"
    })
class ResetMethodsApiTest {

  static final String ORIGIN = "http://localhost:8080";

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;
  @Autowired SsprPolicies policies;
  @Autowired FlowExpiry expiry;

  ResetFixture fixture;
  Account admin;

  @BeforeEach
  void twoMethodsWithQuestions() {
    fixture = new ResetFixture(mvc, clock, tenants, directory, groups, jdbc);
    admin = directory.findByUserId("admin@contoso.com").orElseThrow();
    policies.update(
        admin.tenantId(),
        SsprPolicyChanges.builder()
            .methodsAvailable(
                EnumSet.of(
                    AuthMethodType.SOFTWARE_OATH,
                    AuthMethodType.MOBILE_SMS,
                    AuthMethodType.EMAIL,
                    AuthMethodType.FIDO2,
                    AuthMethodType.SECURITY_QUESTIONS))
            .methodsRequiredToReset(2)
            .questionsRequiredToRegister(4)
            .questionsRequiredToReset(3)
            .predefinedQuestionIds(List.of("q01", "q02", "q03", "q04", "q05"))
            .build(),
        admin.id(),
        RequestOrigin.system());
  }

  @AfterEach
  void oneMethodAgain() {
    policies.update(
        admin.tenantId(),
        SsprPolicyChanges.builder().methodsRequiredToReset(1).build(),
        admin.id(),
        RequestOrigin.system());
  }

  @Test
  void aPhoneNeedsTheFullNumberFirstAndAWrongNumberCountsAsAFailure() throws Exception {
    ResetFixture.User user = fixture.userWithApp("reset-phone");
    String number = "+3161234" + String.format("%04d", (int) (Math.random() * 10_000));
    String phoneId = fixture.addPhone(user, number);
    String flowId = fixture.flow(user.upn());

    mvc.perform(fixture.call(flowId + "/challenges", "{\"methodId\":\"" + phoneId + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("phone_mismatch"));
    mvc.perform(
            fixture.call(
                flowId + "/challenges",
                "{\"methodId\":\"" + phoneId + "\",\"phoneNumber\":\"+31 6 00000000\"}"))
        .andExpect(jsonPath("$.code").value("phone_mismatch"));
    assertThat(failures(user, flowId)).isEqualTo(2);

    // National notation of the registered number works; the code goes to that phone.
    String national = "06 " + number.substring(4);
    mvc.perform(
            fixture.call(
                flowId + "/challenges",
                "{\"methodId\":\"" + phoneId + "\",\"phoneNumber\":\"" + national + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.type").value("phone"));
    String code = fixture.lastCodeTo(number);
    mvc.perform(
            fixture.call(
                flowId + "/verifications",
                "{\"methodId\":\"" + phoneId + "\",\"code\":\"" + code + "\"}"))
        .andExpect(jsonPath("$.verifiedMethods").value(1));
    // The code was used up: it does not prove anything again.
    String second = fixture.flow(user.upn());
    mvc.perform(
            fixture.call(
                second + "/verifications",
                "{\"methodId\":\"" + phoneId + "\",\"code\":\"" + code + "\"}"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void questionsComeSecondAndAWrongAnswerBringsAFreshSelection() throws Exception {
    ResetFixture.User user = fixture.userWithApp("reset-quiz");
    Map<String, String> answers = new HashMap<>();
    answers.put("q01", "Amsterdam");
    answers.put("q02", "Leiden");
    answers.put("q03", "Utrecht");
    answers.put("q04", "Van Dijk");
    String questionsId =
        fixture.addQuestions(
            user, "q01", "Amsterdam", "q02", "Leiden", "q03", "Utrecht", "q04", "Van Dijk");
    String flowId = fixture.flow(user.upn());
    mvc.perform(fixture.call(flowId + "/challenges", "{\"methodId\":\"" + questionsId + "\"}"))
        .andExpect(jsonPath("$.code").value("method_not_available"));
    mvc.perform(fixture.verifyApp(flowId, user)).andExpect(jsonPath("$.remainingMethods").value(1));

    MvcResult asked =
        mvc.perform(fixture.call(flowId + "/challenges", "{\"methodId\":\"" + questionsId + "\"}"))
            .andExpect(status().isOk())
            .andReturn();
    List<String> ids = JsonPath.read(asked.getResponse().getContentAsString(), "$.questions[*].id");
    assertThat(ids).hasSize(3).doesNotHaveDuplicates();
    assertThat(
            (List<String>)
                JsonPath.read(asked.getResponse().getContentAsString(), "$.questions[*].text"))
        .allMatch(t -> !t.isBlank());

    // One wrong answer: refused, and the same questions cannot be answered again.
    StringBuilder wrong = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      String answer = i == 0 ? "wrong answer" : answers.get(ids.get(i));
      wrong.append(i == 0 ? "" : ",").append(answer(ids.get(i), answer));
    }
    mvc.perform(
            fixture.call(
                flowId + "/verifications",
                "{\"methodId\":\"" + questionsId + "\",\"answers\":[" + wrong + "]}"))
        .andExpect(jsonPath("$.code").value("verification_failed"));
    mvc.perform(
            fixture.call(
                flowId + "/verifications",
                "{\"methodId\":\"" + questionsId + "\",\"answers\":[" + right(ids, answers) + "]}"))
        .andExpect(jsonPath("$.code").value("verification_failed"));

    MvcResult again =
        mvc.perform(fixture.call(flowId + "/challenges", "{\"methodId\":\"" + questionsId + "\"}"))
            .andReturn();
    List<String> fresh =
        JsonPath.read(again.getResponse().getContentAsString(), "$.questions[*].id");
    mvc.perform(
            fixture.call(
                flowId + "/verifications",
                "{\"methodId\":\""
                    + questionsId
                    + "\",\"answers\":["
                    + right(fresh, answers)
                    + "]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verifiedMethods").value(2))
        .andExpect(jsonPath("$.remainingMethods").value(0));
  }

  @Test
  void theEleventhEmailInTenMinutesBlocks() throws Exception {
    ResetFixture.User user = fixture.userWithApp("reset-mails");
    String address =
        "mails-" + user.account().id().toString().substring(0, 8) + "@fabrikam.example";
    String emailId = fixture.addEmail(user, address);
    String flowId = fixture.flow(user.upn());
    mvc.perform(fixture.verifyApp(flowId, user)).andExpect(status().isOk());
    for (int i = 1; i <= 10; i++) {
      mvc.perform(fixture.call(flowId + "/challenges", "{\"methodId\":\"" + emailId + "\"}"))
          .andExpect(status().isOk());
    }
    mvc.perform(fixture.call(flowId + "/challenges", "{\"methodId\":\"" + emailId + "\"}"))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("blocked"));
    assertThat(blockedEvents(user)).isEqualTo(1);
  }

  @Test
  void theSixthAppValidationInAnHourBlocks() throws Exception {
    oneMethodAgain();
    ResetFixture.User user = fixture.userWithApp("reset-apps");
    // Each right code in its own flow: validations count, failures do not grow.
    for (int i = 1; i <= 5; i++) {
      String flowId = fixture.flow(user.upn());
      mvc.perform(fixture.verifyApp(flowId, user)).andExpect(status().isOk());
    }
    String flowId = fixture.flow(user.upn());
    mvc.perform(fixture.verifyApp(flowId, user))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("blocked"));
    assertThat(blockedEvents(user)).isEqualTo(1);
  }

  @Test
  void oneAddressStartsAtMostThirtyFlowsInTenMinutes() throws Exception {
    String ip = "192.0.2." + (int) (Math.random() * 250);
    for (int i = 0; i < 30; i++) {
      assertThat(fixture.start("adele@contoso.com", ip).getResponse().getStatus()).isEqualTo(403);
    }
    MvcResult refused = fixture.start("adele@contoso.com", ip);
    assertThat(refused.getResponse().getStatus()).isEqualTo(429);
    assertThat((String) JsonPath.read(refused.getResponse().getContentAsString(), "$.code"))
        .isEqualTo("rate_limited");
    assertThat(fixture.start("adele@contoso.com", "192.0.2.251").getResponse().getStatus())
        .isEqualTo(403);
  }

  @Test
  void expiredFlowsAreAuditedAsAbandonedAtTheirStepAndCounted() throws Exception {
    oneMethodAgain();
    ResetFixture.User user = fixture.userWithApp("reset-abandon");
    String flowId = fixture.flow(user.upn());
    mvc.perform(fixture.verifyApp(flowId, user)).andExpect(status().isOk());
    clock.advance(Duration.ofMinutes(16));
    assertThat(expiry.abandonExpired()).isGreaterThanOrEqualTo(1);
    assertThat(expiry.abandonExpired()).isZero();
    String details =
        jdbc.sql("SELECT details FROM audit_event WHERE flow_id = ? AND result = 'Abandoned'")
            .param(flowId)
            .query(String.class)
            .single();
    assertThat(details).contains("\"step\":\"password\"");
    String metrics =
        mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
    assertThat(metrics)
        .contains("rekey_reset_flows_started_total", "rekey_reset_flows_abandoned_total")
        .contains("rekey_reset_verifications_total{method=\"softwareOath\",result=\"success\"}");
  }

  @Test
  void aSecurityKeyProvesTheUserWithAnAssertionThatWorksOnce() throws Exception {
    oneMethodAgain();
    ResetFixture.User user = fixture.userWithApp("reset-key");
    TestAuthenticator key = new TestAuthenticator();
    String keyId = fixture.addSecurityKey(user, key);
    String flowId = fixture.flow(user.upn());
    String challenge =
        mvc.perform(fixture.call(flowId + "/challenges", "{\"methodId\":\"" + keyId + "\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.type").value("fido2"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String options =
        JsonPath.parse(challenge)
            .read("$.publicKey", net.minidev.json.JSONObject.class)
            .toJSONString();
    assertThat((List<String>) JsonPath.read(challenge, "$.publicKey.allowCredentials[*].id"))
        .containsExactly(key.credentialId());
    // An assertion for another challenge is refused and uses the challenge up.
    mvc.perform(
            fixture.call(
                flowId + "/verifications",
                "{\"methodId\":\""
                    + keyId
                    + "\",\"credential\":"
                    + key.assertion(new byte[32], "localhost", ORIGIN, (byte) 0x05)
                    + "}"))
        .andExpect(jsonPath("$.code").value("verification_failed"));
    String signed = key.assertion(options, ORIGIN);
    mvc.perform(
            fixture.call(
                flowId + "/verifications",
                "{\"methodId\":\"" + keyId + "\",\"credential\":" + signed + "}"))
        .andExpect(jsonPath("$.code").value("verification_failed"));
    // A fresh challenge, a fresh assertion: proven.
    String again =
        mvc.perform(fixture.call(flowId + "/challenges", "{\"methodId\":\"" + keyId + "\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String fresh =
        key.assertion(
            JsonPath.parse(again)
                .read("$.publicKey", net.minidev.json.JSONObject.class)
                .toJSONString(),
            ORIGIN);
    mvc.perform(
            fixture.call(
                flowId + "/verifications",
                "{\"methodId\":\"" + keyId + "\",\"credential\":" + fresh + "}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verifiedMethods").value(1));
  }

  @Test
  void theUserIsToldOfTheResetByEmailWhenThePolicySaysSo() throws Exception {
    oneMethodAgain();
    ResetFixture.User user = fixture.userWithApp("reset-told");
    String address = "told-" + user.account().id().toString().substring(0, 8) + "@fabrikam.example";
    jdbc.sql("UPDATE account SET email = ? WHERE id = ?")
        .params(address, user.account().id())
        .update();
    reset(user);
    assertThat(mailsTo(address)).containsExactly("Your password was changed");

    policies.update(
        admin.tenantId(),
        SsprPolicyChanges.builder().notifyUsersOnReset(false).build(),
        admin.id(),
        RequestOrigin.system());
    try {
      fixture.nextStep();
      reset(user);
      assertThat(mailsTo(address)).hasSize(1);
    } finally {
      policies.update(
          admin.tenantId(),
          SsprPolicyChanges.builder().notifyUsersOnReset(true).build(),
          admin.id(),
          RequestOrigin.system());
    }
  }

  private void reset(ResetFixture.User user) throws Exception {
    String flowId = fixture.flow(user.upn());
    mvc.perform(fixture.verifyApp(flowId, user)).andExpect(status().isOk());
    mvc.perform(
            fixture.call(
                flowId + "/password",
                "{\"newPassword\":\"a fresh passphrase " + System.nanoTime() + "\"}"))
        .andExpect(status().isNoContent());
  }

  private List<String> mailsTo(String address) {
    return jdbc.sql("SELECT subject FROM outbox_message WHERE recipient = ?")
        .param(address)
        .query(String.class)
        .list();
  }

  @Test
  void questionsThroughThePagesWithAFreshSelectionAfterAWrongAnswer() throws Exception {
    ResetFixture.User user = fixture.userWithApp("reset-quiz-page");
    Map<String, String> answers =
        Map.of("q01", "Amsterdam", "q02", "Leiden", "q03", "Utrecht", "q04", "Van Dijk");
    String questionsId =
        fixture.addQuestions(
            user, "q01", "Amsterdam", "q02", "Leiden", "q03", "Utrecht", "q04", "Van Dijk");
    String flowId = fixture.flow(user.upn());
    String flowUrl = "/reset/" + flowId;
    // One browser session throughout: the questions asked travel in it across the redirect.
    mvc.perform(
            post(flowUrl + "/methods/" + user.appId() + "/verify")
                .with(csrf())
                .param("code", fixture.freshAppCode(user)))
        .andExpect(status().is3xxRedirection());
    String verify = page(get(flowUrl));
    assertThat(verify)
        .contains("Verification step 2 of 2")
        .contains("Answer my security questions");

    String methodUrl = flowUrl + "/methods/" + questionsId;
    MvcResult started =
        mvc.perform(post(methodUrl + "/start").with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    jakarta.servlet.http.Cookie browser = dev.rekey.support.Cookies.session(started);
    assertThat(browser).as("the questions asked travel in the session").isNotNull();
    List<String> asked = questionIds(page(get(methodUrl).cookie(browser)));
    assertThat(asked).hasSize(3).doesNotHaveDuplicates();

    mvc.perform(
            post(methodUrl + "/verify")
                .with(csrf())
                .cookie(browser)
                .param("answer-" + asked.get(0), "not it")
                .param("answer-" + asked.get(1), answers.get(asked.get(1)))
                .param("answer-" + asked.get(2), answers.get(asked.get(2))))
        .andExpect(status().is3xxRedirection());
    String again = page(get(methodUrl).cookie(browser));
    assertThat(again).contains("Answer these questions instead");
    List<String> fresh = questionIds(again);
    assertThat(fresh).hasSize(3);
    var right = post(methodUrl + "/verify").with(csrf()).cookie(browser);
    fresh.forEach(id -> right.param("answer-" + id, answers.get(id)));
    mvc.perform(right)
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                flowUrl));
    assertThat(page(get(flowUrl).cookie(browser))).contains("Choose a new password");
  }

  private String page(org.springframework.test.web.servlet.RequestBuilder request)
      throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static List<String> questionIds(String page) {
    List<String> ids = new java.util.ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"answer-([^\"]+)\"").matcher(page);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private int failures(ResetFixture.User user, String flowId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_event WHERE flow_id = ? AND result = 'Failed'"
                + " AND reason = 'phone_mismatch'")
        .param(flowId)
        .query(Integer.class)
        .single();
  }

  private int blockedEvents(ResetFixture.User user) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE target_account_id = ? AND activity = ?")
        .params(user.account().id(), "Blocked from self-service password reset")
        .query(Integer.class)
        .single();
  }

  private static String answer(String id, String text) {
    return "{\"questionId\":\"" + id + "\",\"answer\":\"" + text + "\"}";
  }

  private static String right(List<String> ids, Map<String, String> answers) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      b.append(i == 0 ? "" : ",").append(answer(ids.get(i), answers.get(ids.get(i))));
    }
    return b.toString();
  }
}
