package dev.rekey.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.support.Cookies;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@RekeyTest
// Its own context: spring-security-test's csrf() swaps the CSRF filter's token repository of the
// context it runs in for a session-based test double, so the real XSRF-TOKEN cookie flow can only
// be tested in a context where csrf() is never used.
@TestPropertySource(properties = "spring.application.name=rekey-csrf-test")
class CsrfTest {

  @Autowired MockMvc mvc;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;

  @Test
  void unsafeApiCallWithoutTheXsrfHeaderIsRefusedAsProblem() throws Exception {
    mvc.perform(
            post("/api/v1/session")
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body("alain@contoso.com", TestSessions.DEMO_PASSWORD)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("csrf_invalid"));
  }

  @Test
  void unsafeApiCallWithAWrongXsrfHeaderIsRefused() throws Exception {
    MvcResult first = mvc.perform(get("/api/v1/session")).andReturn();
    Cookie xsrf = Cookies.find(first, "XSRF-TOKEN");
    mvc.perform(
            post("/api/v1/session")
                .cookie(xsrf)
                .header("X-XSRF-TOKEN", "not-" + xsrf.getValue())
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body("alain@contoso.com", TestSessions.DEMO_PASSWORD)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("csrf_invalid"));
  }

  @Test
  void xsrfCookieEchoedInTheHeaderIsAccepted() throws Exception {
    String upn = TestSessions.freshUpn("csrf");
    TestSessions.createAccount(tenants, directory, upn, TestSessions.DEMO_PASSWORD, false);

    MvcResult first =
        mvc.perform(get("/api/v1/session"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.authenticated").value(false))
            .andReturn();
    System.err.println(
        "DEBUGHDR "
            + first.getResponse().getHeaderNames()
            + " "
            + first.getResponse().getHeaders("Set-Cookie")
            + java.util.Arrays.toString(first.getResponse().getCookies()));
    Cookie xsrf = Cookies.find(first, "XSRF-TOKEN");
    assertThat(xsrf).as("XSRF-TOKEN cookie").isNotNull();
    assertThat(xsrf.getValue()).isNotBlank();

    mvc.perform(
            post("/api/v1/session")
                .cookie(xsrf)
                .header("X-XSRF-TOKEN", xsrf.getValue())
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body(upn, TestSessions.DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.authenticated").value(true));
  }

  @Test
  void signInThroughTheCookieFlowThenUnsafeCallsNeedTheNewToken() throws Exception {
    String upn = TestSessions.freshUpn("csrf-flow");
    TestSessions.createAccount(tenants, directory, upn, TestSessions.DEMO_PASSWORD, false);
    Cookie xsrf = Cookies.find(mvc.perform(get("/api/v1/session")).andReturn(), "XSRF-TOKEN");
    MvcResult signIn =
        mvc.perform(
                post("/api/v1/session")
                    .cookie(xsrf)
                    .header("X-XSRF-TOKEN", xsrf.getValue())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(TestSessions.body(upn, TestSessions.DEMO_PASSWORD)))
            .andExpect(status().isOk())
            .andReturn();
    Cookie session = Cookies.session(signIn);
    Cookie fresh = Cookies.find(signIn, "XSRF-TOKEN");
    assertThat(fresh).as("token replaced at sign-in").isNotNull();
    assertThat(fresh.getValue()).isNotEqualTo(xsrf.getValue());

    mvc.perform(delete("/api/v1/session").cookie(session))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("csrf_invalid"));
    mvc.perform(
            delete("/api/v1/session")
                .cookie(session, fresh)
                .header("X-XSRF-TOKEN", fresh.getValue()))
        .andExpect(status().isNoContent());
  }
}
