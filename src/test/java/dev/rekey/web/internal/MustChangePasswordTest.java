package dev.rekey.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.PasswordChanged;
import dev.rekey.directory.Role;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@RekeyTest
@RecordApplicationEvents
class MustChangePasswordTest {

  static final String TEMPORARY = "Temp-Password-123456";

  @Autowired MockMvc mvc;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;
  @Autowired ApplicationEvents events;

  Account temporaryAdmin() {
    return TestSessions.createAccount(
        tenants, directory, TestSessions.freshUpn("temp-admin"), TEMPORARY, true, Role.ADMIN);
  }

  ResultActions changeForm(Cookie session, String lang, String current, String next, String confirm)
      throws Exception {
    return mvc.perform(
        post("/change-password")
            .with(csrf())
            .cookie(session)
            .header("Accept-Language", lang)
            .param("currentPassword", current)
            .param("newPassword", next)
            .param("confirmPassword", confirm));
  }

  ResultActions changeApi(Cookie session, String current, String next) throws Exception {
    return mvc.perform(
        post("/api/v1/me/password")
            .with(csrf())
            .cookie(session)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}"));
  }

  @Test
  void temporaryPasswordHoldsTheUserOnTheChangePage() throws Exception {
    Account admin = temporaryAdmin();
    var signIn = TestSessions.signIn(mvc, admin.upn(), TEMPORARY);
    assertThat(signIn.getResponse().getContentAsString()).contains("\"mustChangePassword\":true");
    Cookie session = dev.rekey.support.Cookies.session(signIn);

    for (String page : new String[] {"/", "/admin", "/no-such-page"}) {
      mvc.perform(get(page).cookie(session))
          .andExpect(status().is3xxRedirection())
          .andExpect(redirectedUrl("/change-password"));
    }
    mvc.perform(get("/api/v1/admin/anything").cookie(session))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("password_change_required"));
    mvc.perform(get("/api/v1/session").cookie(session))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.authenticated").value(true));
    mvc.perform(get("/change-password").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("temporary password")));
  }

  @Test
  void pageSignInWithTemporaryPasswordGoesToTheChangePage() throws Exception {
    Account admin = temporaryAdmin();
    mvc.perform(
            post("/login").with(csrf()).param("userId", admin.upn()).param("password", TEMPORARY))
        .andExpect(redirectedUrl("/change-password"));
  }

  @Test
  void changingThePasswordOnThePageLiftsTheHold() throws Exception {
    Account admin = temporaryAdmin();
    Cookie session = TestSessions.session(mvc, admin.upn(), TEMPORARY);

    changeForm(session, "en", TEMPORARY, "My-Own-Password-42", "My-Own-Password-42")
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/"));

    mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
    mvc.perform(get("/admin").cookie(session)).andExpect(status().isOk());
    assertThat(directory.findById(admin.id()).orElseThrow().mustChangePassword()).isFalse();
    assertThat(directory.authenticate(admin.upn(), "My-Own-Password-42")).isPresent();
    assertThat(events.stream(PasswordChanged.class))
        .anyMatch(
            e ->
                e.accountId().equals(admin.id())
                    && e.actorId().equals(admin.id())
                    && e.kind() == PasswordChanged.Kind.SELF_SERVICE_CHANGE);
  }

  @Test
  void changingThePasswordThroughTheApiLiftsTheHold() throws Exception {
    Account admin = temporaryAdmin();
    Cookie session = TestSessions.session(mvc, admin.upn(), TEMPORARY);

    changeApi(session, TEMPORARY, "My-Own-Password-43").andExpect(status().isNoContent());

    mvc.perform(get("/admin").cookie(session)).andExpect(status().isOk());
    assertThat(directory.findById(admin.id()).orElseThrow().mustChangePassword()).isFalse();
    assertThat(events.stream(PasswordChanged.class))
        .anyMatch(e -> e.accountId().equals(admin.id()));
  }

  @Test
  void pageRefusalsAreLocalisedFieldErrors() throws Exception {
    Account admin = temporaryAdmin();
    Cookie session = TestSessions.session(mvc, admin.upn(), TEMPORARY);

    assertFieldError(
        changeForm(session, "en", "Wrong-Current-1", "Another-Pass-1", "Another-Pass-1"),
        "currentPassword",
        "Your current password is incorrect.");
    assertFieldError(
        changeForm(session, "nl", "Wrong-Current-1", "Another-Pass-1", "Another-Pass-1"),
        "currentPassword",
        "Uw huidige wachtwoord is onjuist.");
    assertFieldError(
        changeForm(session, "en", TEMPORARY, "short", "short"),
        "newPassword",
        "Your new password must have at least 8 characters.");
    assertFieldError(
        changeForm(session, "nl", TEMPORARY, "short", "short"),
        "newPassword",
        "Uw nieuwe wachtwoord moet minstens 8 tekens hebben.");
    assertFieldError(
        changeForm(session, "en", TEMPORARY, "Another-Pass-1", "Another-Pass-2"),
        "confirmPassword",
        "The new password and its confirmation don");
    assertFieldError(
        changeForm(session, "en", TEMPORARY, TEMPORARY, TEMPORARY),
        "newPassword",
        "You used this password recently.");
    String both =
        changeForm(session, "nl", TEMPORARY, "C0ntoso", "C0ntoso")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(both)
        .contains("Uw nieuwe wachtwoord moet minstens 8 tekens hebben.")
        .contains("woorden of namen die makkelijk te raden zijn")
        .contains("data-evaluate-url=\"/api/v1/me/password/evaluate\"")
        .contains("aria-live=\"polite\"")
        .contains("data-strength-4=\"Zeer sterk\"");
    assertFieldError(
        changeForm(session, "nl", "", "Another-Pass-1", "Another-Pass-1"),
        "currentPassword",
        "Voer uw huidige wachtwoord in.");
    assertThat(events.stream(PasswordChanged.class))
        .noneMatch(e -> e.accountId().equals(admin.id()));
    assertThat(directory.findById(admin.id()).orElseThrow().mustChangePassword()).isTrue();
  }

  @Test
  void apiRefusalsAreProblemsNamingTheField() throws Exception {
    Account admin = temporaryAdmin();
    Cookie session = TestSessions.session(mvc, admin.upn(), TEMPORARY);

    changeApi(session, "Wrong-Current-1", "Another-Pass-1")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("invalid_credentials"))
        .andExpect(jsonPath("$.field").value("currentPassword"));
    changeApi(session, TEMPORARY, "short")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("password_policy"))
        .andExpect(jsonPath("$.field").value("newPassword"))
        .andExpect(jsonPath("$.detail").value("Your new password must have at least 8 characters."))
        .andExpect(jsonPath("$.reasons[0].code").value("too_short"));
    changeApi(session, TEMPORARY, "Password")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("password_policy"))
        .andExpect(jsonPath("$.reasons[0].code").value("common"))
        .andExpect(jsonPath("$.reasons[1].code").value("banned"))
        .andExpect(
            jsonPath("$.reasons[1].message")
                .value(org.hamcrest.Matchers.containsString("easy to guess")));
    changeApi(session, TEMPORARY, "x".repeat(257))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("password_policy"));
    changeApi(session, TEMPORARY, TEMPORARY)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("password_policy"))
        .andExpect(jsonPath("$.field").value("newPassword"));
    assertThat(events.stream(PasswordChanged.class))
        .noneMatch(e -> e.accountId().equals(admin.id()));
  }

  @Test
  void anyOfTheLastFivePasswordsCannotBeReusedButTheSixthOldestCan() throws Exception {
    Account user =
        TestSessions.createAccount(
            tenants, directory, TestSessions.freshUpn("history"), "Carousel-0-x", false);
    Cookie session = TestSessions.session(mvc, user.upn(), "Carousel-0-x");
    for (int i = 1; i <= 5; i++) {
      changeApi(session, "Carousel-" + (i - 1) + "-x", "Carousel-" + i + "-x")
          .andExpect(status().isNoContent());
    }
    changeApi(session, "Carousel-5-x", "Carousel-1-x")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("password_policy"));
    changeApi(session, "Carousel-5-x", "Carousel-0-x").andExpect(status().isNoContent());
  }

  private static void assertFieldError(ResultActions result, String field, String message)
      throws Exception {
    String html = result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(html)
        .contains("id=\"" + field + "-error\"")
        .contains(message)
        .contains("aria-invalid=\"true\"")
        .containsPattern("aria-describedby=\"[^\"]*" + field + "-error\"");
  }
}
