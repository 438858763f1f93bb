package dev.rekey.methods.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.methods.totp.TotpSecrets;
import dev.rekey.methods.totp.TotpVerifier;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Registering an authenticator app through the API, with step-up, replay and limits. */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-methods-test")
class AppMethodsApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;

  Account account;
  Cookie session;

  @BeforeEach
  void freshUserInSsprGroup() throws Exception {
    String upn = TestSessions.freshUpn("app");
    account =
        TestSessions.createAccount(
            tenants,
            directory,
            upn,
            TestSessions.DEMO_PASSWORD,
            false,
            dev.rekey.directory.Role.USER);
    UUID group = groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id();
    groups.addAccount(group, account.id());
    session = TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
  }

  @Test
  void registerAppThenUserIsRegisteredAndTheEventsAreAudited() throws Exception {
    mvc.perform(get("/api/v1/me/authentication/requirements").cookie(session))
        .andExpect(jsonPath("$.ssprEnabled").value(true))
        .andExpect(jsonPath("$.requiredMethods").value(1))
        .andExpect(jsonPath("$.isRegistered").value(false))
        .andExpect(
            jsonPath("$.availableTypes").value(org.hamcrest.Matchers.hasItem("softwareOath")));

    String secret = startApp();
    String id = lastPendingId;
    mvc.perform(verify(id, codeNow(secret)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.type").value("softwareOath"))
        .andExpect(jsonPath("$.isDefault").value(true))
        .andExpect(jsonPath("$.secret").doesNotExist());

    mvc.perform(get("/api/v1/me/authentication/methods").cookie(session))
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].id").value(id))
        .andExpect(jsonPath("$[0].secret").doesNotExist());
    mvc.perform(get("/api/v1/me/authentication/requirements").cookie(session))
        .andExpect(jsonPath("$.isRegistered").value(true))
        .andExpect(jsonPath("$.registeredMethods").value(1));

    List<String> activities =
        jdbc.sql("SELECT activity FROM audit_event WHERE target_account_id = ? ORDER BY seq")
            .param(account.id())
            .query(String.class)
            .list();
    assertThat(activities)
        .contains("User registered security info", "User registered all required security info");
  }

  @Test
  void secretIsEncryptedAtRest() throws Exception {
    String secret = startApp();
    byte[] stored =
        jdbc.sql("SELECT secret FROM auth_method WHERE id = ?")
            .param(UUID.fromString(lastPendingId))
            .query(byte[].class)
            .single();
    byte[] raw = TotpSecrets.decode(secret);
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(TotpSecrets.encode(raw));
  }

  @Test
  void aCodeIsAcceptedOnceOnlyAndStepUpIsNeededForTheSecondChange() throws Exception {
    String secret = startApp();
    String id = lastPendingId;
    String code = codeNow(secret);
    mvc.perform(verify(id, code)).andExpect(status().isOk());

    // A second change needs a step-up now that the user has a method.
    mvc.perform(post("/api/v1/me/authentication/softwareOathMethods").with(csrf()).cookie(session))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("mfa_required"));

    // The code used for registration cannot be replayed for the step-up.
    mvc.perform(stepUp(id, code))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("verification_failed"));
    clock.advance(Duration.ofSeconds(30));
    mvc.perform(get("/api/v1/session").cookie(session)).andExpect(jsonPath("$.mfa").value(false));
    mvc.perform(stepUp(id, codeNow(secret)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.mfa").value(true));
    mvc.perform(get("/api/v1/session").cookie(session)).andExpect(jsonPath("$.mfa").value(true));

    mvc.perform(post("/api/v1/me/authentication/softwareOathMethods").with(csrf()).cookie(session))
        .andExpect(status().isCreated());

    // The step-up lasts 10 minutes.
    clock.advance(Duration.ofMinutes(11));
    mvc.perform(delete("/api/v1/me/authentication/methods/" + id).with(csrf()).cookie(session))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("mfa_required"));
  }

  @Test
  void theFirstMethodNeedsARecentSignIn() throws Exception {
    clock.advance(Duration.ofMinutes(11));
    mvc.perform(
            post("/api/v1/me/authentication/softwareOathMethods")
                .with(csrf())
                .cookie(session)
                .header("Accept-Language", "nl"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("reauthentication_required"))
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.startsWith("Meld u eerst opnieuw aan")));
  }

  @Test
  void fiveWrongCodesEndTheRegistration() throws Exception {
    startApp();
    String id = lastPendingId;
    for (int i = 0; i < 4; i++) {
      mvc.perform(verify(id, "000000"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("verification_failed"));
    }
    mvc.perform(verify(id, "000000"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("method_not_found"));
  }

  @Test
  void badInputIsRefusedWithTheFieldNamed() throws Exception {
    startApp();
    mvc.perform(
            post("/api/v1/me/authentication/softwareOathMethods/" + lastPendingId + "/verify")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("code"));
    mvc.perform(
            post("/api/v1/me/authentication/softwareOathMethods/not-a-uuid/verify")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"123456\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("id"));
    mvc.perform(
            put("/api/v1/me/authentication/default")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("methodId"));
    mvc.perform(
            delete("/api/v1/me/authentication/methods/" + UUID.randomUUID())
                .with(csrf())
                .cookie(session))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("method_not_found"));
  }

  @Test
  void atMostFiveApps() throws Exception {
    String first = startApp();
    String firstId = lastPendingId;
    mvc.perform(verify(firstId, codeNow(first))).andExpect(status().isOk());
    for (int i = 2; i <= 5; i++) {
      clock.advance(Duration.ofSeconds(30));
      mvc.perform(stepUp(firstId, codeNow(first))).andExpect(status().isOk());
      String secret = startApp();
      mvc.perform(verify(lastPendingId, codeNow(secret))).andExpect(status().isOk());
    }
    mvc.perform(post("/api/v1/me/authentication/softwareOathMethods").with(csrf()).cookie(session))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("method_limit_reached"));
  }

  @Test
  void anotherUsersMethodCannotBeTouched() throws Exception {
    String secret = startApp();
    mvc.perform(verify(lastPendingId, codeNow(secret))).andExpect(status().isOk());
    String mine = lastPendingId;
    Cookie other = TestSessions.session(mvc, "adele@contoso.com", TestSessions.DEMO_PASSWORD);
    mvc.perform(delete("/api/v1/me/authentication/methods/" + mine).with(csrf()).cookie(other))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/me/authentication/methods").cookie(session))
        .andExpect(jsonPath("$.length()").value(1));
  }

  private String lastPendingId;

  private String startApp() throws Exception {
    var result =
        mvc.perform(
                post("/api/v1/me/authentication/softwareOathMethods").with(csrf()).cookie(session))
            .andExpect(status().isCreated())
            .andExpect(
                jsonPath("$.otpauthUri").value(org.hamcrest.Matchers.startsWith("otpauth://totp/")))
            .andExpect(
                jsonPath("$.qrCode")
                    .value(org.hamcrest.Matchers.startsWith("data:image/png;base64,")))
            .andReturn();
    String json = result.getResponse().getContentAsString();
    lastPendingId = JsonPath.read(json, "$.id");
    return JsonPath.read(json, "$.secret");
  }

  private String codeNow(String secret) {
    return TotpVerifier.codeAt(TotpSecrets.decode(secret), TotpVerifier.stepAt(clock.instant()));
  }

  private org.springframework.test.web.servlet.RequestBuilder verify(String id, String code) {
    return post("/api/v1/me/authentication/softwareOathMethods/" + id + "/verify")
        .with(csrf())
        .cookie(session)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"code\":\"" + code + "\"}");
  }

  private org.springframework.test.web.servlet.RequestBuilder stepUp(String id, String code) {
    return post("/api/v1/session/mfa")
        .with(csrf())
        .cookie(session)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"methodId\":\"" + id + "\",\"code\":\"" + code + "\"}");
  }
}
