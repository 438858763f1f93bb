package dev.rekey.audit.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditResult;
import dev.rekey.audit.Audited;
import dev.rekey.common.RequestOrigin;
import dev.rekey.methods.DefaultMethodChanged;
import dev.rekey.methods.MethodDeleted;
import dev.rekey.methods.MethodRegistered;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.RegistrationCompleted;
import dev.rekey.methods.SecurityInfoCleared;
import dev.rekey.methods.SecurityInfoReviewed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Security-info changes, under Entra's activity names. Only the method's kind is recorded: phone
 * numbers and email addresses never reach the audit trail (SPEC §4 privacy).
 */
@Component
class SecurityInfoAuditListeners {

  private final AuditRecorder recorder;

  SecurityInfoAuditListeners(AuditRecorder recorder) {
    this.recorder = recorder;
  }

  @EventListener
  void on(MethodRegistered event) {
    record(
        event.tenantId(),
        event.accountId(),
        AuditActivity.SECURITY_INFO_REGISTERED,
        event.type(),
        event.origin());
  }

  @EventListener
  void on(MethodDeleted event) {
    record(
        event.tenantId(),
        event.accountId(),
        AuditActivity.SECURITY_INFO_DELETED,
        event.type(),
        event.origin());
  }

  @EventListener
  void on(DefaultMethodChanged event) {
    record(
        event.tenantId(),
        event.accountId(),
        AuditActivity.SECURITY_INFO_DEFAULT_CHANGED,
        event.type(),
        event.origin());
  }

  @EventListener
  void on(RegistrationCompleted event) {
    record(
        event.tenantId(),
        event.accountId(),
        AuditActivity.SECURITY_INFO_ALL_REGISTERED,
        null,
        event.origin());
  }

  @EventListener
  void on(SecurityInfoReviewed event) {
    record(
        event.tenantId(),
        event.accountId(),
        AuditActivity.SECURITY_INFO_REVIEWED,
        null,
        event.origin());
  }

  /** One row for the whole deletion, by the administrator; the kinds deleted go in the details. */
  @EventListener
  void on(SecurityInfoCleared event) {
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    details.put("methodsDeleted", event.types().size());
    details.put("types", event.types().stream().map(MethodType::code).toList());
    recorder.record(
        new Audited(
            event.tenantId(),
            event.actorId(),
            event.accountId(),
            null,
            AuditActivity.SECURITY_INFO_DELETED_BY_ADMIN,
            AuditResult.SUCCEEDED,
            null,
            null,
            event.origin(),
            null,
            details));
  }

  private void record(
      UUID tenantId,
      UUID accountId,
      AuditActivity activity,
      @Nullable MethodType method,
      RequestOrigin origin) {
    recorder.record(
        new Audited(
            tenantId,
            accountId,
            accountId,
            null,
            activity,
            AuditResult.SUCCEEDED,
            method == null ? null : method.code(),
            null,
            origin,
            null,
            Map.of()));
  }
}
