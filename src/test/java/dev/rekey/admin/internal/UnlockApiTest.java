package dev.rekey.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditQuery;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import dev.rekey.throttle.ResetThrottle;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RekeyTest
class UnlockApiTest {

  @Autowired MockMvc mvc;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;
  @Autowired ResetThrottle throttle;
  @Autowired AuditLog audit;

  private Account lockedAndBlocked() {
    Account account =
        TestSessions.createAccount(
            tenants,
            directory,
            TestSessions.freshUpn("locked"),
            TestSessions.DEMO_PASSWORD,
            false,
            Role.USER);
    directory.setLocked(account.id(), true);
    for (int i = 0; i < 5; i++) {
      throttle.failure(account.id());
    }
    assertThat(throttle.blockedUntil(account.id())).isPresent();
    return account;
  }

  private Cookie as(String upn) throws Exception {
    return TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
  }

  private org.springframework.test.web.servlet.ResultActions unlock(String userId, Cookie session)
      throws Exception {
    var request = post("/api/v1/admin/users/{userId}/unlock", userId).with(csrf());
    return mvc.perform(session == null ? request : request.cookie(session));
  }

  @Test
  void anAdminUnlocksByUserIdAndLiftsTheSsprBlockAudited() throws Exception {
    Account account = lockedAndBlocked();

    unlock(account.upn().toUpperCase(), as("admin@contoso.com")).andExpect(status().isNoContent());

    assertThat(directory.findById(account.id()).orElseThrow().locked()).isFalse();
    assertThat(throttle.blockedUntil(account.id())).isEmpty();
    List<AuditEvent> events =
        audit
            .find(
                new AuditQuery(
                    account.tenantId(),
                    AuditActivity.UNLOCK_BY_ADMIN,
                    null,
                    account.upn(),
                    null,
                    null,
                    0,
                    10))
            .items();
    assertThat(events).hasSize(1);
    AuditEvent event = events.get(0);
    assertThat(event.activity()).isEqualTo("Unlock user account (by admin)");
    assertThat(event.result()).isEqualTo("Succeeded");
    assertThat(event.actorLabel()).isEqualTo("admin@contoso.com");
    assertThat(event.targetLabel()).isEqualTo(account.upn());
    assertThat(event.details())
        .containsEntry("wasLocked", true)
        .containsEntry("ssprBlockLifted", true);
  }

  @Test
  void helpdeskUnlocksByAccountId() throws Exception {
    Account account = lockedAndBlocked();

    unlock(account.id().toString(), as("helpdesk@contoso.com")).andExpect(status().isNoContent());

    assertThat(directory.findById(account.id()).orElseThrow().locked()).isFalse();
    assertThat(throttle.blockedUntil(account.id())).isEmpty();
  }

  @Test
  void aPlainUserIsForbiddenAndAnonymousUnauthenticated() throws Exception {
    Account account = lockedAndBlocked();

    unlock(account.upn(), as("alain@contoso.com"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));
    unlock(account.upn(), null)
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthenticated"));

    assertThat(directory.findById(account.id()).orElseThrow().locked()).isTrue();
    assertThat(throttle.blockedUntil(account.id())).isPresent();
  }

  @Test
  void unknownUsersAndOtherTenantsAccountsAreNotFound() throws Exception {
    String domain = "t" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    Tenant fabrikam = tenants.create("Fabrikam", List.of(domain));
    Account foreign =
        directory.create(
            new NewAccount(
                fabrikam.id(),
                "pat@" + domain,
                "Pat",
                null,
                null,
                null,
                Set.of(Role.USER),
                PasswordAuthority.REKEY),
            TestSessions.DEMO_PASSWORD,
            false);
    directory.setLocked(foreign.id(), true);
    Cookie admin = as("admin@contoso.com");

    for (String userId :
        List.of(
            foreign.upn(),
            foreign.id().toString(),
            "nobody@contoso.com",
            UUID.randomUUID().toString(),
            "not-an-id")) {
      unlock(userId, admin)
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("not_found"));
    }
    assertThat(directory.findById(foreign.id()).orElseThrow().locked()).isTrue();
  }
}
