package dev.rekey.policy;

import dev.rekey.common.RequestOrigin;
import java.util.Map;
import java.util.UUID;

/**
 * An admin changed a tenant's SSPR policy. Audited as "Self-service password reset policy changes".
 *
 * @param before the changed settings' old values, by the policy document's field names
 * @param after the changed settings' new values, same keys as {@code before}
 */
public record SsprPolicyChanged(
    UUID tenantId,
    UUID actorId,
    Map<String, Object> before,
    Map<String, Object> after,
    RequestOrigin origin) {

  public SsprPolicyChanged {
    before = Map.copyOf(before);
    after = Map.copyOf(after);
  }
}
