package dev.rekey.audit.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditResult;
import dev.rekey.audit.Audited;
import dev.rekey.directory.DirectoryConnectionChanged;
import dev.rekey.directory.DirectorySynchronised;
import dev.rekey.directory.PasswordChanged;
import dev.rekey.helpdesk.AdminContacted;
import dev.rekey.helpdesk.HelpdeskRequestHandled;
import dev.rekey.policy.SsprPolicyChanged;
import dev.rekey.web.SignInFailed;
import dev.rekey.web.SignedIn;
import dev.rekey.web.SignedOut;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events modules publish into audit rows.
 *
 * <p>Deliberately synchronous {@code @EventListener}s, not {@code @TransactionalEventListener}s or
 * asynchronous ones: the row is written in the publisher's transaction, so a change and its audit
 * record commit or roll back together, and a failure to audit fails the action instead of passing
 * unnoticed (ASVS 5.0 §16.2: security events are logged; a trail with silent gaps proves nothing).
 * An event published outside a transaction is simply one insert.
 */
@Component
class AuditListeners {

  private final AuditRecorder recorder;

  AuditListeners(AuditRecorder recorder) {
    this.recorder = recorder;
  }

  @EventListener
  void on(Audited event) {
    recorder.record(event);
  }

  @EventListener
  void on(SignedIn event) {
    recorder.record(
        Audited.of(
            event.tenantId(),
            event.accountId(),
            event.accountId(),
            AuditActivity.SIGNED_IN,
            AuditResult.SUCCEEDED,
            event.origin()));
  }

  @EventListener
  void on(SignedOut event) {
    recorder.record(
        Audited.of(
            event.tenantId(),
            event.accountId(),
            event.accountId(),
            AuditActivity.SIGNED_OUT,
            AuditResult.SUCCEEDED,
            event.origin()));
  }

  /** A throttled attempt is "Blocked"; anything else "Failed". The actor is anonymous. */
  @EventListener
  void on(SignInFailed event) {
    recorder.record(
        new Audited(
            event.tenantId(),
            null,
            event.accountId(),
            event.userId(),
            AuditActivity.SIGN_IN_FAILED,
            "throttled".equals(event.reason()) ? AuditResult.BLOCKED : AuditResult.FAILED,
            "password",
            event.reason(),
            event.origin(),
            null,
            Map.of()));
  }

  @EventListener
  void on(PasswordChanged event) {
    @Nullable AuditActivity activity =
        switch (event.kind()) {
          case SELF_SERVICE_CHANGE -> AuditActivity.CHANGE_PASSWORD_SELF_SERVICE;
          case ADMIN_RESET -> AuditActivity.RESET_PASSWORD_BY_ADMIN;
          // The reset portal audits its own outcome, with the flow id and the methods proven.
          case SELF_SERVICE_RESET -> null;
        };
    if (activity == null) {
      return;
    }
    recorder.record(
        Audited.of(
            event.tenantId(),
            event.actorId(),
            event.accountId(),
            activity,
            AuditResult.SUCCEEDED,
            event.origin()));
  }

  @EventListener
  void on(SsprPolicyChanged event) {
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    details.put("before", event.before());
    details.put("after", event.after());
    recorder.record(
        new Audited(
            event.tenantId(),
            event.actorId(),
            null,
            null,
            AuditActivity.SSPR_POLICY_CHANGED,
            AuditResult.SUCCEEDED,
            null,
            null,
            event.origin(),
            null,
            details));
  }

  /** The secret is never among the values: the event says only "changed" or "unchanged". */
  @EventListener
  void on(DirectoryConnectionChanged event) {
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    details.put("before", event.before());
    details.put("after", event.after());
    recorder.record(
        new Audited(
            event.tenantId(),
            event.actorId(),
            null,
            null,
            AuditActivity.DIRECTORY_CONNECTION_CHANGED,
            AuditResult.SUCCEEDED,
            null,
            null,
            event.origin(),
            null,
            details));
  }

  @EventListener
  void on(DirectorySynchronised event) {
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    details.put("seen", event.report().seen());
    details.put("created", event.report().created());
    details.put("updated", event.report().updated());
    details.put("skipped", event.report().skipped());
    recorder.record(
        new Audited(
            event.tenantId(),
            event.actorId(),
            null,
            null,
            AuditActivity.DIRECTORY_SYNCHRONISED,
            AuditResult.SUCCEEDED,
            null,
            null,
            event.origin(),
            null,
            details));
  }

  /** The user is anonymous (reset portal); {@code notified} is 0 when the request repeated one. */
  @EventListener
  void on(AdminContacted event) {
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    details.put("requestId", event.requestId().toString());
    details.put("notified", event.notified());
    recorder.record(
        new Audited(
            event.tenantId(),
            null,
            event.accountId(),
            null,
            AuditActivity.CONTACTED_ADMIN,
            AuditResult.CONTACTED_ADMIN,
            null,
            event.reason(),
            event.origin(),
            event.flowId() == null ? null : event.flowId().toString(),
            details));
  }

  /** The operator acted on the user's request; the request's reason goes along. */
  @EventListener
  void on(HelpdeskRequestHandled event) {
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    details.put("requestId", event.requestId().toString());
    recorder.record(
        new Audited(
            event.tenantId(),
            event.handledBy(),
            event.accountId(),
            null,
            AuditActivity.HELPDESK_REQUEST_HANDLED,
            AuditResult.SUCCEEDED,
            null,
            event.reason(),
            event.origin(),
            null,
            details));
  }
}
