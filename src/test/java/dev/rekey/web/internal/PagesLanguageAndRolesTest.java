package dev.rekey.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.support.Cookies;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@RekeyTest
class PagesLanguageAndRolesTest {

  @Autowired MockMvc mvc;

  Cookie as(String user) throws Exception {
    return TestSessions.session(mvc, user + "@contoso.com", TestSessions.DEMO_PASSWORD);
  }

  String page(String path, String acceptLanguage) throws Exception {
    var request = get(path);
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void langParameterSwitchesToDutchAndIsRemembered() throws Exception {
    MvcResult result =
        mvc.perform(get("/login").param("lang", "nl"))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("Aanmelden")))
            .andReturn();
    Cookie lang = Cookies.find(result, "rekey-lang");
    assertThat(lang).isNotNull();
    assertThat(lang.getValue()).isEqualTo("nl");

    mvc.perform(get("/login").cookie(lang).header("Accept-Language", "en"))
        .andExpect(content().string(Matchers.containsString("Aanmelden")));
    mvc.perform(get("/login").param("lang", "en"))
        .andExpect(content().string(Matchers.containsString("Sign in")));
  }

  @Test
  void unsupportedLangParameterIsIgnored() throws Exception {
    assertThat(page("/login?lang=xx", null)).contains("Sign in");
    assertThat(page("/login?lang=%00%ff", "nl")).contains("Aanmelden");
  }

  @Test
  void browserLanguageChoosesDutchOrFallsBackToEnglish() throws Exception {
    assertThat(page("/login", "nl-BE,nl;q=0.9")).contains("Aanmelden").contains("lang=\"nl\"");
    assertThat(page("/login", "de")).contains("Sign in").contains("lang=\"en\"");
    assertThat(page("/login", "de-DE,de;q=0.9,nl;q=0.5")).contains("Aanmelden");
  }

  @Test
  void malformedAcceptLanguageFallsBackToEnglishNotAnError() throws Exception {
    assertThat(page("/login", "nl;q=abc")).contains("Sign in");
    assertThat(page("/login", ";;;,,,")).contains("Sign in");
    assertThat(page("/login", "x".repeat(300))).contains("Sign in");
  }

  @Test
  void errorPageIsLocalisedWithoutStackTrace() throws Exception {
    for (String[] expected :
        new String[][] {
          {"en", "We couldn&#39;t find this page.", "Error 404"},
          {"nl", "We kunnen deze pagina niet vinden.", "Fout 404"}
        }) {
      String html =
          mvc.perform(
                  get("/error")
                      .header("Accept-Language", expected[0])
                      .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                      .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/no-such-page"))
              .andExpect(status().isNotFound())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(html)
          .contains(expected[1], expected[2])
          .doesNotContain("Exception", "at dev.rekey", "Whitelabel");
    }
  }

  @Test
  void errorPageLanguageLinksPointAtTheFailedPageNeverElsewhere() throws Exception {
    String html =
        mvc.perform(
                get("/error")
                    .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                    .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/no-such-page"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("href=\"/no-such-page?lang=nl\"");

    String crafted =
        mvc.perform(
                get("/error")
                    .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                    .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "//evil.example/x"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(crafted).contains("href=\"/?lang=nl\"").doesNotContain("evil.example");
  }

  @Test
  void errorDispatchForAnApiPathAnswersAProblem() throws Exception {
    mvc.perform(
            get("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/nothing"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("not_found"));
  }

  @Test
  void unknownPageForASignedInUserIsNotFound() throws Exception {
    mvc.perform(get("/no-such-page").cookie(as("alain"))).andExpect(status().isNotFound());
  }

  @Test
  void plainUserIsForbiddenFromAdministration() throws Exception {
    Cookie alain = as("alain");
    mvc.perform(get("/admin").cookie(alain)).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/admin/anything").cookie(alain))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("forbidden"));
  }

  @Test
  void helpdeskAndAdminMayOpenAdministration() throws Exception {
    mvc.perform(get("/admin").cookie(as("helpdesk"))).andExpect(status().isOk());
    mvc.perform(get("/admin").cookie(as("admin"))).andExpect(status().isOk());
  }

  @Test
  void anonymousPageVisitIsSentToSignIn() throws Exception {
    mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/admin"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
  }

  @Test
  void anonymousApiCallIsAnUnauthenticatedProblem() throws Exception {
    mvc.perform(
            post("/api/v1/me/password")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currentPassword\":\"a\",\"newPassword\":\"b\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("unauthenticated"));
    mvc.perform(get("/api/v1/admin/anything"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthenticated"));
  }

  @Test
  void healthIsUpWithTheDatabaseEvenThoughMailIsUnreachable() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/health/readiness"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
  }

  @Test
  void prometheusEndpointAnswersMetricsText() throws Exception {
    mvc.perform(get("/actuator/prometheus"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("# HELP")))
        .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
  }
}
