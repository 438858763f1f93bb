package dev.rekey.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored audit event, as queries return it. Immutable, like the row behind it.
 *
 * @param actorLabel the acting account's UPN, or {@code anonymous} / {@code system}
 * @param targetLabel the target's user ID; for an unknown user ID, what was typed
 * @param reason a machine code such as {@code invalid_credentials}
 * @param details activity-specific facts, such as a policy's {@code before} and {@code after}
 */
public record AuditEvent(
    UUID id,
    Instant occurredAt,
    @Nullable UUID tenantId,
    @Nullable UUID actorId,
    String actorLabel,
    @Nullable UUID targetAccountId,
    @Nullable String targetLabel,
    String activity,
    String result,
    @Nullable String method,
    @Nullable String reason,
    String clientIp,
    String userAgent,
    @Nullable String flowId,
    Map<String, @Nullable Object> details) {

  public AuditEvent {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
