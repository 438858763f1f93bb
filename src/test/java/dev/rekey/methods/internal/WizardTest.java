package dev.rekey.methods.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.totp.TotpSecrets;
import dev.rekey.methods.totp.TotpVerifier;
import dev.rekey.support.Cookies;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import java.time.Duration;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sign-in sends unregistered users to the wizard and users due for reconfirmation to the review.
 */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-wizard-test")
class WizardTest {

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired AppMethods apps;
  @Autowired TotpVerifier totp;
  @Autowired SecurityInfoChanges changes;
  @Autowired JdbcMethods store;
  @Autowired JdbcClient jdbc;

  @Test
  void unregisteredUserInScopeIsSentToTheWizardAndMaySkip() throws Exception {
    Account account = userInSsprGroup();
    var signIn = pageSignIn(account.upn());
    signIn.andExpect(redirectedUrl("/register"));
    var session = Cookies.session(signIn.andReturn());
    mvc.perform(get("/register").cookie(session).header("Accept-Language", "nl"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Nu overslaan")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"wizard-done\""))));
    mvc.perform(post("/register/skip").with(csrf()).cookie(session)).andExpect(redirectedUrl("/"));
  }

  @Test
  void userOutsideTheSsprScopeIsNotInterrupted() throws Exception {
    String upn = TestSessions.freshUpn("outside");
    TestSessions.createAccount(
        tenants, directory, upn, TestSessions.DEMO_PASSWORD, false, Role.USER);
    pageSignIn(upn).andExpect(redirectedUrl("/"));
  }

  @Test
  void registeredUserDueForReconfirmationIsAskedToReviewAndLooksGoodIsAudited() throws Exception {
    Account account = userInSsprGroup();
    registerApp(account);
    pageSignIn(account.upn()).andExpect(redirectedUrl("/"));

    // The demo policy reconfirms after 180 days (or what an admin set, at most 730).
    clock.advance(Duration.ofDays(731));
    var signIn = pageSignIn(account.upn()).andExpect(redirectedUrl("/register/review"));
    var session = Cookies.session(signIn.andReturn());
    mvc.perform(get("/register/review").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Looks good")));
    mvc.perform(post("/register/review").with(csrf()).cookie(session))
        .andExpect(redirectedUrl("/"));
    pageSignIn(account.upn()).andExpect(redirectedUrl("/"));
    List<String> activities =
        jdbc.sql("SELECT activity FROM audit_event WHERE target_account_id = ?")
            .param(account.id())
            .query(String.class)
            .list();
    assertThat(activities).contains("User reviewed security info");
  }

  private Account userInSsprGroup() {
    String upn = TestSessions.freshUpn("wizard");
    Account account =
        TestSessions.createAccount(
            tenants, directory, upn, TestSessions.DEMO_PASSWORD, false, Role.USER);
    groups.addAccount(
        groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id(), account.id());
    return account;
  }

  private void registerApp(Account account) {
    SignedInUser user = SignedInUser.of(account, clock.instant());
    var pending = apps.start(user, "Authenticator app").orElseThrow();
    String code =
        TotpVerifier.codeAt(
            TotpSecrets.decode(pending.secret()), TotpVerifier.stepAt(clock.instant()));
    assertThat(
            apps.confirm(user, pending.id(), code, dev.rekey.common.RequestOrigin.system())
                .method())
        .isNotNull();
  }

  private org.springframework.test.web.servlet.ResultActions pageSignIn(String upn)
      throws Exception {
    return mvc.perform(
        post("/login")
            .with(csrf())
            .with(
                r -> {
                  r.setRemoteAddr("10.9.8.7");
                  return r;
                })
            .param("userId", upn)
            .param("password", TestSessions.DEMO_PASSWORD));
  }
}
