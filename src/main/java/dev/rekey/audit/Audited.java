package dev.rekey.audit;

import dev.rekey.common.RequestOrigin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something worth auditing happened: any module may publish this and the audit module stores it,
 * resolving account ids to user IDs. (Modules the audit module itself listens to — web, directory,
 * policy — publish their own events instead, which keeps the module graph acyclic.)
 *
 * @param actorId the account that acted; null for an anonymous caller (reset portal) or Rekey
 * @param targetAccountId the account acted on, when known
 * @param targetUserId the user ID as typed, recorded when there is no such account (probing)
 * @param method the verification method involved, such as {@code email} or {@code softwareOath}
 * @param reason a machine code saying why it failed or was blocked
 * @param flowId the reset flow, for following one attempt from start to end
 */
public record Audited(
    @Nullable UUID tenantId,
    @Nullable UUID actorId,
    @Nullable UUID targetAccountId,
    @Nullable String targetUserId,
    AuditActivity activity,
    AuditResult result,
    @Nullable String method,
    @Nullable String reason,
    RequestOrigin origin,
    @Nullable String flowId,
    Map<String, @Nullable Object> details) {

  public Audited {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** An event about a known account with no method, reason, flow or details. */
  public static Audited of(
      UUID tenantId,
      @Nullable UUID actorId,
      UUID targetAccountId,
      AuditActivity activity,
      AuditResult result,
      RequestOrigin origin) {
    return new Audited(
        tenantId,
        actorId,
        targetAccountId,
        null,
        activity,
        result,
        null,
        null,
        origin,
        null,
        Map.of());
  }
}
