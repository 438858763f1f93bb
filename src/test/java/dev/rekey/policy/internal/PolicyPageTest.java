package dev.rekey.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.policy.SsprPolicyChanged;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestTenant;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@RekeyTest
@RecordApplicationEvents
class PolicyPageTest {

  private static final String PATH = "/admin/policy";

  @Autowired MockMvc mvc;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired SsprPolicies policies;
  @Autowired ApplicationEvents events;

  TestTenant t;
  Cookie admin;

  @BeforeEach
  void newTenant() throws Exception {
    t = TestTenant.create(tenants, directory);
    admin = TestTenant.signIn(mvc, t.admin());
  }

  /** The form as the page posts it for the default policy, with {@code edit} applied. */
  private static MockHttpServletRequestBuilder form(
      Cookie session, Consumer<Map<String, String[]>> edit) {
    Map<String, String[]> params = new LinkedHashMap<>();
    params.put("enabledFor", new String[] {"none"});
    params.put("selectedGroup", new String[] {""});
    params.put("methodsAvailable", new String[] {"softwareOath", "mobileSms", "fido2", "email"});
    params.put("methodsRequiredToReset", new String[] {"1"});
    params.put("questionsRequiredToRegister", new String[] {"3"});
    params.put("questionsRequiredToReset", new String[] {"3"});
    params.put("customQuestions", new String[] {""});
    params.put("requireRegistrationAtSignIn", new String[] {"true"});
    params.put("reconfirmDays", new String[] {"180"});
    params.put("notifyUsersOnReset", new String[] {"true"});
    params.put("notifyAdminsOnAdminReset", new String[] {"true"});
    params.put("helpdeskLink", new String[] {""});
    params.put("writebackEnabled", new String[] {"true"});
    params.put("allowUnlockWithoutReset", new String[] {"true"});
    params.put("customBannedPasswords", new String[] {""});
    params.put("passwordMinLength", new String[] {"8"});
    edit.accept(params);
    MockHttpServletRequestBuilder request = post(PATH).cookie(session).with(csrf());
    params.forEach(request::param);
    return request;
  }

  private static String[] v(String... values) {
    return values;
  }

  @Test
  void getWhenAdminThenEverySettingAndSaveButtonInEnglish() throws Exception {
    groups.create(t.id(), "Pilot users");
    mvc.perform(get(PATH).cookie(admin).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<h1>Password reset policy</h1>")))
        .andExpect(content().string(containsString("id=\"save-policy\"")))
        .andExpect(content().string(containsString("Pilot users")))
        .andExpect(content().string(containsString("In what city did your parents meet?")))
        .andExpect(content().string(containsString("OWASP ASVS 5.0")))
        .andExpect(content().string(containsString("id=\"reconfirmDays\"")))
        .andExpect(content().string(containsString("value=\"180\"")))
        .andExpect(content().string(containsString("0 to 730; 0 means never.")))
        .andExpect(content().string(not(containsString("disabled"))));
  }

  @Test
  void getWhenDutchThenDutchHeadingAndQuestions() throws Exception {
    mvc.perform(get(PATH).cookie(admin).param("lang", "nl"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<h1>Beleid voor wachtwoordherstel</h1>")))
        .andExpect(
            content().string(containsString("In welke plaats hebben uw ouders elkaar ontmoet?")))
        .andExpect(content().string(containsString("Beleid opslaan")));
  }

  @Test
  void getWhenHelpdeskThenReadOnlyWithoutSaveButton() throws Exception {
    mvc.perform(get(PATH).cookie(TestTenant.signIn(mvc, t.helpdesk())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"read-only\"")))
        .andExpect(content().string(containsString("<fieldset disabled=\"disabled\">")))
        .andExpect(content().string(not(containsString("id=\"save-policy\""))));
  }

  @Test
  void postWhenHelpdeskThenForbiddenAndNothingSaved() throws Exception {
    mvc.perform(form(TestTenant.signIn(mvc, t.helpdesk()), p -> p.put("reconfirmDays", v("7"))))
        .andExpect(status().isForbidden());
    assertThat(policies.get(t.id()).reconfirmDays()).isEqualTo(180);
  }

  @Test
  void postWhenBadValuesThenFieldErrorsShownAndNothingSaved() throws Exception {
    mvc.perform(
            form(
                admin,
                p -> {
                  p.put("reconfirmDays", v("lots"));
                  p.put("methodsRequiredToReset", v("3"));
                  p.put("uniformResponses", v("true"));
                }))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"error-summary\"")))
        .andExpect(content().string(containsString("id=\"reconfirmDays-error\"")))
        .andExpect(content().string(containsString("Enter a whole number.")))
        .andExpect(content().string(containsString("value=\"lots\"")))
        .andExpect(content().string(containsString("id=\"methodsRequiredToReset-error\"")))
        .andExpect(content().string(containsString("Enter 1 or 2.")))
        .andExpect(content().string(containsString("aria-invalid=\"true\"")));
    assertThat(policies.get(t.id())).isEqualTo(SsprPolicy.defaults());
    assertThat(events.stream(SsprPolicyChanged.class)).isEmpty();
  }

  @Test
  void postWhenCheckboxValueIsNoBooleanThenFieldErrorNotServerError() throws Exception {
    mvc.perform(form(admin, p -> p.put("uniformResponses", v("banana"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Tick the box or leave it empty.")));
    assertThat(policies.get(t.id())).isEqualTo(SsprPolicy.defaults());
  }

  @Test
  void getWhenDutchThenPasswordSettingsLabelledInDutch() throws Exception {
    mvc.perform(get(PATH).cookie(admin).param("lang", "nl"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"passwordMinLength\"")))
        .andExpect(content().string(containsString("Minimale wachtwoordlengte")))
        .andExpect(content().string(containsString("Drie van de vier tekensoorten vereisen")))
        .andExpect(content().string(containsString("id=\"requireCharacterClasses\"")));
  }

  @Test
  void postWhenPasswordSettingsThenSaved() throws Exception {
    mvc.perform(
            form(
                admin,
                p -> {
                  p.put("passwordMinLength", v("12"));
                  p.put("requireCharacterClasses", v("true"));
                }))
        .andExpect(status().is3xxRedirection());
    assertThat(policies.get(t.id()).passwordMinLength()).isEqualTo(12);
    assertThat(policies.get(t.id()).requireCharacterClasses()).isTrue();
    mvc.perform(get(PATH).cookie(admin).header("Accept-Language", "en"))
        .andExpect(content().string(containsString("Minimum password length")))
        .andExpect(content().string(containsString("value=\"12\"")));
  }

  @Test
  void postWhenPasswordMinLengthOutOfRangeThenFieldErrorAndNothingSaved() throws Exception {
    mvc.perform(form(admin, p -> p.put("passwordMinLength", v("16"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"passwordMinLength-error\"")))
        .andExpect(content().string(containsString("Enter a number from 8 to 15.")));
    assertThat(policies.get(t.id())).isEqualTo(SsprPolicy.defaults());
  }

  @Test
  void postWhenOutOfRangeInDutchThenDutchMessage() throws Exception {
    mvc.perform(form(admin, p -> p.put("reconfirmDays", v("731"))).param("lang", "nl"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Voer een getal van 0 tot en met 730 in.")));
    assertThat(policies.get(t.id()).reconfirmDays()).isEqualTo(180);
  }

  @Test
  void postWhenValidThenSavedAuditedAndRedirectedWithNotice() throws Exception {
    Group pilot = groups.create(t.id(), "Pilot");
    mvc.perform(
            form(
                admin,
                p -> {
                  p.put("enabledFor", v("selected"));
                  p.put("selectedGroup", v(pilot.id().toString()));
                  p.put("methodsAvailable", v("fido2", "securityQuestions"));
                  p.put("predefinedQuestionIds", v("q01", "q02"));
                  p.put("customQuestions", v("Name of your first bike?\n\n  "));
                  p.put("reconfirmDays", v("0"));
                  p.put("customBannedPasswords", v("fabrikam\nFabrikam\nwidget"));
                  p.put("helpdeskLink", v("https://help.example.com"));
                  p.remove("notifyUsersOnReset");
                }))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl(PATH))
        .andExpect(flash().attribute("notice", "policy.saved"));

    SsprPolicy saved = policies.get(t.id());
    assertThat(saved.enabledFor()).isEqualTo(EnabledFor.SELECTED);
    assertThat(saved.selectedGroup()).isEqualTo(pilot.id());
    assertThat(saved.methodsAvailable())
        .containsExactly(AuthMethodType.FIDO2, AuthMethodType.SECURITY_QUESTIONS);
    assertThat(saved.predefinedQuestionIds()).containsExactly("q01", "q02");
    assertThat(saved.customQuestions())
        .singleElement()
        .extracting(q -> q.text())
        .isEqualTo("Name of your first bike?");
    assertThat(saved.reconfirmDays()).isZero();
    assertThat(saved.customBannedPasswords()).containsExactly("fabrikam", "widget");
    assertThat(saved.notifyUsersOnReset()).as("unticked").isFalse();
    assertThat(saved.helpdeskLink()).isEqualTo("https://help.example.com");
    assertThat(events.stream(SsprPolicyChanged.class)).hasSize(1);

    // Saving the same custom question again keeps its id (answers refer to it).
    String id = saved.customQuestions().get(0).id();
    mvc.perform(
            form(admin, p -> p.put("customQuestions", v("Name of your first bike?\nAnother one?"))))
        .andExpect(status().is3xxRedirection());
    assertThat(policies.get(t.id()).customQuestions().get(0).id()).isEqualTo(id);
  }
}
