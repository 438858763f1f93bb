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
import dev.rekey.support.TestSessions;
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

  @Autowired dev.rekey.directory.AccountDirectory directory;
  @Autowired dev.rekey.tenant.Tenants tenants;

  private String refusal(String userId, String password, String clientIp) throws Exception {
    return mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .with(
                    r -> {
                      r.setRemoteAddr(clientIp);
                      return r;
                    })
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body(userId, password)))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void unknownUserWrongPasswordUnknownTenantDisabledAndLockedAllAnswerAlike() throws Exception {
    String disabled = TestSessions.freshUpn("disabled");
    var d = TestSessions.createAccount(tenants, directory, disabled, "Right-Password-1", false);
    directory.setEnabled(d.id(), false);
    String locked = TestSessions.freshUpn("locked");
    var l = TestSessions.createAccount(tenants, directory, locked, "Right-Password-1", false);
    directory.setLocked(l.id(), true);
    String active = TestSessions.freshUpn("active");
    TestSessions.createAccount(tenants, directory, active, "Right-Password-1", false);

    String wrongPassword = refusal(active, "Wrong-Password-1", "10.30.0.1");
    assertThat(wrongPassword).contains("\"code\":\"invalid_credentials\"");
    assertThat(refusal(TestSessions.freshUpn("nobody"), "Right-Password-1", "10.30.0.2"))
        .isEqualTo(wrongPassword);
    assertThat(refusal("someone@unknown-tenant.example", "Right-Password-1", "10.30.0.3"))
        .isEqualTo(wrongPassword);
    assertThat(refusal(disabled, "Right-Password-1", "10.30.0.4")).isEqualTo(wrongPassword);
    assertThat(refusal(locked, "Right-Password-1", "10.30.0.5")).isEqualTo(wrongPassword);
    assertThat(refusal("megan@contoso.com", "Welcome-to-Rekey-1", "10.30.0.6"))
        .as("external password authority")
        .isEqualTo(wrongPassword);

    directory.setEnabled(d.id(), true);
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body(disabled, "Right-Password-1")))
        .andExpect(status().isOk());
  }

  @Test
  void missingOrOversizedFieldsAreInvalidRequestsNamingTheField() throws Exception {
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"))
        .andExpect(jsonPath("$.field").value("userId"));
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body("a".repeat(321), "x")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("userId"));
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .header("Accept-Language", "nl")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"alain@contoso.com\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("password"))
        .andExpect(jsonPath("$.detail").value("Voer uw wachtwoord in."));
  }
}
