package dev.rekey.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Test helpers: fresh accounts in the Contoso tenant and signing in through the API. */
public final class TestSessions {

  public static final String DEMO_PASSWORD = "Welcome-to-Rekey-1";

  private TestSessions() {}

  public static String freshUpn(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
  }

  public static Account createAccount(
      Tenants tenants,
      AccountDirectory directory,
      String upn,
      String password,
      boolean mustChange,
      Role... roles) {
    UUID tenant = tenants.findByDomain("contoso.com").orElseThrow().id();
    return directory.create(
        new NewAccount(
            tenant, upn, "Test " + upn, null, null, null, Set.of(roles), PasswordAuthority.REKEY),
        password,
        mustChange);
  }

  public static String body(String userId, String password) {
    return "{\"userId\":\"" + userId + "\",\"password\":\"" + password + "\"}";
  }

  public static MvcResult signIn(MockMvc mvc, String userId, String password) throws Exception {
    return mvc.perform(
            post("/api/v1/session")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(userId, password)))
        .andReturn();
  }

  public static Cookie session(MockMvc mvc, String userId, String password) throws Exception {
    MvcResult result = signIn(mvc, userId, password);
    if (result.getResponse().getStatus() != 200) {
      throw new AssertionError(
          "sign-in of " + userId + " failed: " + result.getResponse().getContentAsString());
    }
    Cookie cookie = Cookies.session(result);
    if (cookie == null) {
      throw new AssertionError("no session cookie for " + userId);
    }
    return cookie;
  }
}
