package dev.rekey.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.support.Cookies;
import dev.rekey.support.RekeyTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@RekeyTest
class SignInApiTest {

  @Autowired MockMvc mvc;

  @Test
  void signInWithDemoPasswordThenSessionKnowsTheUser() throws Exception {
    var result =
        mvc.perform(
                post("/api/v1/session")
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"userId\":\"Alain@Contoso.com\",\"password\":\"Welcome-to-Rekey-1\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.authenticated").value(true))
            .andExpect(jsonPath("$.userId").value("alain@contoso.com"))
            .andReturn();
    var cookie = Cookies.session(result);
    assertThat(cookie).as("server-side session cookie").isNotNull();
    mvc.perform(get("/api/v1/session").cookie(cookie))
        .andExpect(jsonPath("$.authenticated").value(true))
        .andExpect(jsonPath("$.roles[0]").value("user"));
  }

  @Test
  void wrongPasswordAndUnknownUserGiveTheSameProblem() throws Exception {
    for (String user : new String[] {"adele@contoso.com", "nobody@contoso.com"}) {
      mvc.perform(
              post("/api/v1/session")
                  .with(csrf())
                  .header("Accept-Language", "nl")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"userId\":\"" + user + "\",\"password\":\"wrong-password\"}"))
          .andExpect(status().isUnauthorized())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value("invalid_credentials"))
          .andExpect(jsonPath("$.detail").value("Uw gebruikers-id of wachtwoord is onjuist."));
    }
  }
}
