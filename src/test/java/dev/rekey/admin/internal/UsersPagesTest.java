package dev.rekey.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The users pages: roles, refusals shown as messages, other tenants, and the one-time password. */
@RekeyTest
class UsersPagesTest {

  @Autowired MockMvc mvc;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;

  private Account fresh(Role role) {
    return TestSessions.createAccount(
        tenants,
        directory,
        TestSessions.freshUpn("users-page"),
        TestSessions.DEMO_PASSWORD,
        false,
        role);
  }

  private Cookie as(String upn) throws Exception {
    return TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
  }

  private String page(String path, Cookie session) throws Exception {
    return mvc.perform(get(path).cookie(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aPlainUserGetsForbiddenAndAnonymousIsSentToSignIn() throws Exception {
    Account account = fresh(Role.USER);
    mvc.perform(get("/admin/users").cookie(as("alain@contoso.com")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/users/" + account.id()).cookie(as("alain@contoso.com")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/users")).andExpect(redirectedUrl("/login"));
  }

  @Test
  void badFiltersAreExplainedAtTheirFieldsInBothLanguages() throws Exception {
    Cookie helpdesk = as("helpdesk@contoso.com");
    String en = page("/admin/users?registered=maybe&size=9999", helpdesk);
    assertThat(en)
        .contains("id=\"registered-error\"", "Choose registered or not registered.")
        .contains("id=\"size-error\"", "Choose a page size from 1 to 500.")
        .contains("aria-describedby=\"registered-error\"")
        .doesNotContain("id=\"users-table\"");
    String nl = page("/admin/users?registered=maybe&lang=nl", helpdesk);
    assertThat(nl).contains("Kies geregistreerd of niet geregistreerd.");
  }

  @Test
  void helpdeskSeesAnAdminWithoutTheActionsAndIsRefusedWhenPostingAnyway() throws Exception {
    Account admin = fresh(Role.ADMIN);
    Cookie helpdesk = as("helpdesk@contoso.com");
    String html = page("/admin/users/" + admin.id(), helpdesk);
    assertThat(html)
        .contains("id=\"manage-limit\"", "id=\"action-unlock\"")
        .doesNotContain("id=\"action-password\"", "id=\"roles-form\"");

    mvc.perform(
            post("/admin/users/" + admin.id() + "/password/reset").with(csrf()).cookie(helpdesk))
        .andExpect(redirectedUrl("/admin/users/" + admin.id() + "?error=forbidden"));
    mvc.perform(
            post("/admin/users/" + admin.id() + "/roles")
                .param("roles", "user")
                .with(csrf())
                .cookie(helpdesk))
        .andExpect(redirectedUrl("/admin/users/" + admin.id() + "?error=forbidden"));
    assertThat(page("/admin/users/" + admin.id() + "?error=forbidden", helpdesk))
        .contains("You may not do this: only an admin can.");
    assertThat(directory.authenticate(admin.upn(), TestSessions.DEMO_PASSWORD)).isPresent();
    assertThat(directory.findById(admin.id()).orElseThrow().roles()).containsExactly(Role.ADMIN);
  }

  @Test
  void theTemporaryPasswordIsOnThePostsAnswerOnlyAndNotCached() throws Exception {
    Account account = fresh(Role.USER);
    Cookie helpdesk = as("helpdesk@contoso.com");
    assertThat(page("/admin/users/" + account.id() + "/confirm/password", helpdesk))
        .contains("Reset this user&#39;s password?", "id=\"confirm-action\"");

    var answer =
        mvc.perform(
                post("/admin/users/" + account.id() + "/password/reset")
                    .with(csrf())
                    .cookie(helpdesk))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andReturn()
            .getResponse();
    String html = answer.getContentAsString();
    String temporary = html.replaceAll("(?s).*id=\"temporary-password\"[^>]*>([^<]+)<.*", "$1");
    assertThat(temporary).hasSize(16);
    assertThat(answer.getHeader("Location")).isNull();
    assertThat(directory.findById(account.id()).orElseThrow().mustChangePassword()).isTrue();
    assertThat(directory.authenticate(account.upn(), temporary)).isPresent();

    mvc.perform(get("/admin/users/" + account.id() + "/password/reset").cookie(helpdesk))
        .andExpect(redirectedUrl("/admin/users/" + account.id()));
    assertThat(page("/admin/users/" + account.id(), helpdesk)).doesNotContain(temporary);
  }

  @Test
  void anAdminSavesRolesButNotWithoutTheirOwnAdminRole() throws Exception {
    Account account = fresh(Role.USER);
    Account admin = fresh(Role.ADMIN);
    Cookie session = as(admin.upn());
    mvc.perform(
            post("/admin/users/" + account.id() + "/roles")
                .param("roles", "user", "helpdesk")
                .with(csrf())
                .cookie(session))
        .andExpect(redirectedUrl("/admin/users/" + account.id() + "?done=roles"));
    assertThat(directory.findById(account.id()).orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.USER, Role.HELPDESK);
    mvc.perform(
            post("/admin/users/" + admin.id() + "/roles")
                .param("roles", "user")
                .with(csrf())
                .cookie(session))
        .andExpect(redirectedUrl("/admin/users/" + admin.id() + "?error=own_admin_role"));
    mvc.perform(post("/admin/users/" + account.id() + "/roles").with(csrf()).cookie(session))
        .andExpect(redirectedUrl("/admin/users/" + account.id() + "?error=invalid_request"));
  }

  @Test
  void otherTenantsAccountsAndUnknownActionsAreNotFound() throws Exception {
    String domain = "t" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    Tenant other = tenants.create("Other", List.of(domain));
    Account foreign =
        directory.create(
            new NewAccount(
                other.id(),
                "pat@" + domain,
                "Pat",
                null,
                null,
                null,
                Set.of(Role.USER),
                PasswordAuthority.REKEY),
            null,
            false);
    Cookie admin = as("admin@contoso.com");
    mvc.perform(get("/admin/users/" + foreign.id()).cookie(admin)).andExpect(status().isNotFound());
    mvc.perform(post("/admin/users/" + foreign.id() + "/unlock").with(csrf()).cookie(admin))
        .andExpect(status().isNotFound());
    Account mine = fresh(Role.USER);
    mvc.perform(get("/admin/users/" + mine.id() + "/confirm/delete-tenant").cookie(admin))
        .andExpect(status().isNotFound());
  }
}
