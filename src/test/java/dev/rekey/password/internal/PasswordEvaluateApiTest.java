package dev.rekey.password.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@RekeyTest
class PasswordEvaluateApiTest {

  static final String PATH = "/api/v1/me/password/evaluate";

  @Autowired MockMvc mvc;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;

  Cookie session;

  @BeforeEach
  void signIn() throws Exception {
    String upn = TestSessions.freshUpn("meter");
    TestSessions.createAccount(tenants, directory, upn, "Initial-Pass-Phrase-1", false);
    session = TestSessions.session(mvc, upn, "Initial-Pass-Phrase-1");
  }

  ResultActions evaluate(String json, String language) throws Exception {
    return mvc.perform(
        post(PATH)
            .with(csrf())
            .cookie(session)
            .header("Accept-Language", language)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  @Test
  void weakPasswordGetsEveryReasonInEnglish() throws Exception {
    evaluate("{\"newPassword\":\"C0ntoso\"}", "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.acceptable").value(false))
        .andExpect(jsonPath("$.strength").value(0))
        .andExpect(jsonPath("$.reasons", hasSize(2)))
        .andExpect(jsonPath("$.reasons[0].code").value("too_short"))
        .andExpect(
            jsonPath("$.reasons[0].message")
                .value("Your new password must have at least 8 characters."))
        .andExpect(jsonPath("$.reasons[1].code").value("banned"))
        .andExpect(
            jsonPath("$.reasons[1].message")
                .value(org.hamcrest.Matchers.containsString("easy to guess")));
  }

  @Test
  void reasonsAreInDutchForDutchCallers() throws Exception {
    evaluate("{\"newPassword\":\"sunshine\"}", "nl")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reasons[0].code").value("common"))
        .andExpect(
            jsonPath("$.reasons[0].message")
                .value(
                    "Dit is een van de meest gebruikte wachtwoorden. Kies iets wat minder"
                        + " voorspelbaar is."));
  }

  @Test
  void strongPasswordIsAcceptableWithoutReasons() throws Exception {
    evaluate("{\"newPassword\":\"violet tram carousel at dusk\"}", "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.acceptable").value(true))
        .andExpect(jsonPath("$.strength").value(4))
        .andExpect(jsonPath("$.reasons", hasSize(0)));
  }

  @Test
  void theMeterDoesNotRevealRecentPasswords() throws Exception {
    evaluate("{\"newPassword\":\"Initial-Pass-Phrase-1\"}", "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.acceptable").value(true));
  }

  @Test
  void missingPasswordIsAnInvalidRequestNamingTheField() throws Exception {
    evaluate("{}", "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"))
        .andExpect(jsonPath("$.field").value("newPassword"));
  }

  @Test
  void anonymousCallersAndMissingCsrfAreRefused() throws Exception {
    mvc.perform(
            post(PATH)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"newPassword\":\"x\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthenticated"));
    mvc.perform(
            post(PATH)
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"newPassword\":\"x\"}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void passwordBundleHasTheSameKeysInEnglishAndDutch() throws Exception {
    Properties en = load("i18n/password.properties");
    Properties nl = load("i18n/password_nl.properties");
    assertThat(nl.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String code :
        new String[] {
          "too_short", "too_long", "character_classes", "common", "banned", "breached", "reused"
        }) {
      assertThat(en.getProperty("password.reason." + code)).as(code).isNotBlank();
    }
  }

  private static Properties load(String path) throws Exception {
    Properties properties = new Properties();
    try (var in = PasswordEvaluateApiTest.class.getClassLoader().getResourceAsStream(path)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
