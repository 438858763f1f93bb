package dev.rekey.reset.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditResult;
import dev.rekey.audit.Audited;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Audit events of the reset portal with Entra's activity names (SPEC §8). Every step of a flow is a
 * "flow activity progress" event carrying the step, so the reports can show where people give up.
 */
@Component
class ResetAudit {

  private final ApplicationEventPublisher events;

  ResetAudit(ApplicationEventPublisher events) {
    this.events = events;
  }

  /** A step of a flow: started, method chosen, verified, failed, password refused… */
  void progress(
      ResetFlow flow,
      AuditResult result,
      String step,
      @Nullable String method,
      @Nullable String reason,
      RequestOrigin origin) {
    publish(
        flow.tenantId(),
        flow.accountId(),
        null,
        AuditActivity.SSPR_FLOW_PROGRESS,
        result,
        method,
        reason,
        origin,
        flow.id(),
        step);
  }

  /** The outcome of a flow or of its start (refusals carry the reason; no flow exists then). */
  void outcome(
      @Nullable UUID tenantId,
      @Nullable UUID accountId,
      @Nullable String typedUserId,
      AuditActivity activity,
      AuditResult result,
      @Nullable String method,
      @Nullable String reason,
      RequestOrigin origin,
      @Nullable String flowId) {
    publish(
        tenantId,
        accountId,
        accountId == null ? typedUserId : null,
        activity,
        result,
        method,
        reason,
        origin,
        flowId,
        null);
  }

  void blocked(Account account, @Nullable String flowId, String reason, RequestOrigin origin) {
    outcome(
        account.tenantId(),
        account.id(),
        null,
        AuditActivity.BLOCKED_FROM_SSPR,
        AuditResult.BLOCKED,
        null,
        reason,
        origin,
        flowId);
  }

  private void publish(
      @Nullable UUID tenantId,
      @Nullable UUID accountId,
      @Nullable String typedUserId,
      AuditActivity activity,
      AuditResult result,
      @Nullable String method,
      @Nullable String reason,
      RequestOrigin origin,
      @Nullable String flowId,
      @Nullable String step) {
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    if (step != null) {
      details.put("step", step);
    }
    events.publishEvent(
        new Audited(
            tenantId,
            null,
            accountId,
            typedUserId,
            activity,
            result,
            method,
            reason,
            origin,
            flowId,
            details));
  }
}
