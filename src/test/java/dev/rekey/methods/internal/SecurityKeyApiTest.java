package dev.rekey.methods.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.methods.totp.TotpSecrets;
import dev.rekey.methods.totp.TotpVerifier;
import dev.rekey.methods.webauthn.Base64Url;
import dev.rekey.methods.webauthn.StoredCredential;
import dev.rekey.methods.webauthn.TestAuthenticator;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Registering security keys and stepping up with one through the API (WebAuthn ceremonies). */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-webauthn-test")
class SecurityKeyApiTest {

  static final String BASE = "/api/v1/me/authentication/fido2Methods";
  static final String ORIGIN = "http://localhost:8080";

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;

  Account account;
  Cookie session;
  String appSecret;
  String appId;

  @BeforeEach
  void freshUserInSsprGroup() throws Exception {
    String upn = TestSessions.freshUpn("key");
    account =
        TestSessions.createAccount(
            tenants, directory, upn, TestSessions.DEMO_PASSWORD, false, Role.USER);
    UUID group = groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id();
    groups.addAccount(group, account.id());
    session = TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
  }

  @Test
  void aKeyNeedsAnotherMethodFirst() throws Exception {
    mvc.perform(post(BASE + "/options").with(csrf()).cookie(session))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("other_method_required"));
    mvc.perform(
            register(
                "YubiKey",
                new TestAuthenticator().register(new byte[32], "localhost", ORIGIN, (byte) 0x45)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("other_method_required"));
    mvc.perform(
            post(BASE + "/options").with(csrf()).cookie(session).header("Accept-Language", "nl"))
        .andExpect(jsonPath("$.detail").value(startsWith("Voeg eerst een andere methode toe")));
  }

  @Test
  void registerAKeyThenItIsListedStoredAndAudited() throws Exception {
    withAppAndStepUp();
    String options = options().andReturn().getResponse().getContentAsString();
    assertThat((String) JsonPath.read(options, "$.user.name")).isEqualTo(account.upn());
    assertThat(Base64Url.decode(JsonPath.read(options, "$.challenge")).orElseThrow()).hasSize(32);
    assertThat(Base64Url.decode(JsonPath.read(options, "$.user.id")).orElseThrow()).hasSize(32);

    TestAuthenticator key = new TestAuthenticator();
    String id =
        JsonPath.read(
            mvc.perform(register("  YubiKey 5C  ", key.register(options, ORIGIN)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("fido2"))
                .andExpect(jsonPath("$.hint").value("YubiKey 5C"))
                .andExpect(jsonPath("$.displayName").value("YubiKey 5C"))
                .andExpect(jsonPath("$.isDefault").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");

    mvc.perform(get("/api/v1/me/authentication/methods").cookie(session))
        .andExpect(jsonPath("$[*].type").value(hasItem("fido2")))
        .andExpect(jsonPath("$[?(@.type == 'fido2')].hint").value(contains("YubiKey 5C")));
    StoredCredential stored = stored(UUID.fromString(id));
    assertThat(stored.credentialId()).isEqualTo(key.credentialId());
    assertThat(stored.transports()).containsExactly("usb");
    assertThat(stored.signCount()).isZero();
    assertThat(Base64Url.encode(Base64Url.decode(stored.userHandle()).orElseThrow()))
        .isEqualTo(JsonPath.read(options, "$.user.id"));
    assertThat(
            jdbc.sql("SELECT activity FROM audit_event WHERE target_account_id = ? ORDER BY seq")
                .param(account.id())
                .query(String.class)
                .list())
        .filteredOn("User registered security info"::equals)
        .hasSize(2);

    // The next registration excludes this key and keeps the same user handle.
    options()
        .andExpect(jsonPath("$.excludeCredentials[0].id").value(key.credentialId()))
        .andExpect(jsonPath("$.user.id").value((String) JsonPath.read(options, "$.user.id")));
  }

  @Test
  void aWrongChallengeOrOriginOrAReplayIsRefused() throws Exception {
    withAppAndStepUp();
    TestAuthenticator key = new TestAuthenticator();
    options();
    mvc.perform(register("Key", key.register(new byte[32], "localhost", ORIGIN, (byte) 0x45)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("verification_failed"))
        .andExpect(jsonPath("$.reason").value("challenge"));

    String options = options().andReturn().getResponse().getContentAsString();
    mvc.perform(register("Key", key.register(options, "http://evil.example")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("origin"));

    // Each challenge is used once, even when the answer to it failed.
    String credential = key.register(options, ORIGIN);
    mvc.perform(register("Key", credential))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("challenge"));

    options = options().andReturn().getResponse().getContentAsString();
    credential = key.register(options, ORIGIN);
    mvc.perform(register("Key", credential)).andExpect(status().isCreated());
    mvc.perform(register("Key", credential).header("Accept-Language", "nl"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("challenge"))
        .andExpect(
            jsonPath("$.detail").value(startsWith("Het verzoek voor de beveiligingssleutel")));
    // A random port on localhost is fine while the RP ID is localhost (tests, development).
    options = options().andReturn().getResponse().getContentAsString();
    mvc.perform(
            register("Laptop", new TestAuthenticator().register(options, "http://localhost:41234")))
        .andExpect(status().isCreated());
  }

  @Test
  void theSameKeyTwiceIsAConflict() throws Exception {
    withAppAndStepUp();
    TestAuthenticator key = new TestAuthenticator();
    mvc.perform(register("Key", key.register(body(options()), ORIGIN)))
        .andExpect(status().isCreated());
    mvc.perform(register("Again", key.register(body(options()), ORIGIN)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("credential_exists"));
  }

  @Test
  void atMostTenKeys() throws Exception {
    withAppAndStepUp();
    for (int i = 1; i <= 10; i++) {
      mvc.perform(register("Key " + i, new TestAuthenticator().register(body(options()), ORIGIN)))
          .andExpect(status().isCreated());
    }
    mvc.perform(post(BASE + "/options").with(csrf()).cookie(session))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("method_limit_reached"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("10")));
    mvc.perform(
            register(
                "Key 11",
                new TestAuthenticator().register(new byte[32], "localhost", ORIGIN, (byte) 0x45)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("method_limit_reached"));
  }

  @Test
  void badInputIsRefusedWithTheFieldNamed() throws Exception {
    withAppAndStepUp();
    String credential = new TestAuthenticator().register(body(options()), ORIGIN);
    mvc.perform(
            post(BASE)
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"credential\":" + credential + "}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"))
        .andExpect(jsonPath("$.field").value("displayName"));
    mvc.perform(register("   ", credential)).andExpect(jsonPath("$.field").value("displayName"));
    mvc.perform(register("x".repeat(65), credential))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("displayName"));
    mvc.perform(register("Key", "\"not json\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("credential"));
    mvc.perform(
            register(
                "Key",
                "{\"type\":\"public-key\",\"id\":\"AQID\",\"response\":{\"clientDataJSON\":\"%%%\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("credential.response.clientDataJSON"));
    mvc.perform(
            register(
                "Key",
                "{\"type\":\"public-key\",\"id\":\"AQID\",\"response\":{\"clientDataJSON\":\"AQID\",\"attestationObject\":\"AQID\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("verification_failed"))
        .andExpect(jsonPath("$.reason").value("malformed"));
    // The pending challenge was used up by that failure.
    mvc.perform(
            register(
                "Key",
                "{\"type\":\"public-key\",\"id\":\"AQID\",\"response\":{\"clientDataJSON\":\"AQID\",\"attestationObject\":\"AQID\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("verification_failed"))
        .andExpect(jsonPath("$.reason").value("challenge"));
    mvc.perform(
            post(BASE)
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"));
    // The credential may also come as a string holding its JSON.
    String options = body(options());
    String asString =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .writeValueAsString(new TestAuthenticator().register(options, ORIGIN));
    mvc.perform(register("As text", asString)).andExpect(status().isCreated());
  }

  @Test
  void theGenericStepUpEndpointsTakeASecurityKey() throws Exception {
    withAppAndStepUp();
    TestAuthenticator key = new TestAuthenticator().counter(1);
    String id =
        JsonPath.read(
            mvc.perform(register("Backup key", key.register(body(options()), ORIGIN)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    clock.advance(Duration.ofMinutes(11));

    // SPEC Appendix A: challenges answers WebAuthn request options for a security key ...
    String challenge =
        body(
            mvc.perform(
                    post("/api/v1/session/mfa/challenges")
                        .with(csrf())
                        .cookie(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"methodId\":\"" + id + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("fido2"))
                .andExpect(
                    jsonPath("$.publicKey.allowCredentials[0].id").value(key.credentialId())));
    String options =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(challenge)
            .get("publicKey")
            .toString();

    // ... and /mfa takes {methodId, credential}; a missing credential names the field.
    mvc.perform(
            post("/api/v1/session/mfa")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"methodId\":\"" + id + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("credential"));
    key.counter(2);
    mvc.perform(
            post("/api/v1/session/mfa")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"methodId\":\""
                        + id
                        + "\",\"credential\":"
                        + key.assertion(options, ORIGIN)
                        + "}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.mfa").value(true));
    mvc.perform(setDefault(id)).andExpect(status().isNoContent());
  }

  @Test
  void aKeyStepsUpAndItsCounterMustGrow() throws Exception {
    withAppAndStepUp();
    TestAuthenticator key = new TestAuthenticator().counter(1);
    String id =
        JsonPath.read(
            mvc.perform(register("YubiKey", key.register(body(options()), ORIGIN)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");

    clock.advance(Duration.ofMinutes(11));
    mvc.perform(setDefault(id))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("mfa_required"));

    // An assertion without options first has no challenge to answer.
    mvc.perform(assertion(key.assertion(new byte[32], "localhost", ORIGIN, (byte) 5)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("challenge"));

    String options =
        body(
            mvc.perform(post(BASE + "/assertion-options").with(csrf()).cookie(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rpId").value("localhost"))
                .andExpect(jsonPath("$.allowCredentials[0].id").value(key.credentialId()))
                .andExpect(jsonPath("$.allowCredentials[0].type").value("public-key")));
    key.counter(2);
    mvc.perform(assertion(key.assertion(options, ORIGIN)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.mfa").value(true))
        .andExpect(jsonPath("$.expiresAt").exists());
    assertThat(stored(UUID.fromString(id)).signCount()).isEqualTo(2);
    mvc.perform(setDefault(id)).andExpect(status().isNoContent());

    // A cloned key shows an old counter: refused, and nothing is stored.
    clock.advance(Duration.ofMinutes(11));
    key.counter(2);
    options = body(mvc.perform(post(BASE + "/assertion-options").with(csrf()).cookie(session)));
    mvc.perform(assertion(key.assertion(options, ORIGIN)).header("Accept-Language", "nl"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("counter"))
        .andExpect(jsonPath("$.detail").value(startsWith("De handtekeningteller")));
    key.counter(1);
    options = body(mvc.perform(post(BASE + "/assertion-options").with(csrf()).cookie(session)));
    mvc.perform(assertion(key.assertion(options, ORIGIN)))
        .andExpect(jsonPath("$.reason").value("counter"));
    assertThat(stored(UUID.fromString(id)).signCount()).isEqualTo(2);
    mvc.perform(setDefault(appId)).andExpect(status().isForbidden());

    // Another key, or a wrong origin, does not step up either.
    options = body(mvc.perform(post(BASE + "/assertion-options").with(csrf()).cookie(session)));
    mvc.perform(assertion(new TestAuthenticator().assertion(options, ORIGIN)))
        .andExpect(jsonPath("$.reason").value("unknown_credential"));
    key.counter(3);
    options = body(mvc.perform(post(BASE + "/assertion-options").with(csrf()).cookie(session)));
    mvc.perform(assertion(key.assertion(options, "http://evil.example")))
        .andExpect(jsonPath("$.reason").value("origin"));
    mvc.perform(assertion("{\"type\":\"public-key\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("credential.response"));
  }

  @Test
  void assertionOptionsNeedAKey() throws Exception {
    mvc.perform(post(BASE + "/assertion-options").with(csrf()).cookie(session))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("method_not_found"));
  }

  @Test
  void thePageExplainsThatAnotherMethodComesFirstThenOffersTheCeremony() throws Exception {
    mvc.perform(post("/security-info/security-key").with(csrf()).cookie(session))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.view()
                .name(SecurityKeyController.NEEDS_OTHER_VIEW));
    mvc.perform(get("/security-info").cookie(session))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("id=\"add-fido2\"")));
    withAppAndStepUp();
    mvc.perform(
            post("/security-info/security-key")
                .with(csrf())
                .cookie(session)
                .header("Accept-Language", "nl"))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.view()
                .name(SecurityKeyController.VIEW))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(
                    org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString(
                            "data-options-url=\"/api/v1/me/authentication/fido2Methods/options\""),
                        org.hamcrest.Matchers.containsString(
                            "data-msg-name-required=\"Geef de sleutel een naam.\""),
                        org.hamcrest.Matchers.containsString("src=\"/js/webauthn.js\""))));
    mvc.perform(get("/security-info/security-key/added").cookie(session))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute("notice", "methods.webauthn.added"));
    mvc.perform(get("/js/webauthn.js")).andExpect(status().isOk());
  }

  // --- helpers

  private void withAppAndStepUp() throws Exception {
    String json =
        mvc.perform(
                post("/api/v1/me/authentication/softwareOathMethods").with(csrf()).cookie(session))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    appId = JsonPath.read(json, "$.id");
    appSecret = JsonPath.read(json, "$.secret");
    mvc.perform(
            post("/api/v1/me/authentication/softwareOathMethods/" + appId + "/verify")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code() + "\"}"))
        .andExpect(status().isOk());
    clock.advance(Duration.ofSeconds(30));
    mvc.perform(
            post("/api/v1/session/mfa")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"methodId\":\"" + appId + "\",\"code\":\"" + code() + "\"}"))
        .andExpect(status().isOk());
  }

  private String code() {
    return TotpVerifier.codeAt(TotpSecrets.decode(appSecret), TotpVerifier.stepAt(clock.instant()));
  }

  private ResultActions options() throws Exception {
    return mvc.perform(post(BASE + "/options").with(csrf()).cookie(session))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rp.id").value("localhost"))
        .andExpect(jsonPath("$.attestation").value("none"))
        .andExpect(jsonPath("$.pubKeyCredParams[*].alg").value(contains(-7, -257, -8)));
  }

  private static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder register(
      String name, String credential) {
    String nameJson =
        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(name);
    return post(BASE)
        .with(csrf())
        .cookie(session)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"displayName\":" + nameJson + ",\"credential\":" + credential + "}");
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder assertion(
      String credential) {
    return post(BASE + "/assertion")
        .with(csrf())
        .cookie(session)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"credential\":" + credential + "}");
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder setDefault(
      String id) {
    return put("/api/v1/me/authentication/default")
        .with(csrf())
        .cookie(session)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"methodId\":\"" + id + "\"}");
  }

  private StoredCredential stored(UUID id) {
    return StoredCredential.fromJson(
        jdbc.sql("SELECT data FROM auth_method WHERE id = ?")
            .param(id)
            .query(String.class)
            .single());
  }
}
