package dev.rekey.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.support.Cookies;
import jakarta.servlet.http.Cookie;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-in and password change through the real API, for the delivery tests. */
final class Journeys {

  static final String DEMO_PASSWORD = "Welcome-to-Rekey-1";

  private Journeys() {}

  static Cookie signIn(MockMvc mvc, String userId, String password, String language)
      throws Exception {
    var result =
        mvc.perform(
                post("/api/v1/session")
                    .with(csrf())
                    .header("Accept-Language", language)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"userId\":\"" + userId + "\",\"password\":\"" + password + "\"}"))
            .andExpect(status().isOk())
            .andReturn();
    Cookie session = Cookies.session(result);
    assertThat(session).as("session cookie").isNotNull();
    return session;
  }

  /** Signs in with the demo password in a language and changes the password. */
  static void changePassword(MockMvc mvc, String userId, String language, String newPassword)
      throws Exception {
    Cookie session = signIn(mvc, userId, DEMO_PASSWORD, language);
    mvc.perform(
            post("/api/v1/me/password")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"currentPassword\":\""
                        + DEMO_PASSWORD
                        + "\",\"newPassword\":\""
                        + newPassword
                        + "\"}"))
        .andExpect(status().isNoContent());
  }
}
