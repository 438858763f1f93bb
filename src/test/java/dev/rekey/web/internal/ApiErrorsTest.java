package dev.rekey.web.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Bad input never causes a 500: every mistake is an RFC 9457 problem with a stable code. */
@RekeyTest
class ApiErrorsTest {

  @Autowired MockMvc mvc;

  Cookie session;

  @BeforeEach
  void signIn() throws Exception {
    session = TestSessions.session(mvc, "diego@contoso.com", TestSessions.DEMO_PASSWORD);
  }

  ResultActions postJson(String path, String json) throws Exception {
    return mvc.perform(
        post(path)
            .with(csrf())
            .cookie(session)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  static void problem(ResultActions result, int status, String code) throws Exception {
    result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.code").value(code))
        .andExpect(jsonPath("$.detail").isNotEmpty())
        .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("at dev.rekey"))));
  }

  @Test
  void malformedJsonIsAnInvalidRequest() throws Exception {
    problem(postJson("/api/v1/session", "{\"userId\":"), 400, "invalid_request");
    problem(postJson("/api/v1/me/password", "{not json"), 400, "invalid_request");
    problem(postJson("/api/v1/session", ""), 400, "invalid_request");
  }

  @Test
  void jsonArrayInsteadOfObjectIsAnInvalidRequest() throws Exception {
    problem(postJson("/api/v1/session", "[]"), 400, "invalid_request");
    problem(postJson("/api/v1/me/password", "[1,2]"), 400, "invalid_request");
    problem(postJson("/api/v1/me/password", "\"text\""), 400, "invalid_request");
  }

  @Test
  void wrongTypesAreInvalidRequestsNamingTheField() throws Exception {
    problem(postJson("/api/v1/session", "{\"userId\":5,\"password\":[]}"), 400, "invalid_request");
    postJson("/api/v1/session", "{\"userId\":\"a@contoso.com\",\"password\":{\"x\":1}}")
        .andExpect(jsonPath("$.field").value("password"));
    problem(
        postJson("/api/v1/me/password", "{\"currentPassword\":[],\"newPassword\":\"x\"}"),
        400,
        "invalid_request");
  }

  @Test
  void missingFieldsAreInvalidRequestsNamingTheField() throws Exception {
    problem(postJson("/api/v1/session", "{}"), 400, "invalid_request");
    postJson("/api/v1/me/password", "{\"currentPassword\":\"x\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("newPassword"));
    postJson("/api/v1/me/password", "{\"newPassword\":\"x\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("currentPassword"));
    problem(postJson("/api/v1/me/password", "null"), 400, "invalid_request");
  }

  @Test
  void bodyOverTheLimitIsRefusedBeforeParsing() throws Exception {
    String big = "{\"userId\":\"" + "a".repeat(70 * 1024) + "\",\"password\":\"x\"}";
    problem(postJson("/api/v1/session", big), 413, "payload_too_large");
  }

  @Test
  void unsupportedMediaTypeIsAProblem() throws Exception {
    problem(
        mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.TEXT_PLAIN)
                .content("userId=alain")),
        415,
        "unsupported_media_type");
  }

  /**
   * MockMvc performs no error dispatch, so this checks the status only; {@link RealServerTest}
   * checks the problem body the container's error dispatch renders.
   */
  @Test
  void unknownApiPathIsNotFound() throws Exception {
    mvc.perform(get("/api/v1/no-such-thing").cookie(session)).andExpect(status().isNotFound());
  }

  @Test
  void wrongMethodIsMethodNotAllowed() throws Exception {
    mvc.perform(put("/api/v1/session").with(csrf()).cookie(session))
        .andExpect(status().isMethodNotAllowed());
    mvc.perform(delete("/api/v1/me/password").with(csrf()).cookie(session))
        .andExpect(status().isMethodNotAllowed());
  }

  @Test
  void problemDetailIsInTheCallersLanguage() throws Exception {
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .header("Accept-Language", "nl")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Ongeldig verzoek"))
        .andExpect(jsonPath("$.detail").value("De inhoud van het verzoek is geen geldige JSON."));
  }
}
