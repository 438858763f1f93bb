package dev.rekey.directory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.common.RequestOrigin;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.reset.ResetFixture;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** What the directory tests share: a connected tenant, an app registered by a signed-in user. */
final class DirectoryTestSupport {

  /** A registered authenticator app: its method id and its secret. */
  record App(String id, String secret) {}

  private DirectoryTestSupport() {}

  /**
   * The tenant of {@code domain}, connected with {@code settings}, synchronised, and SSPR on for
   * the directory group {@code ssprGroup} with writeback and unlock.
   */
  static Tenant connect(
      Tenants tenants,
      DirectoryConnections connections,
      Groups groups,
      SsprPolicies policies,
      String domain,
      LdapSettings settings,
      String ssprGroup) {
    Tenant tenant =
        tenants.findByDomain(domain).orElseGet(() -> tenants.create("Fabrikam", List.of(domain)));
    connections.save(tenant.id(), settings, UUID.randomUUID());
    connections.synchronise(tenant.id());
    UUID group = groups.findByName(tenant.id(), ssprGroup).orElseThrow().id();
    policies.update(
        tenant.id(),
        SsprPolicyChanges.builder()
            .enabledFor(EnabledFor.SELECTED)
            .selectedGroup(group.toString())
            .writebackEnabled(true)
            .allowUnlockWithoutReset(true)
            .uniformResponses(false)
            .build(),
        UUID.randomUUID(),
        RequestOrigin.system());
    return tenant;
  }

  /** Registers an authenticator app through the API as the signed-in user. */
  static App registerApp(MockMvc mvc, Cookie session, ResetFixture fixture) throws Exception {
    MvcResult started =
        mvc.perform(
                post("/api/v1/me/authentication/softwareOathMethods").with(csrf()).cookie(session))
            .andExpect(status().isCreated())
            .andReturn();
    String body = started.getResponse().getContentAsString();
    String id = JsonPath.read(body, "$.id");
    String secret = JsonPath.read(body, "$.secret");
    mvc.perform(
            post("/api/v1/me/authentication/softwareOathMethods/" + id + "/verify")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + fixture.appCode(secret) + "\"}"))
        .andExpect(status().is2xxSuccessful());
    fixture.nextStep();
    return new App(id, secret);
  }

  /** The flow's verification with the app's current code. */
  static org.springframework.test.web.servlet.RequestBuilder verify(
      ResetFixture fixture, String flowId, App app) {
    return fixture.call(
        flowId + "/verifications",
        "{\"methodId\":\"" + app.id() + "\",\"code\":\"" + fixture.appCode(app.secret()) + "\"}");
  }

  static String passwordBody(String password) {
    return "{\"newPassword\":\"" + password + "\"}";
  }
}
