package dev.rekey.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.policy.SsprPolicyChanged;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestTenant;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@RekeyTest
@RecordApplicationEvents
class PolicyApiTest {

  private static final String PATH = "/api/v1/admin/policies/sspr";

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

  private ResultActions putAs(Cookie session, String json, String language) throws Exception {
    return mvc.perform(
        put(PATH)
            .cookie(session)
            .with(csrf())
            .header("Accept-Language", language)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  @Test
  void getWhenHelpdeskThenWholeDocumentWithDefaults() throws Exception {
    mvc.perform(get(PATH).cookie(TestTenant.signIn(mvc, t.helpdesk())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabledFor").value("none"))
        .andExpect(jsonPath("$.selectedGroup").isEmpty())
        .andExpect(jsonPath("$.methodsAvailable[0]").value("softwareOath"))
        .andExpect(jsonPath("$.methodsAvailable", hasSize(4)))
        .andExpect(jsonPath("$.methodsRequiredToReset").value(1))
        .andExpect(jsonPath("$.questionsRequiredToRegister").value(3))
        .andExpect(jsonPath("$.questionsRequiredToReset").value(3))
        .andExpect(jsonPath("$.predefinedQuestionIds", hasSize(0)))
        .andExpect(jsonPath("$.customQuestions", hasSize(0)))
        .andExpect(jsonPath("$.requireRegistrationAtSignIn").value(true))
        .andExpect(jsonPath("$.reconfirmDays").value(180))
        .andExpect(jsonPath("$.notifyUsersOnReset").value(true))
        .andExpect(jsonPath("$.notifyAdminsOnAdminReset").value(true))
        .andExpect(jsonPath("$.helpdeskLink").isEmpty())
        .andExpect(jsonPath("$.writebackEnabled").value(true))
        .andExpect(jsonPath("$.allowUnlockWithoutReset").value(true))
        .andExpect(jsonPath("$.uniformResponses").value(false))
        .andExpect(jsonPath("$.customBannedPasswords", hasSize(0)))
        .andExpect(jsonPath("$.passwordMinLength").value(8))
        .andExpect(jsonPath("$.requireCharacterClasses").value(false));
  }

  @Test
  void putWhenPasswordSettingsThenStoredAndOthersKept() throws Exception {
    putAs(admin, "{\"passwordMinLength\":15,\"requireCharacterClasses\":true}", "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.passwordMinLength").value(15))
        .andExpect(jsonPath("$.requireCharacterClasses").value(true))
        .andExpect(jsonPath("$.reconfirmDays").value(180));
    putAs(admin, "{\"reconfirmDays\":30}", "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.passwordMinLength").value(15))
        .andExpect(jsonPath("$.requireCharacterClasses").value(true));
    SsprPolicy stored = policies.get(t.id());
    assertThat(stored.passwordMinLength()).isEqualTo(15);
    assertThat(stored.requireCharacterClasses()).isTrue();
    assertThat(events.stream(SsprPolicyChanged.class).findFirst().orElseThrow().after())
        .containsEntry("passwordMinLength", 15)
        .containsEntry("requireCharacterClasses", true);
  }

  @Test
  void putWhenPasswordMinLengthOutOfRangeThenBadRequestNamingTheField() throws Exception {
    for (int length : new int[] {7, 16, -1}) {
      putAs(admin, "{\"passwordMinLength\":" + length + "}", "en")
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("invalid_request"))
          .andExpect(jsonPath("$.field").value("passwordMinLength"))
          .andExpect(jsonPath("$.detail").value("Enter a number from 8 to 15."));
    }
    putAs(admin, "{\"passwordMinLength\":\"twelve\"}", "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("passwordMinLength"));
    putAs(admin, "{\"requireCharacterClasses\":\"maybe\"}", "nl")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("requireCharacterClasses"));
    assertThat(policies.get(t.id())).isEqualTo(SsprPolicy.defaults());
  }

  // The URL rule of the shell refuses plain users before the controller; its problem body is
  // written on the error dispatch, which MockMvc does not perform, so only the status is checked.
  @Test
  void getWhenPlainUserThenForbidden() throws Exception {
    mvc.perform(get(PATH).cookie(TestTenant.signIn(mvc, t.user())))
        .andExpect(status().isForbidden());
  }

  @Test
  void putWhenPartialThenOnlyThoseFieldsChangeAndEventPublished() throws Exception {
    Group pilot = groups.create(t.id(), "Pilot");
    putAs(
            admin,
            """
            {"enabledFor":"selected","selectedGroup":"%s","reconfirmDays":0,
             "customBannedPasswords":["fabrikam"," Fabrikam ","blank"],
             "customQuestions":[{"text":"What was your first concert?"}],
             "unknownField":42}"""
                .formatted(pilot.id()),
            "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabledFor").value("selected"))
        .andExpect(jsonPath("$.selectedGroup").value(pilot.id().toString()))
        .andExpect(jsonPath("$.selectedGroupName").value("Pilot"))
        .andExpect(jsonPath("$.reconfirmDays").value(0))
        .andExpect(jsonPath("$.customBannedPasswords", hasSize(2)))
        .andExpect(jsonPath("$.customQuestions[0].id").isNotEmpty())
        .andExpect(jsonPath("$.customQuestions[0].text").value("What was your first concert?"))
        .andExpect(jsonPath("$.methodsRequiredToReset").value(1))
        .andExpect(jsonPath("$.notifyUsersOnReset").value(true));

    mvc.perform(get(PATH).cookie(admin))
        .andExpect(jsonPath("$.reconfirmDays").value(0))
        .andExpect(jsonPath("$.selectedGroupName").value("Pilot"))
        .andExpect(jsonPath("$.writebackEnabled").value(true));
    SsprPolicyChanged event = events.stream(SsprPolicyChanged.class).findFirst().orElseThrow();
    assertThat(event.after().keySet())
        .containsExactly(
            "enabledFor",
            "selectedGroup",
            "customQuestions",
            "reconfirmDays",
            "customBannedPasswords");
    assertThat(event.actorId()).isEqualTo(t.admin().id());
  }

  @Test
  void putWhenHelpdeskLinkNullThenRemovedAndWhenAbsentThenKept() throws Exception {
    putAs(admin, "{\"helpdeskLink\":\"https://help.example.com\"}", "en")
        .andExpect(jsonPath("$.helpdeskLink").value("https://help.example.com"));
    putAs(admin, "{\"uniformResponses\":true}", "en")
        .andExpect(jsonPath("$.helpdeskLink").value("https://help.example.com"));
    putAs(admin, "{\"helpdeskLink\":null}", "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.helpdeskLink").isEmpty());
    assertThat(policies.get(t.id()).helpdeskLink()).isNull();
    assertThat(policies.get(t.id()).uniformResponses()).isTrue();
  }

  @Test
  void putWhenHelpdeskThenForbiddenAndNothingSaved() throws Exception {
    putAs(TestTenant.signIn(mvc, t.helpdesk()), "{\"enabledFor\":\"all\"}", "en")
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("forbidden"));
    assertThat(policies.get(t.id())).isEqualTo(SsprPolicy.defaults());
  }

  @Test
  void putWhenPlainUserThenForbidden() throws Exception {
    putAs(TestTenant.signIn(mvc, t.user()), "{\"enabledFor\":\"all\"}", "en")
        .andExpect(status().isForbidden());
    assertThat(policies.get(t.id())).isEqualTo(SsprPolicy.defaults());
  }

  @Test
  void putWhenMalformedJsonThenBadRequest() throws Exception {
    putAs(admin, "{\"enabledFor\":", "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"));
  }

  @Test
  void putWhenWrongTypeThenBadRequestNamingTheField() throws Exception {
    putAs(admin, "{\"methodsRequiredToReset\":\"two\"}", "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"))
        .andExpect(jsonPath("$.field").value("methodsRequiredToReset"));
    putAs(admin, "{\"enabledFor\":\"everyone\"}", "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("enabledFor"));
    putAs(admin, "{\"helpdeskLink\":42}", "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("helpdeskLink"));
    putAs(admin, "{\"methodsAvailable\":[\"carrierPigeon\"]}", "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"));
    putAs(admin, "{\"reconfirmDays\":99999999999}", "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"));
    putAs(admin, "{\"methodsAvailable\":null,\"customQuestions\":[null,{\"id\":\"x\"}]}", "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("customQuestions"));
    putAs(admin, "{\"methodsAvailable\":[null],\"predefinedQuestionIds\":[null]}", "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("methodsAvailable[0]"));
    assertThat(policies.get(t.id())).isEqualTo(SsprPolicy.defaults());
  }

  @Test
  void putWhenValuesOutOfRangeThenEveryErrorListedInDutchAndNothingSaved() throws Exception {
    putAs(
            admin,
            """
            {"uniformResponses":true,"reconfirmDays":731,"methodsRequiredToReset":3,
             "helpdeskLink":"javascript:alert(1)"}""",
            "nl")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("invalid_request"))
        .andExpect(jsonPath("$.field").value("methodsRequiredToReset"))
        .andExpect(jsonPath("$.detail").value("Voer 1 of 2 in."))
        .andExpect(jsonPath("$.errors", hasSize(3)))
        .andExpect(jsonPath("$.errors[1].field").value("reconfirmDays"))
        .andExpect(jsonPath("$.errors[1].message").value("Voer een getal van 0 tot en met 730 in."))
        .andExpect(jsonPath("$.errors[2].field").value("helpdeskLink"));
    assertThat(policies.get(t.id())).isEqualTo(SsprPolicy.defaults());
    assertThat(events.stream(SsprPolicyChanged.class)).isEmpty();
  }

  @Test
  void putWhenSelectedWithoutGroupThenBadRequestInEnglish() throws Exception {
    putAs(admin, "{\"enabledFor\":\"selected\"}", "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("selectedGroup"))
        .andExpect(
            jsonPath("$.detail")
                .value("Choose the group whose members may reset their own password."));
  }
}
