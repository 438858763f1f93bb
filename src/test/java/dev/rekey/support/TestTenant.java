package dev.rekey.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A fresh tenant with an admin, a helpdesk operator and a user, so a test can change its policy or
 * its directory connection without touching the demo tenant other tests rely on.
 */
public record TestTenant(Tenant tenant, Account admin, Account helpdesk, Account user) {

  public static final String PASSWORD = "Welcome-to-Rekey-1";

  public static TestTenant create(Tenants tenants, AccountDirectory directory) {
    String domain = "t" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    Tenant tenant = tenants.create("Fabrikam " + domain, List.of(domain));
    return new TestTenant(
        tenant,
        account(directory, tenant, "admin@" + domain, Role.ADMIN),
        account(directory, tenant, "helpdesk@" + domain, Role.HELPDESK),
        account(directory, tenant, "user@" + domain, Role.USER));
  }

  public UUID id() {
    return tenant.id();
  }

  public static Cookie signIn(MockMvc mvc, Account account) throws Exception {
    var result =
        mvc.perform(
                post("/api/v1/session")
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"userId\":\"" + account.upn() + "\",\"password\":\"" + PASSWORD + "\"}"))
            .andReturn();
    return Objects.requireNonNull(Cookies.session(result), "signed in");
  }

  private static Account account(AccountDirectory directory, Tenant tenant, String upn, Role role) {
    return directory.create(
        new NewAccount(
            tenant.id(), upn, upn, null, null, upn, Set.of(role), PasswordAuthority.REKEY),
        PASSWORD,
        false);
  }
}
