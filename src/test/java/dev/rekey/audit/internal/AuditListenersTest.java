package dev.rekey.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditQuery;
import dev.rekey.audit.AuditResult;
import dev.rekey.audit.Audited;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.PasswordChanged;
import dev.rekey.policy.SsprPolicyChanged;
import dev.rekey.support.Cookies;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@RekeyTest
class AuditListenersTest {

  static final String PASSWORD = "Welcome-to-Rekey-1";

  @Autowired MockMvc mvc;
  @Autowired AuditLog log;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired TestClock clock;

  Instant since;

  @BeforeEach
  void startAfterEverythingEarlier() {
    clock.advance(Duration.ofMinutes(1));
    since = clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private Account account(String upn) {
    return directory.findByUserId(upn).orElseThrow();
  }

  private List<AuditEvent> since(Account tenantOf, @Nullable AuditActivity activity) {
    return log.find(new AuditQuery(tenantOf.tenantId(), activity, null, null, since, null, 0, 500))
        .items();
  }

  private Cookie signIn(String userId, String password, int expectedStatus) throws Exception {
    var result =
        mvc.perform(
                post("/api/v1/session")
                    .with(csrf())
                    .header("User-Agent", "AuditTest/1.0")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"userId\":\"" + userId + "\",\"password\":\"" + password + "\"}"))
            .andExpect(status().is(expectedStatus))
            .andReturn();
    return Cookies.session(result);
  }

  @Test
  void signInAndSignOutAreAudited() throws Exception {
    Account helpdesk = account("helpdesk@contoso.com");
    Cookie session = signIn("helpdesk@contoso.com", PASSWORD, 200);
    mvc.perform(delete("/api/v1/session").with(csrf()).cookie(session))
        .andExpect(status().isNoContent());

    List<AuditEvent> events = since(helpdesk, null);
    assertThat(events)
        .extracting(AuditEvent::activity)
        .containsExactly("User signed out", "User signed in");
    AuditEvent signedIn = events.get(1);
    assertThat(signedIn.result()).isEqualTo("Succeeded");
    assertThat(signedIn.actorId()).isEqualTo(helpdesk.id());
    assertThat(signedIn.actorLabel()).isEqualTo("helpdesk@contoso.com");
    assertThat(signedIn.targetAccountId()).isEqualTo(helpdesk.id());
    assertThat(signedIn.targetLabel()).isEqualTo("helpdesk@contoso.com");
    assertThat(signedIn.clientIp()).isEqualTo("127.0.0.1");
    assertThat(signedIn.userAgent()).isEqualTo("AuditTest/1.0");
  }

  @Test
  void failedSignInIsAuditedAsFailedByAnAnonymousActor() throws Exception {
    Account diego = account("diego@contoso.com");
    signIn("Diego@Contoso.com", "not-his-password", 401);

    List<AuditEvent> events = since(diego, AuditActivity.SIGN_IN_FAILED);
    assertThat(events).hasSize(1);
    AuditEvent failed = events.get(0);
    assertThat(failed.result()).isEqualTo("Failed");
    assertThat(failed.reason()).isEqualTo("invalid_credentials");
    assertThat(failed.method()).isEqualTo("password");
    assertThat(failed.actorId()).isNull();
    assertThat(failed.actorLabel()).isEqualTo("anonymous");
    assertThat(failed.targetAccountId()).isEqualTo(diego.id());
    assertThat(failed.targetLabel()).isEqualTo("diego@contoso.com");
  }

  @Test
  void failedSignInOfAnUnknownUserInAKnownDomainIsAuditedInThatTenant() throws Exception {
    Account admin = account("admin@contoso.com");
    signIn("ghost@contoso.com", "whatever-it-is", 401);

    List<AuditEvent> events = since(admin, AuditActivity.SIGN_IN_FAILED);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).targetAccountId()).isNull();
    assertThat(events.get(0).reason()).isEqualTo("invalid_credentials");
  }

  @Test
  void passwordChangesAreAuditedWithEntraActivityNames() {
    Account alain = account("alain@contoso.com");
    Account admin = account("admin@contoso.com");
    RequestOrigin origin = new RequestOrigin("198.51.100.7", "Browser");
    events.publishEvent(
        new PasswordChanged(
            alain.tenantId(),
            alain.id(),
            alain.id(),
            PasswordChanged.Kind.SELF_SERVICE_CHANGE,
            origin));
    events.publishEvent(
        new PasswordChanged(
            alain.tenantId(),
            alain.id(),
            alain.id(),
            PasswordChanged.Kind.SELF_SERVICE_RESET,
            origin));
    events.publishEvent(
        new PasswordChanged(
            alain.tenantId(), alain.id(), admin.id(), PasswordChanged.Kind.ADMIN_RESET, origin));

    // A self-service reset is audited by the reset portal itself, with its flow and methods; the
    // event alone (which only drives the user's notification) adds nothing to the log.
    List<AuditEvent> audited = since(alain, null);
    assertThat(audited)
        .extracting(AuditEvent::activity)
        .containsExactly("Reset password (by admin)", "Change password (self-service)");
    assertThat(audited).allSatisfy(e -> assertThat(e.targetLabel()).isEqualTo("alain@contoso.com"));
    assertThat(audited).allSatisfy(e -> assertThat(e.clientIp()).isEqualTo("198.51.100.7"));
    assertThat(audited.get(0).actorLabel()).isEqualTo("admin@contoso.com");
    assertThat(audited.get(1).actorLabel()).isEqualTo("alain@contoso.com");
  }

  @Test
  @SuppressWarnings("unchecked")
  void policyChangeIsAuditedWithBeforeAndAfter() {
    Account admin = account("admin@contoso.com");
    Map<String, @Nullable Object> before = new LinkedHashMap<>();
    before.put("enabledFor", "selected");
    before.put("helpdeskLink", "https://help.contoso.com");
    Map<String, @Nullable Object> after = new LinkedHashMap<>();
    after.put("enabledFor", "all");
    after.put("helpdeskLink", null);
    events.publishEvent(
        new SsprPolicyChanged(
            admin.tenantId(), admin.id(), before, after, new RequestOrigin("192.0.2.9", "UA")));

    List<AuditEvent> audited = since(admin, AuditActivity.SSPR_POLICY_CHANGED);
    assertThat(audited).hasSize(1);
    AuditEvent changed = audited.get(0);
    assertThat(changed.activity()).isEqualTo("Self-service password reset policy changes");
    assertThat(changed.actorLabel()).isEqualTo("admin@contoso.com");
    assertThat((Map<String, Object>) changed.details().get("before"))
        .containsEntry("enabledFor", "selected")
        .containsEntry("helpdeskLink", "https://help.contoso.com");
    assertThat((Map<String, Object>) changed.details().get("after"))
        .containsEntry("enabledFor", "all")
        .containsEntry("helpdeskLink", null);
  }

  @Test
  void genericEventKeepsWhatWasTypedForAnUnknownUser() {
    Account admin = account("admin@contoso.com");
    events.publishEvent(
        new Audited(
            admin.tenantId(),
            null,
            null,
            "  Nobody@Contoso.com ",
            AuditActivity.SSPR_FLOW_PROGRESS,
            AuditResult.FAILED,
            null,
            "user_not_found",
            new RequestOrigin("203.0.113.5", "Kiosk"),
            "flow-123",
            Map.of("step", "userId")));
    events.publishEvent(
        Audited.of(
            admin.tenantId(),
            null,
            admin.id(),
            AuditActivity.SECURITY_INFO_REVIEWED,
            AuditResult.SUCCEEDED,
            RequestOrigin.system()));

    List<AuditEvent> audited = since(admin, null);
    assertThat(audited).hasSize(2);
    assertThat(audited.get(0).actorLabel()).isEqualTo("system");
    AuditEvent probe = audited.get(1);
    assertThat(probe.targetLabel()).isEqualTo("Nobody@Contoso.com");
    assertThat(probe.actorLabel()).isEqualTo("anonymous");
    assertThat(probe.flowId()).isEqualTo("flow-123");
    assertThat(probe.details()).containsEntry("step", "userId");
  }

  /** The audit row is written in the publisher's transaction: no change, no row. */
  @Test
  void auditRowRollsBackWithThePublishersTransaction() {
    Account alain = account("alain@contoso.com");
    transactions.executeWithoutResult(
        tx -> {
          events.publishEvent(
              new PasswordChanged(
                  alain.tenantId(),
                  alain.id(),
                  alain.id(),
                  PasswordChanged.Kind.SELF_SERVICE_CHANGE,
                  RequestOrigin.system()));
          assertThat(since(alain, null)).hasSize(1);
          tx.setRollbackOnly();
        });
    assertThat(since(alain, null)).isEmpty();
  }
}
