package dev.rekey.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.support.CaptchaSolver;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.tenant.Tenants;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * The reset pages without a browser: the seed's messages verbatim in both languages, field errors
 * tied to their fields, the contact button, expiry, and the whole page flow with an app.
 */
@RekeyTest
@TestPropertySource(
    properties = {"spring.application.name=rekey-reset-pages-test", "rekey.reset.refusal-time=0ms"})
class ResetPagesTest {

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;

  ResetFixture fixture;
  MockHttpSession session;
  jakarta.servlet.http.Cookie cookie;

  @BeforeEach
  void fixture() {
    fixture = new ResetFixture(mvc, clock, tenants, directory, groups, jdbc);
    session = new MockHttpSession();
  }

  @Test
  void theStartPageIsLabelledAndCarriesTheCaptchaWidget() throws Exception {
    String page = page(get("/reset").header("Accept-Language", "nl"));
    assertThat(page)
        .contains("<label for=\"userId\">Gebruikers-id</label>")
        .contains("aria-describedby=\"userId-hint\"")
        .contains("data-captcha")
        .contains("name=\"captcha\"");
  }

  @Test
  void anEmptyUserIdIsAFieldError() throws Exception {
    String page = page(post("/reset").with(csrf()).param("userId", "  ").param("captcha", ""));
    assertThat(page)
        .contains("id=\"userId-error\"")
        .contains("aria-invalid=\"true\"")
        .contains("Enter your user ID.");
  }

  @Test
  void aMissingCaptchaKeepsTheUserIdAndSaysWhy() throws Exception {
    String page =
        page(
            post("/reset").with(csrf()).param("userId", "adele@contoso.com").param("captcha", "x"));
    assertThat(page)
        .contains("We couldn&#39;t check that you&#39;re a person")
        .contains("value=\"adele@contoso.com\"");
  }

  @Test
  void theSeedErrorsAppearVerbatimInEnglishAndDutch() throws Exception {
    assertThat(start("megan@contoso.com", "en"))
        .contains(
            html(
                "We've detected that your user account password is not managed by Rekey. As a"
                    + " result, we can't reset your password automatically. Contact your IT staff"
                    + " for further help."))
        .contains("Please contact your administrator.")
        .doesNotContain("id=\"contact-admin\"");
    assertThat(start("megan@contoso.com", "nl"))
        .contains("Neem contact op met de beheerder.")
        .contains(
            "We hebben ontdekt dat het wachtwoord van uw gebruikersaccount niet door Rekey wordt"
                + " beheerd. Hierdoor kunnen we uw wachtwoord niet automatisch opnieuw instellen."
                + " Neem contact op met uw IT-medewerkers voor verdere hulp.");
    assertThat(start("diego@contoso.com", "en"))
        .contains("Your account is not enabled for password reset.")
        .contains(
            html(
                "We're sorry, but your IT staff hasn't set up your account for use with this"
                    + " service. If you'd like, we can contact an administrator in your"
                    + " organization to reset your password for you."))
        .contains(">Contact an administrator<");
    assertThat(start("diego@contoso.com", "nl"))
        .contains("Uw account is niet ingeschakeld voor het opnieuw instellen van het wachtwoord.")
        .contains(
            "Het spijt ons, maar uw IT-medewerkers hebben uw account niet ingesteld voor gebruik"
                + " met deze service. Als u wilt, kunnen we contact opnemen met een beheerder in"
                + " uw organisatie om uw wachtwoord voor u opnieuw in te stellen.")
        .contains(">Contact opnemen met een beheerder<");
    String adele = start("adele@contoso.com", "en");
    assertThat(adele)
        .contains(html("We can't verify your account."))
        .contains(
            html(
                "If you'd like, we can contact an administrator in your organization to reset"
                    + " your password for you."));
    assertThat(start("adele@contoso.com", "nl"))
        .contains("We kunnen je account niet verifiëren.")
        .contains(
            "Als u wilt, kunnen we contact opnemen met een beheerder in uw organisatie om uw"
                + " wachtwoord voor u opnieuw in te stellen.");
    // An unknown account gets the very same page as Adele.
    assertThat(start("ghost@contoso.com", "en")).isEqualTo(adele);
  }

  @Test
  void contactingAnAdministratorFromTheRefusalPage() throws Exception {
    int before = jdbc.sql("SELECT COUNT(*) FROM helpdesk_request").query(Integer.class).single();
    start("diego@contoso.com", "en");
    String page = page(post("/reset/contact").with(csrf()).cookie(cookie));
    assertThat(page).contains(html("We've contacted an administrator"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM helpdesk_request").query(Integer.class).single())
        .isEqualTo(before + 1);
    // Without a refused user in the session there is nothing to send.
    mvc.perform(post("/reset/contact").with(csrf())).andExpect(status().is3xxRedirection());
    // Forms need the CSRF token.
    start("diego@contoso.com", "en");
    mvc.perform(post("/reset/contact").cookie(cookie)).andExpect(status().isForbidden());
  }

  @Test
  void aUserWithAnAppResetsThroughThePages() throws Exception {
    ResetFixture.User user = fixture.userWithApp("pages");
    MvcResult started =
        mvc.perform(
                post("/reset")
                    .with(csrf())
                    .session(session)
                    .param("userId", user.upn())
                    .param("captcha", CaptchaSolver.fetchAndSolve(mvc)))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String flowUrl = started.getResponse().getRedirectedUrl();
    assertThat(flowUrl).startsWith("/reset/");
    String verify = page(get(flowUrl));
    assertThat(verify)
        .contains("Verification step 1 of 1")
        .contains("Enter the code from my authenticator app")
        .contains(flowUrl + "/methods/" + user.appId());

    String methodUrl = flowUrl + "/methods/" + user.appId();
    assertThat(page(get(methodUrl))).contains("<label for=\"code\">Code</label>");
    MvcResult wrong =
        mvc.perform(post(methodUrl + "/verify").with(csrf()).param("code", "000000"))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat(wrong.getFlashMap().get("error")).isEqualTo("reset.code.wrong");
    mvc.perform(post(methodUrl + "/verify").with(csrf()).param("code", fixture.freshAppCode(user)))
        .andExpect(status().is3xxRedirection());

    String password = page(get(flowUrl));
    assertThat(password)
        .contains("Choose a new password")
        .contains("autocomplete=\"new-password\"")
        .contains("data-evaluate-url=\"/api/v1/reset/flows/");
    String refused =
        page(
            post(flowUrl + "/password")
                .with(csrf())
                .param("newPassword", "contoso1")
                .param("confirmPassword", "contoso1"));
    assertThat(refused).contains("id=\"newPassword-error\"").contains("aria-invalid=\"true\"");
    String mismatch =
        page(
            post(flowUrl + "/password")
                .with(csrf())
                .param("newPassword", ResetApiTest.NEW_PASSWORD)
                .param("confirmPassword", ResetApiTest.NEW_PASSWORD + "!"));
    assertThat(mismatch).contains("The passwords do not match.");
    String done =
        page(
            post(flowUrl + "/password")
                .with(csrf())
                .param("newPassword", ResetApiTest.NEW_PASSWORD)
                .param("confirmPassword", ResetApiTest.NEW_PASSWORD));
    assertThat(done).contains("Your password has been reset");
    assertThat(directory.authenticate(user.upn(), ResetApiTest.NEW_PASSWORD)).isPresent();
    // The finished flow's address now says it has expired.
    assertThat(page(get(flowUrl))).contains("This reset has expired");
  }

  @Test
  void anExpiredFlowSaysSoInDutch() throws Exception {
    ResetFixture.User user = fixture.userWithApp("pages-expiry");
    String flowId = fixture.flow(user.upn());
    clock.advance(Duration.ofMinutes(16));
    assertThat(page(get("/reset/" + flowId).header("Accept-Language", "nl")))
        .contains("Dit herstel is verlopen");
    assertThat(page(get("/reset/" + "<script>").header("Accept-Language", "nl")))
        .contains("Dit herstel is verlopen")
        .doesNotContain("<script>");
  }

  /** Starts at /reset; keeps the session cookie; answers the page without its CSRF tokens. */
  private String start(String userId, String language) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/reset")
                    .with(csrf())
                    .header("Accept-Language", language)
                    .param("userId", userId)
                    .param("captcha", CaptchaSolver.fetchAndSolve(mvc)))
            .andExpect(status().isOk())
            .andReturn();
    cookie = dev.rekey.support.Cookies.session(result);
    return result
        .getResponse()
        .getContentAsString()
        .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
  }

  private String page(org.springframework.test.web.servlet.RequestBuilder request)
      throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static String html(String text) {
    return HtmlUtils.htmlEscape(text);
  }
}
