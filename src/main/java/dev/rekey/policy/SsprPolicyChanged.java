package dev.rekey.policy;

import dev.rekey.common.RequestOrigin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An admin changed a tenant's SSPR policy. Audited as "Self-service password reset policy changes".
 *
 * @param before the changed settings' old values, by the policy document's field names
 * @param after the changed settings' new values, same keys as {@code before}
 */
public record SsprPolicyChanged(
    UUID tenantId,
    UUID actorId,
    Map<String, @Nullable Object> before,
    Map<String, @Nullable Object> after,
    RequestOrigin origin) {

  public SsprPolicyChanged {
    // Values may be null (a helpdesk link removed), so no Map.copyOf; order is kept for display.
    before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
    after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
  }
}
