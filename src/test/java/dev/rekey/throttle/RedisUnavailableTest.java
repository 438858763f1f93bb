package dev.rekey.throttle;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.support.CaptchaSolver;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Redis configured but not answering (nothing listens on port 1): the throttles fail closed with a
 * clear 503 problem or page, never a 500 and never an unthrottled attempt (OWASP ASVS 5.0
 * §16.5.2–16.5.3, no fail-open); health reports it. The node itself starts.
 */
@RekeyTest
@TestPropertySource(
    properties = {
      "spring.application.name=rekey-redis-down-test",
      "rekey.redis.url=redis://127.0.0.1:1",
      "rekey.redis.timeout=500ms",
      "rekey.reset.refusal-time=0ms"
    })
class RedisUnavailableTest {

  @Autowired MockMvc mvc;

  @Test
  void aResetCannotStartAndTheApiSaysWhy() throws Exception {
    String captcha = CaptchaSolver.fetchAndSolve(mvc);
    mvc.perform(
            post("/api/v1/reset/flows")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"adele@contoso.com\",\"captcha\":\"" + captcha + "\"}"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("throttle_unavailable"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("limits")));
  }

  @Test
  void signInIsRefusedRatherThanLeftUnthrottled() throws Exception {
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body("megan@contoso.com", TestSessions.DEMO_PASSWORD)))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("throttle_unavailable"));
  }

  @Test
  void theSignInPageSaysItInTheUsersLanguage() throws Exception {
    mvc.perform(
            post("/login")
                .with(csrf())
                .header("Accept-Language", "nl")
                .param("username", "megan@contoso.com")
                .param("userId", "megan@contoso.com")
                .param("password", TestSessions.DEMO_PASSWORD))
        .andExpect(status().isServiceUnavailable())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "De dienst kan de limieten op pogingen nu niet controleren")));
  }

  @Test
  void healthIsDownButTheNodeIsAlive() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.status").value("DOWN"));
    mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
  }
}
