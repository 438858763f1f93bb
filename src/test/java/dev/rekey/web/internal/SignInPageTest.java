package dev.rekey.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.support.Cookies;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import dev.rekey.web.SignedIn;
import dev.rekey.web.SignedOut;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@RekeyTest
@RecordApplicationEvents
class SignInPageTest {

  @Autowired MockMvc mvc;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;
  @Autowired ApplicationEvents events;

  String freshUser() {
    String upn = TestSessions.freshUpn("page");
    TestSessions.createAccount(tenants, directory, upn, TestSessions.DEMO_PASSWORD, false);
    return upn;
  }

  @Test
  void signInPageRendersTheFormWithLabelledFields() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(view().name(SignInController.VIEW))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("<label for=\"userId\"")))
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("<label for=\"password\"")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
  }

  @Test
  void blankFieldsShowEnglishFieldErrorsLinkedToTheInputs() throws Exception {
    String html =
        mvc.perform(post("/login").with(csrf()).param("userId", " ").param("password", ""))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .contains("id=\"userId-error\"", "Enter your user ID.")
        .contains("id=\"password-error\"", "Enter your password.")
        .contains("aria-describedby=\"userId-hint userId-error\"")
        .contains("aria-describedby=\"password-error\"");
    assertThat(html.split("aria-invalid=\"true\"", -1)).hasSize(3);
  }

  @Test
  void blankFieldsShowDutchFieldErrorsForADutchBrowser() throws Exception {
    String html =
        mvc.perform(
                post("/login")
                    .with(csrf())
                    .header("Accept-Language", "nl")
                    .param("userId", "")
                    .param("password", ""))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .contains("Voer uw gebruikers-id in.", "Voer uw wachtwoord in.")
        .contains("aria-invalid=\"true\"")
        .doesNotContain("Enter your user ID.");
  }

  @Test
  void wrongPasswordShowsTheGenericErrorAndKeepsTheUserId() throws Exception {
    String upn = freshUser();
    String html =
        mvc.perform(
                post("/login")
                    .with(csrf())
                    .with(
                        r -> {
                          r.setRemoteAddr("10.20.0.1");
                          return r;
                        })
                    .param("userId", upn)
                    .param("password", "not-the-password"))
            .andExpect(status().isOk())
            .andExpect(view().name(SignInController.VIEW))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .contains("id=\"signin-error\"", "Your user ID or password is incorrect.")
        .contains("value=\"" + upn + "\"")
        .doesNotContain("not-the-password");
  }

  @Test
  void successRedirectsHomeAndTheHomePageKnowsTheUser() throws Exception {
    String upn = freshUser();
    MvcResult result =
        mvc.perform(
                post("/login")
                    .with(csrf())
                    .param("userId", upn.toUpperCase())
                    .param("password", TestSessions.DEMO_PASSWORD))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/"))
            .andReturn();
    Cookie session = Cookies.session(result);
    assertThat(session).isNotNull();

    mvc.perform(get("/").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString(upn)));
    assertThat(events.stream(SignedIn.class)).isNotEmpty();
  }

  /** ASVS 5.0 §7.2.4: signing in again replaces the session id; the old id is worthless. */
  @Test
  void signInIssuesANewSessionIdAndTheOldOneNoLongerWorks() throws Exception {
    String upn = freshUser();
    Cookie first = TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);

    MvcResult again =
        mvc.perform(
                post("/login")
                    .with(csrf())
                    .cookie(first)
                    .param("userId", upn)
                    .param("password", TestSessions.DEMO_PASSWORD))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    Cookie second = Cookies.session(again);

    assertThat(second).isNotNull();
    assertThat(second.getValue()).isNotEqualTo(first.getValue());
    mvc.perform(get("/api/v1/session").cookie(first))
        .andExpect(jsonPath("$.authenticated").value(false));
    mvc.perform(get("/api/v1/session").cookie(second))
        .andExpect(jsonPath("$.authenticated").value(true));
  }

  @Test
  void anonymousSessionIdIsNotKeptAfterSignIn() throws Exception {
    MvcResult anonymous = mvc.perform(get("/login")).andReturn();
    Cookie before = Cookies.session(anonymous);
    String upn = freshUser();
    var request =
        post("/login")
            .with(csrf())
            .param("userId", upn)
            .param("password", TestSessions.DEMO_PASSWORD);
    if (before != null) {
      request.cookie(before);
    }

    Cookie after = Cookies.session(mvc.perform(request).andReturn());

    assertThat(after).isNotNull();
    if (before != null) {
      assertThat(after.getValue()).isNotEqualTo(before.getValue());
    }
  }

  @Test
  void signOutEndsTheSession() throws Exception {
    String upn = freshUser();
    Cookie session = TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);

    mvc.perform(post("/logout").with(csrf()).cookie(session))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login?signedOut"));

    mvc.perform(get("/").cookie(session))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
    mvc.perform(get("/api/v1/session").cookie(session))
        .andExpect(jsonPath("$.authenticated").value(false));
    assertThat(events.stream(SignedOut.class)).isNotEmpty();
  }

  @Test
  void signOutThroughTheApiEndsTheSession() throws Exception {
    String upn = freshUser();
    Cookie session = TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);

    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/session")
                .with(csrf())
                .cookie(session))
        .andExpect(status().isNoContent());

    mvc.perform(get("/api/v1/session").cookie(session))
        .andExpect(jsonPath("$.authenticated").value(false));
  }
}
