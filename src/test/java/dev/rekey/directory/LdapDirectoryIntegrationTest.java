package dev.rekey.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import dev.rekey.common.RequestOrigin;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.reset.ResetFixture;
import dev.rekey.support.LdapTestDirectory;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Directory users end to end against a real LDAP server (UnboundID's in-memory directory): sign-in
 * by bind, Rekey's record of them keyed by entryUUID, groups scoping SSPR, the reset portal writing
 * the password back, unlock, the directory's refusals in words, and outages that change nothing.
 */
@RekeyTest
@TestPropertySource(
    properties = {"spring.application.name=rekey-ldap-test", "rekey.reset.refusal-time=0ms"})
class LdapDirectoryIntegrationTest {

  static final String PASSWORD = "Directory-pass-2026";
  static final String NEW_PASSWORD = "lantern orchard pebble 73";
  static LdapTestDirectory ldap;

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;
  @Autowired DirectoryConnections connections;
  @Autowired SsprPolicies policies;

  ResetFixture fixture;
  Tenant tenant;

  @BeforeAll
  static void directoryServer() throws Exception {
    ldap = new LdapTestDirectory();
    ldap.addUser("pat", "Pat", "Jansen", PASSWORD);
    ldap.addUser("lee", "Lee", "de Vries", PASSWORD);
    ldap.addUser("kim", "Kim", "Bakker", PASSWORD);
    ldap.addUser("sam", "Sam", "Visser", PASSWORD);
    ldap.addGroup("Reset-Team", LdapTestDirectory.userDn("pat"));
    ldap.addGroup(
        "SSPR-Users",
        LdapTestDirectory.groupDn("Reset-Team"),
        LdapTestDirectory.userDn("kim"),
        LdapTestDirectory.userDn("sam"));
  }

  @AfterAll
  static void stopServer() {
    ldap.close();
  }

  @BeforeEach
  void connected() throws Exception {
    fixture = new ResetFixture(mvc, clock, tenants, directory, groups, jdbc);
    ldap.slowDown(0);
    try {
      ldap.start();
    } catch (Exception alreadyListening) {
      // started by an earlier test
    }
    tenant =
        DirectoryTestSupport.connect(
            tenants,
            connections,
            groups,
            policies,
            LdapTestDirectory.DOMAIN,
            ldap.settings(),
            "SSPR-Users");
  }

  @Test
  void synchronisingLinksEveryUserByEntryUuidWithNestedGroups() throws Exception {
    Account pat = directory.findByUserId("pat@fabrikam.example").orElseThrow();
    assertThat(pat.passwordAuthority()).isEqualTo(PasswordAuthority.DIRECTORY);
    assertThat(pat.displayName()).isEqualTo("Pat Jansen");
    assertThat(pat.email()).isEqualTo("pat@mail.fabrikam.example");
    String stored =
        jdbc.sql("SELECT directory_id FROM account WHERE id = ?")
            .param(pat.id())
            .query(String.class)
            .single();
    assertThat(stored).isEqualTo(ldap.entryUuid("pat"));
    UUID sspr = groups.findByName(tenant.id(), "SSPR-Users").orElseThrow().id();
    // Pat is in Reset-Team, which is inside SSPR-Users: nested membership counts.
    assertThat(groups.isMember(pat.id(), sspr)).isTrue();
    Account lee = directory.findByUserId("lee@fabrikam.example").orElseThrow();
    assertThat(groups.isMember(lee.id(), sspr)).isFalse();
    assertThat(policies.isEnabledFor(pat)).isTrue();
    assertThat(policies.isEnabledFor(lee)).isFalse();
    // No password is kept for a directory user.
    assertThat(
            jdbc.sql("SELECT password_hash FROM account WHERE id = ?")
                .param(pat.id())
                .query(String.class)
                .optional())
        .isEmpty();
  }

  @Test
  void aDirectoryUserSignsInByBindAndAWrongPasswordFails() throws Exception {
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body("sam@fabrikam.example", PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.userId").value("sam@fabrikam.example"));
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body("sam@fabrikam.example", "wrong-" + PASSWORD)))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body("nobody@fabrikam.example", PASSWORD)))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body("sam@fabrikam.example", "")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void aRenameInTheDirectoryKeepsTheAccountAndItsSecurityInfo() throws Exception {
    ldap.addUser("robin", "Robin", "Smit", PASSWORD);
    Cookie session = TestSessions.session(mvc, "robin@fabrikam.example", PASSWORD);
    String appId = DirectoryTestSupport.registerApp(mvc, session, fixture).id();
    UUID before = directory.findByUserId("robin@fabrikam.example").orElseThrow().id();

    ldap.rename("robin", "robin.smit");

    Cookie renamed = TestSessions.session(mvc, "robin.smit@fabrikam.example", PASSWORD);
    assertThat(renamed).isNotNull();
    Account after = directory.findByUserId("robin.smit@fabrikam.example").orElseThrow();
    assertThat(after.id()).isEqualTo(before);
    assertThat(directory.findByUserId("robin@fabrikam.example")).isEmpty();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM auth_method WHERE account_id = ? AND id = ?")
                .params(before, UUID.fromString(appId))
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theResetPortalWritesTheNewPasswordToTheDirectory() throws Exception {
    ldap.addUser("nova", "Nova", "Peters", PASSWORD);
    ldap.addGroup("Nova-Team", LdapTestDirectory.userDn("nova"));
    addToSsprUsers("Nova-Team");
    Cookie session = TestSessions.session(mvc, "nova@fabrikam.example", PASSWORD);
    DirectoryTestSupport.App app = DirectoryTestSupport.registerApp(mvc, session, fixture);

    String flowId = fixture.flow("nova@fabrikam.example");
    mvc.perform(DirectoryTestSupport.verify(fixture, flowId, app)).andExpect(status().isOk());
    // The directory's own policy refuses first: the reason in words, nothing changed.
    ldap.refuseNextPasswordChange(DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_TOO_SHORT);
    mvc.perform(fixture.call(flowId + "/password", "{\"newPassword\":\"" + NEW_PASSWORD + "\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("password_policy"))
        .andExpect(jsonPath("$.reasons[0].code").value("directory_too_short"));
    assertThat(ldap.binds("nova", PASSWORD)).isTrue();
    // The same flow goes on: the next try is accepted and written to the directory.
    mvc.perform(fixture.call(flowId + "/password", "{\"newPassword\":\"" + NEW_PASSWORD + "\"}"))
        .andExpect(status().isNoContent());
    assertThat(ldap.binds("nova", NEW_PASSWORD)).isTrue();
    assertThat(ldap.binds("nova", PASSWORD)).isFalse();
    // Rekey's history knows it now (a second reset to the same password is refused by Rekey).
    Account nova = directory.findByUserId("nova@fabrikam.example").orElseThrow();
    assertThat(directory.isRecentPassword(nova.id(), NEW_PASSWORD)).isTrue();
    assertThat(nova.passwordChangedAt()).isNotNull();
    TestSessions.session(mvc, "nova@fabrikam.example", NEW_PASSWORD);
  }

  @Test
  void aLockedDirectoryUserUnlocksWithoutAReset() throws Exception {
    ldap.addUser("lou", "Lou", "Dekker", PASSWORD);
    ldap.addGroup("Lou-Team", LdapTestDirectory.userDn("lou"));
    addToSsprUsers("Lou-Team");
    Cookie session = TestSessions.session(mvc, "lou@fabrikam.example", PASSWORD);
    DirectoryTestSupport.App app = DirectoryTestSupport.registerApp(mvc, session, fixture);
    ldap.lock("lou");

    MvcResult started = fixture.start("lou@fabrikam.example", "198.51.100.77");
    assertThat(started.getResponse().getStatus()).isEqualTo(201);
    String body = started.getResponse().getContentAsString();
    assertThat((Boolean) JsonPath.read(body, "$.canUnlock")).isTrue();
    String flowId = JsonPath.read(body, "$.flowId");
    mvc.perform(DirectoryTestSupport.verify(fixture, flowId, app)).andExpect(status().isOk());
    mvc.perform(fixture.call(flowId + "/unlock", "{}")).andExpect(status().isNoContent());
    assertThat(ldap.isLocked("lou")).isFalse();
    assertThat(ldap.binds("lou", PASSWORD)).isTrue();
  }

  @Test
  void anOutageChangesNothingAndSaysSo() throws Exception {
    Cookie session = TestSessions.session(mvc, "kim@fabrikam.example", PASSWORD);
    DirectoryTestSupport.App app = DirectoryTestSupport.registerApp(mvc, session, fixture);
    String flowId = fixture.flow("kim@fabrikam.example");
    mvc.perform(DirectoryTestSupport.verify(fixture, flowId, app)).andExpect(status().isOk());

    ldap.stop();
    try {
      mvc.perform(fixture.call(flowId + "/password", "{\"newPassword\":\"" + NEW_PASSWORD + "\"}"))
          .andExpect(status().isServiceUnavailable())
          .andExpect(jsonPath("$.code").value("directory_unavailable"));
      mvc.perform(
              post("/api/v1/session")
                  .with(csrf())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(TestSessions.body("kim@fabrikam.example", PASSWORD)))
          .andExpect(status().isServiceUnavailable())
          .andExpect(jsonPath("$.code").value("directory_unavailable"));
      MvcResult refused = fixture.start("kim@fabrikam.example", "198.51.100.78");
      assertThat(refused.getResponse().getStatus()).isEqualTo(503);
      assertThat(refused.getResponse().getContentAsString()).contains("directory_unavailable");
      Account kim = directory.findByUserId("kim@fabrikam.example").orElseThrow();
      assertThat(kim.passwordChangedAt()).isNull();
      assertThat(directory.isRecentPassword(kim.id(), NEW_PASSWORD)).isFalse();
    } finally {
      ldap.start();
    }
    // Back up: the same flow finishes, and the password is the new one.
    mvc.perform(fixture.call(flowId + "/password", "{\"newPassword\":\"" + NEW_PASSWORD + "\"}"))
        .andExpect(status().isNoContent());
    assertThat(ldap.binds("kim", NEW_PASSWORD)).isTrue();
  }

  @Test
  void whenTheFirstServerIsDownTheSecondAnswers() throws Exception {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    LdapSettings two = ldap.settings().withUrls(List.of("ldap://127.0.0.1:" + closed, ldap.url()));
    connections.save(tenant.id(), two, UUID.randomUUID());
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body("sam@fabrikam.example", PASSWORD)))
        .andExpect(status().isOk());
    assertThat(fixture.start("sam@fabrikam.example", "198.51.100.80").getResponse().getStatus())
        .isNotEqualTo(503);
  }

  @Test
  void aSlowDirectoryStillAnswersWithinItsTimeout() throws Exception {
    ldap.slowDown(400);
    mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestSessions.body("sam@fabrikam.example", PASSWORD)))
        .andExpect(status().isOk());
  }

  @Test
  void writebackOffGivesSeedErrorOne() throws Exception {
    policies.update(
        tenant.id(),
        SsprPolicyChanges.builder().writebackEnabled(false).build(),
        UUID.randomUUID(),
        RequestOrigin.system());
    Cookie session = TestSessions.session(mvc, "sam@fabrikam.example", PASSWORD);
    DirectoryTestSupport.registerApp(mvc, session, fixture);
    MvcResult refused = fixture.start("sam@fabrikam.example", "198.51.100.79");
    assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    assertThat(refused.getResponse().getContentAsString()).contains("password_not_managed");
  }

  private void addToSsprUsers(String childGroup) {
    connections.synchronise(tenant.id());
    UUID parent = groups.findByName(tenant.id(), "SSPR-Users").orElseThrow().id();
    UUID child = groups.findByName(tenant.id(), childGroup).orElseThrow().id();
    groups.addGroup(parent, child);
  }
}
