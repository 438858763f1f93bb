package dev.rekey.methods;

import dev.rekey.common.RequestOrigin;
import java.util.List;
import java.util.UUID;

/**
 * An administrator deleted all of a user's security info so that the user must register again.
 *
 * @param actorId the administrator
 * @param types the kinds of the active methods deleted (one entry per method; may be empty)
 */
public record SecurityInfoCleared(
    UUID tenantId, UUID accountId, UUID actorId, List<MethodType> types, RequestOrigin origin) {

  public SecurityInfoCleared {
    types = List.copyOf(types);
  }
}
