package dev.rekey.directory;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;

/**
 * An account's password was changed.
 *
 * @param actorId who did it: the account itself, or an admin
 */
public record PasswordChanged(
    UUID tenantId, UUID accountId, UUID actorId, Kind kind, RequestOrigin origin) {

  /** Why it changed, mapped by the audit module to Entra's activity names. */
  public enum Kind {
    SELF_SERVICE_CHANGE,
    SELF_SERVICE_RESET,
    ADMIN_RESET
  }
}
