package dev.rekey.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The reset portal through the JSON API (SPEC §5, Appendix A). */
@RekeyTest
@TestPropertySource(
    properties = {"spring.application.name=rekey-reset-api-test", "rekey.reset.refusal-time=0ms"})
class ResetApiTest {

  static final String NEW_PASSWORD = "correct horse battery staple 42";

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;

  ResetFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new ResetFixture(mvc, clock, tenants, directory, groups, jdbc);
  }

  @Test
  void aUserWithAnAppResetsThePasswordAndEverySessionEnds() throws Exception {
    ResetFixture.User user = fixture.userWithApp("api-reset");
    Cookie oldSession = TestSessions.session(mvc, user.upn(), TestSessions.DEMO_PASSWORD);

    MvcResult started = fixture.start(user.upn(), "198.51.100.10");
    assertThat(started.getResponse().getStatus()).isEqualTo(201);
    String body = started.getResponse().getContentAsString();
    String flowId = JsonPath.read(body, "$.flowId");
    assertThat(flowId).matches("[0-9a-f-]{36}");
    assertThat((Integer) JsonPath.read(body, "$.requiredMethods")).isEqualTo(1);
    assertThat((List<String>) JsonPath.read(body, "$.methods[*].type"))
        .containsExactly("softwareOath");
    assertThat((Boolean) JsonPath.read(body, "$.canUnlock")).isFalse();
    assertThat(body).doesNotContain(user.secret());

    // The password cannot be set before verification.
    mvc.perform(fixture.call(flowId + "/password", "{\"newPassword\":\"" + NEW_PASSWORD + "\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("verification_incomplete"));

    mvc.perform(fixture.verifyApp(flowId, user))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verifiedMethods").value(1))
        .andExpect(jsonPath("$.remainingMethods").value(0));

    // A weak password is refused with every reason.
    mvc.perform(fixture.call(flowId + "/password", "{\"newPassword\":\"short\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("password_policy"))
        .andExpect(jsonPath("$.reasons[0].code").exists())
        .andExpect(jsonPath("$.reasons[0].message").exists());

    mvc.perform(fixture.call(flowId + "/password", "{\"newPassword\":\"" + NEW_PASSWORD + "\"}"))
        .andExpect(status().isNoContent());

    // The new password works, the old does not, the old session is gone, the flow is used up.
    assertThat(TestSessions.signIn(mvc, user.upn(), NEW_PASSWORD).getResponse().getStatus())
        .isEqualTo(200);
    assertThat(directory.authenticate(user.upn(), TestSessions.DEMO_PASSWORD)).isEmpty();
    mvc.perform(get("/api/v1/session").cookie(oldSession))
        .andExpect(jsonPath("$.authenticated").value(false));
    mvc.perform(fixture.call(flowId + "/password", "{\"newPassword\":\"" + NEW_PASSWORD + "x\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("flow_expired"));

    List<String> audit =
        jdbc.sql(
                "SELECT activity || '|' || result || '|' || COALESCE(reason, '') FROM audit_event"
                    + " WHERE flow_id = ? ORDER BY seq")
            .param(flowId)
            .query(String.class)
            .list();
    assertThat(audit)
        .contains(
            "Self-service password reset flow activity progress|Succeeded|",
            "Reset password (self-service)|Succeeded|");
    assertThat(audit)
        .anyMatch(a -> a.startsWith("Self-service password reset flow activity progress|Failed|"));
  }

  @Test
  void theSeedErrorsHaveTheirCodesAndUnknownAccountsLookLikeErrorThree() throws Exception {
    expectRefusal("diego@contoso.com", 403, "not_enabled");
    expectRefusal("megan@contoso.com", 403, "password_not_managed");
    MvcResult adele = expectRefusal("adele@contoso.com", 403, "not_registered");
    MvcResult unknown = expectRefusal("nobody-here@contoso.com", 403, "not_registered");
    MvcResult otherDomain = expectRefusal("someone@unknown.example", 403, "not_registered");
    assertThat(unknown.getResponse().getContentAsString())
        .isEqualTo(adele.getResponse().getContentAsString())
        .isEqualTo(otherDomain.getResponse().getContentAsString());
    assertThat((String) JsonPath.read(adele.getResponse().getContentAsString(), "$.entraCode"))
        .isEqualTo("SSPR_0014");
  }

  @Test
  void theSeedMessagesAreVerbatimInDutch() throws Exception {
    String captcha = dev.rekey.support.CaptchaSolver.fetchAndSolve(mvc);
    mvc.perform(
            post("/api/v1/reset/flows")
                .with(csrf())
                .header("Accept-Language", "nl")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"adele@contoso.com\",\"captcha\":\"" + captcha + "\"}"))
        .andExpect(status().isForbidden())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "We kunnen je account niet verifiëren. Als u wilt, kunnen we contact opnemen"
                        + " met een beheerder in uw organisatie om uw wachtwoord voor u opnieuw in"
                        + " te stellen."));
  }

  @Test
  void aCaptchaIsRequiredAndAcceptedOnce() throws Exception {
    mvc.perform(
            post("/api/v1/reset/flows")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"adele@contoso.com\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("captcha_invalid"));
    String captcha = dev.rekey.support.CaptchaSolver.fetchAndSolve(mvc);
    String request = "{\"userId\":\"adele@contoso.com\",\"captcha\":\"" + captcha + "\"}";
    mvc.perform(
            post("/api/v1/reset/flows")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(request))
        .andExpect(jsonPath("$.code").value("not_registered"));
    mvc.perform(
            post("/api/v1/reset/flows")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(request))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("captcha_invalid"));
  }

  @Test
  void anAppCodeIsAcceptedOnceAndAFlowExpiresAfterFifteenMinutes() throws Exception {
    ResetFixture.User user = fixture.userWithApp("api-replay");
    String code = fixture.freshAppCode(user);
    String first = fixture.flow(user.upn());
    mvc.perform(
            fixture.call(
                first + "/verifications",
                "{\"methodId\":\"" + user.appId() + "\",\"code\":\"" + code + "\"}"))
        .andExpect(status().isOk());
    String second = fixture.flow(user.upn());
    mvc.perform(
            fixture.call(
                second + "/verifications",
                "{\"methodId\":\"" + user.appId() + "\",\"code\":\"" + code + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("verification_failed"));

    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    mvc.perform(fixture.verifyApp(second, user))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("flow_expired"));
  }

  @Test
  void fiveFailedVerificationsBlockSelfServiceButNotTheAccount() throws Exception {
    ResetFixture.User user = fixture.userWithApp("api-block");
    String flowId = fixture.flow(user.upn());
    for (int i = 1; i <= 4; i++) {
      mvc.perform(
              fixture.call(
                  flowId + "/verifications",
                  "{\"methodId\":\"" + user.appId() + "\",\"code\":\"00000000\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("verification_failed"));
      fixture.nextStep();
    }
    mvc.perform(
            fixture.call(
                flowId + "/verifications",
                "{\"methodId\":\"" + user.appId() + "\",\"code\":\"00000000\"}"))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("blocked"))
        .andExpect(jsonPath("$.retryAfter").isNumber());
    // Even the right code is refused now, and a new flow cannot start.
    mvc.perform(fixture.verifyApp(flowId, user)).andExpect(status().isTooManyRequests());
    MvcResult again = fixture.start(user.upn(), "198.51.100.77");
    assertThat(again.getResponse().getStatus()).isEqualTo(429);
    assertThat((String) JsonPath.read(again.getResponse().getContentAsString(), "$.code"))
        .isEqualTo("blocked");
    // The account itself still signs in (no lockout-DoS).
    assertThat(directory.authenticate(user.upn(), TestSessions.DEMO_PASSWORD)).isPresent();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_event WHERE target_account_id = ? AND activity = ?")
                .params(user.account().id(), "Blocked from self-service password reset")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // After 24 hours the block lifts.
    clock.advance(Duration.ofHours(24).plusMinutes(1));
    assertThat(fixture.start(user.upn(), "198.51.100.78").getResponse().getStatus()).isEqualTo(201);
  }

  @Test
  void administratorsNeedTwoDifferentMethodsAndTheOtherAdminsAreTold() throws Exception {
    ResetFixture.User admin = fixture.userWithApp("api-admin", Role.ADMIN);
    String address =
        "backup-" + admin.account().id().toString().substring(0, 8) + "@fabrikam.example";
    String emailId = fixture.addEmail(admin, address);
    MvcResult started = fixture.start(admin.upn(), "198.51.100.20");
    String flowId = JsonPath.read(started.getResponse().getContentAsString(), "$.flowId");
    assertThat(
            (Integer)
                JsonPath.read(started.getResponse().getContentAsString(), "$.requiredMethods"))
        .isEqualTo(2);
    // Email is only a second method.
    mvc.perform(fixture.call(flowId + "/challenges", "{\"methodId\":\"" + emailId + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("method_not_available"));
    mvc.perform(fixture.verifyApp(flowId, admin))
        .andExpect(jsonPath("$.remainingMethods").value(1));
    // The same method twice does not count as two.
    mvc.perform(fixture.verifyApp(flowId, admin))
        .andExpect(jsonPath("$.code").value("method_not_available"));
    mvc.perform(fixture.call(flowId + "/password", "{\"newPassword\":\"" + NEW_PASSWORD + "\"}"))
        .andExpect(status().isConflict());
    mvc.perform(fixture.call(flowId + "/challenges", "{\"methodId\":\"" + emailId + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.type").value("email"));
    mvc.perform(
            fixture.call(
                flowId + "/verifications",
                "{\"methodId\":\""
                    + emailId
                    + "\",\"code\":\""
                    + fixture.lastCodeTo(address)
                    + "\"}"))
        .andExpect(jsonPath("$.verifiedMethods").value(2))
        .andExpect(jsonPath("$.remainingMethods").value(0));
    mvc.perform(fixture.call(flowId + "/password", "{\"newPassword\":\"" + NEW_PASSWORD + "\"}"))
        .andExpect(status().isNoContent());
    List<String> subjects =
        jdbc.sql("SELECT subject FROM outbox_message WHERE recipient = ?")
            .param("admin@contoso.com")
            .query(String.class)
            .list();
    assertThat(subjects).contains("An administrator reset their password");
  }

  @Test
  void aLockedUserCanUnlockWithoutChangingThePassword() throws Exception {
    ResetFixture.User user = fixture.userWithApp("api-unlock");
    directory.setLocked(user.account().id(), true);
    MvcResult started = fixture.start(user.upn(), "198.51.100.30");
    String flowId = JsonPath.read(started.getResponse().getContentAsString(), "$.flowId");
    assertThat((Boolean) JsonPath.read(started.getResponse().getContentAsString(), "$.canUnlock"))
        .isTrue();
    mvc.perform(fixture.call(flowId + "/unlock", "{}")).andExpect(status().isConflict());
    mvc.perform(fixture.verifyApp(flowId, user)).andExpect(status().isOk());
    mvc.perform(fixture.call(flowId + "/unlock", "{}")).andExpect(status().isNoContent());
    assertThat(directory.findById(user.account().id()).orElseThrow().locked()).isFalse();
    assertThat(directory.authenticate(user.upn(), TestSessions.DEMO_PASSWORD)).isPresent();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE flow_id = ? AND activity = ?")
                .params(flowId, "Unlock user account (self-service)")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void badInputIsAClearProblemAndChangesNothing() throws Exception {
    mvc.perform(
            post("/api/v1/reset/flows")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"captcha\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"))
        .andExpect(jsonPath("$.field").value("userId"));
    mvc.perform(
            post("/api/v1/reset/flows")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/v1/reset/flows")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"" + "a".repeat(300) + "\",\"captcha\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("userId"));
    mvc.perform(
            fixture.call(
                "not-a-flow/verifications",
                "{\"methodId\":\"" + java.util.UUID.randomUUID() + "\",\"code\":\"1\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("flow_expired"));
    mvc.perform(fixture.call("x/verifications", "{\"methodId\":\"nope\"}"))
        .andExpect(status().isBadRequest());
    mvc.perform(fixture.call("x".repeat(5000) + "/password", "{\"newPassword\":\"x\"}"))
        .andExpect(status().is4xxClientError());
    // Without the CSRF header the API refuses.
    mvc.perform(
            post("/api/v1/reset/flows")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"adele@contoso.com\",\"captcha\":\"x\"}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void contactingAnAdministratorRecordsARequestOnlyForRealAccounts() throws Exception {
    int before = helpdeskRequests();
    mvc.perform(
            post("/api/v1/reset/contact-admin")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"userId\":\"adele@contoso.com\",\"captcha\":\""
                        + dev.rekey.support.CaptchaSolver.fetchAndSolve(mvc)
                        + "\"}"))
        .andExpect(status().isAccepted());
    assertThat(helpdeskRequests()).isEqualTo(before + 1);
    mvc.perform(
            post("/api/v1/reset/contact-admin")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"userId\":\"ghost@contoso.com\",\"captcha\":\""
                        + dev.rekey.support.CaptchaSolver.fetchAndSolve(mvc)
                        + "\"}"))
        .andExpect(status().isAccepted());
    assertThat(helpdeskRequests()).isEqualTo(before + 1);
    mvc.perform(
            post("/api/v1/reset/contact-admin")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"adele@contoso.com\",\"captcha\":\"forged\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("captcha_invalid"));
  }

  private int helpdeskRequests() {
    return jdbc.sql("SELECT COUNT(*) FROM helpdesk_request").query(Integer.class).single();
  }

  private MvcResult expectRefusal(String userId, int status, String code) throws Exception {
    MvcResult result = fixture.start(userId, "198.51.100.50");
    assertThat(result.getResponse().getStatus()).as(userId).isEqualTo(status);
    assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.code"))
        .as(userId)
        .isEqualTo(code);
    return result;
  }
}
