package dev.rekey.audit;

import dev.rekey.common.RequestOrigin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event to append to the trail, with its labels already resolved. The log adds the id and the
 * time.
 */
public record NewAuditEvent(
    @Nullable UUID tenantId,
    @Nullable UUID actorId,
    String actorLabel,
    @Nullable UUID targetAccountId,
    @Nullable String targetLabel,
    AuditActivity activity,
    AuditResult result,
    @Nullable String method,
    @Nullable String reason,
    RequestOrigin origin,
    @Nullable String flowId,
    Map<String, @Nullable Object> details) {

  public NewAuditEvent {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
