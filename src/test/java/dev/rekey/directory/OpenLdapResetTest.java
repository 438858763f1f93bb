package dev.rekey.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.reset.ResetFixture;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.RequiredServices;
import dev.rekey.support.Slapd;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 6's "done when" against a real OpenLDAP (Debian's slapd with the ppolicy overlay, started
 * by the test): the reset portal writes the password back with RFC 3062 as a service account the
 * server's policy applies to, the server's own refusals reach the user in words (English and
 * Dutch), and a locked-out user unlocks through the portal.
 */
@RekeyTest
@ExtendWith(RequiredServices.Slapd.class)
@TestPropertySource(
    properties = {"spring.application.name=rekey-openldap-test", "rekey.reset.refusal-time=0ms"})
class OpenLdapResetTest {

  static final String NEW_PASSWORD = "walnut quarry signal 64";
  static Slapd slapd;

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;
  @Autowired DirectoryConnections connections;
  @Autowired SsprPolicies policies;

  ResetFixture fixture;

  @BeforeAll
  static void server() {
    slapd = Slapd.start();
    slapd.addUser("erin", Slapd.USER_PASSWORD, "sspr");
    slapd.addUser("finn", Slapd.USER_PASSWORD, "sspr");
  }

  @AfterAll
  static void stop() {
    slapd.close();
  }

  @BeforeEach
  void connected() {
    fixture = new ResetFixture(mvc, clock, tenants, directory, groups, jdbc);
    DirectoryTestSupport.connect(
        tenants, connections, groups, policies, "fabrikam.example", slapd.settings(), "sspr");
  }

  @Test
  void theResetWritesToOpenLdapAndItsPolicyRefusalsReachTheUserInWords() throws Exception {
    Cookie session = TestSessions.session(mvc, "erin@fabrikam.example", Slapd.USER_PASSWORD);
    DirectoryTestSupport.App app = DirectoryTestSupport.registerApp(mvc, session, fixture);
    String flowId = fixture.flow("erin@fabrikam.example");
    mvc.perform(DirectoryTestSupport.verify(fixture, flowId, app)).andExpect(status().isOk());

    // Ten characters pass Rekey's policy (8) but not slapd's pwdMinLength 12.
    mvc.perform(
            post("/api/v1/reset/flows/" + flowId + "/password")
                .with(csrf())
                .header("Accept-Language", "nl")
                .contentType(MediaType.APPLICATION_JSON)
                .content(DirectoryTestSupport.passwordBody("Vq7#mZ2!pL")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("password_policy"))
        .andExpect(jsonPath("$.reasons[0].code").value("directory_too_short"))
        .andExpect(
            jsonPath("$.reasons[0].message")
                .value(
                    "De directory van uw organisatie heeft dit wachtwoord geweigerd: het is korter"
                        + " dan de eigen regels toestaan. Kies een langer wachtwoord."));
    // The current password is in slapd's history, which Rekey cannot know: slapd says so.
    mvc.perform(
            fixture.call(
                flowId + "/password", DirectoryTestSupport.passwordBody(Slapd.USER_PASSWORD)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.reasons[0].code").value("directory_in_history"))
        .andExpect(
            jsonPath("$.reasons[0].message")
                .value(
                    "The directory of your organization refused this password: you used it"
                        + " recently there. Choose a different one."));
    assertThat(slapd.bind("erin", Slapd.USER_PASSWORD)).as("nothing changed").isTrue();

    mvc.perform(fixture.call(flowId + "/password", DirectoryTestSupport.passwordBody(NEW_PASSWORD)))
        .andExpect(status().isNoContent());
    assertThat(slapd.bind("erin", NEW_PASSWORD)).isTrue();
    assertThat(slapd.bind("erin", Slapd.USER_PASSWORD)).isFalse();
    // The flow is finished: it cannot set another password.
    mvc.perform(
            fixture.call(
                flowId + "/password", DirectoryTestSupport.passwordBody("x" + NEW_PASSWORD)))
        .andExpect(status().is4xxClientError());
    assertThat(slapd.bind("erin", NEW_PASSWORD)).isTrue();
    TestSessions.session(mvc, "erin@fabrikam.example", NEW_PASSWORD);
  }

  @Test
  void aLockedOutUserUnlocksThroughThePortalAndSignsInAgain() throws Exception {
    Cookie session = TestSessions.session(mvc, "finn@fabrikam.example", Slapd.USER_PASSWORD);
    DirectoryTestSupport.App app = DirectoryTestSupport.registerApp(mvc, session, fixture);
    slapd.lockOut("finn");
    assertThat(slapd.isLocked("finn")).isTrue();

    // Locked in the directory: the right password does not sign in.
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body("finn@fabrikam.example", Slapd.USER_PASSWORD)))
        .andExpect(status().isUnauthorized());
    assertThat(directory.findByUserId("finn@fabrikam.example").orElseThrow().locked()).isTrue();

    MvcResult started = fixture.start("finn@fabrikam.example", "198.51.100.91");
    assertThat(started.getResponse().getStatus()).isEqualTo(201);
    String body = started.getResponse().getContentAsString();
    assertThat((Boolean) JsonPath.read(body, "$.canUnlock")).isTrue();
    String flowId = JsonPath.read(body, "$.flowId");
    mvc.perform(DirectoryTestSupport.verify(fixture, flowId, app)).andExpect(status().isOk());
    mvc.perform(fixture.call(flowId + "/unlock", "{}")).andExpect(status().isNoContent());

    assertThat(slapd.isLocked("finn")).isFalse();
    assertThat(slapd.bind("finn", Slapd.USER_PASSWORD)).isTrue();
    fixture.nextStep();
    TestSessions.session(mvc, "finn@fabrikam.example", Slapd.USER_PASSWORD);
    assertThat(directory.findByUserId("finn@fabrikam.example").orElseThrow().locked()).isFalse();
  }
}
