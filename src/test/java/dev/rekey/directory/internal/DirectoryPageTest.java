package dev.rekey.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.DirectoryConnections;
import dev.rekey.support.LdapTestDirectory;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestTenant;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /admin/directory} as a form: save, errors at fields, synchronise, remove. */
@RekeyTest
@TestPropertySource(
    properties = {
      "spring.application.name=rekey-directory-api-test",
      "rekey.directory.ldap.sync-enabled=false"
    })
class DirectoryPageTest {

  static LdapTestDirectory ldap;

  @Autowired MockMvc mvc;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired DirectoryConnections connections;

  TestTenant t;
  Cookie admin;

  @BeforeAll
  static void startDirectory() throws Exception {
    ldap = new LdapTestDirectory();
    ldap.addUser("grace", "Grace", "Hopper", "Grace-pass-2026");
  }

  @AfterAll
  static void stopDirectory() {
    if (ldap != null) {
      ldap.close();
    }
  }

  @BeforeEach
  void newTenant() throws Exception {
    t = TestTenant.create(tenants, directory);
    admin = TestTenant.signIn(mvc, t.admin());
  }

  private MockHttpServletRequestBuilder form(String path, Map<String, String> changes) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    values.put("flavour", "generic");
    values.put("urls", ldap.url());
    values.put("security", "none");
    values.put("bindDn", LdapTestDirectory.SERVICE_DN);
    values.put("bindSecret", LdapTestDirectory.SERVICE_PASSWORD);
    values.put("baseDn", LdapTestDirectory.BASE);
    values.put("userFilter", "(objectClass=inetOrgPerson)");
    values.put("userIdAttribute", "uid");
    values.put("displayNameAttribute", "cn");
    values.put("firstNameAttribute", "givenName");
    values.put("lastNameAttribute", "sn");
    values.put("emailAttribute", "mail");
    values.put("groupMode", "none");
    values.put("groupBaseDn", "");
    values.put("groupFilter", "");
    values.put("connectTimeoutMillis", "2000");
    values.put("responseTimeoutMillis", "3000");
    values.put("poolSize", "2");
    values.put("enabled", "true");
    values.putAll(changes);
    MockHttpServletRequestBuilder request = post(path).cookie(admin).with(csrf());
    values.forEach(request::param);
    return request;
  }

  @Test
  void saveWhenTimeoutNotANumberThenErrorAtTheFieldAndNothingStored() throws Exception {
    String page =
        mvc.perform(form("/admin/directory", Map.of("connectTimeoutMillis", "soon")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("id=\"connectTimeoutMillis-error\"", "Enter a number from 100 to 60000.")
        .contains("aria-describedby=\"connectTimeoutMillis-hint connectTimeoutMillis-error\"")
        .contains("href=\"#connectTimeoutMillis\"")
        .doesNotContain(LdapTestDirectory.SERVICE_PASSWORD);
    assertThat(connections.find(t.id())).isEmpty();
  }

  @Test
  void saveThenSynchroniseShowsTheCountsThenRemoveAfterConfirmation() throws Exception {
    mvc.perform(form("/admin/directory", Map.of()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/directory"))
        .andExpect(flash().attribute("notice", "directory.saved"));
    assertThat(connections.isConnected(t.id())).isTrue();
    // Follow the redirect, as a browser does, which shows (and uses up) the "saved" notice.
    assertThat(
            mvc.perform(get("/admin/directory").cookie(admin))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("The directory connection was saved.");

    var sync =
        mvc.perform(post("/admin/directory/sync").cookie(admin).with(csrf()))
            .andExpect(redirectedUrl("/admin/directory"))
            .andReturn();
    @SuppressWarnings("unchecked")
    Map<String, Integer> counts = (Map<String, Integer>) sync.getFlashMap().get("sync");
    assertThat(counts.get("seen")).isGreaterThanOrEqualTo(1);
    String page =
        // The same session picks the flash attributes up, as the browser's redirect would.
        mvc.perform(get("/admin/directory").cookie(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("id=\"sync-result\"", "Users read", "Secret stored");
    assertThat(page).doesNotContain(LdapTestDirectory.SERVICE_PASSWORD);

    String confirm =
        mvc.perform(get("/admin/directory/remove").cookie(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(confirm).contains("Remove the directory connection?");
    assertThat(connections.find(t.id())).isPresent();
    mvc.perform(post("/admin/directory/remove").cookie(admin).with(csrf()))
        .andExpect(flash().attribute("notice", "directory.removed"));
    assertThat(connections.find(t.id())).isEmpty();
  }

  @Test
  void testShowsTheReportAndNeverEchoesTheSecret() throws Exception {
    String page =
        mvc.perform(form("/admin/directory/test", Map.of("bindSecret", "wrong-secret")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("id=\"test-report\"", "data-outcome=\"failed\"")
        .contains("The service account DN or password is wrong.")
        .doesNotContain("wrong-secret");
    assertThat(connections.find(t.id())).isEmpty();
  }
}
