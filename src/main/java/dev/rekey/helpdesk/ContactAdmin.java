package dev.rekey.helpdesk;

import dev.rekey.common.RequestOrigin;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user asks an administrator for help.
 *
 * @param flowId the reset flow the user came from, if any
 * @param reason why self-service did not work, one of {@link #REASONS}: {@code not_enabled}, {@code
 *     not_registered}, {@code blocked}, {@code password_not_managed}, {@code directory_unavailable}
 *     (the SPEC §6 codes), or {@code cannot_verify} (the user could reset but asks for help)
 * @param origin the user's client address and browser
 */
public record ContactAdmin(
    UUID tenantId, UUID accountId, @Nullable UUID flowId, String reason, RequestOrigin origin) {

  public static final Set<String> REASONS =
      Set.of(
          "not_enabled",
          "not_registered",
          "blocked",
          "password_not_managed",
          "directory_unavailable",
          "cannot_verify");

  public ContactAdmin {
    if (!REASONS.contains(reason)) {
      throw new IllegalArgumentException("Unknown reason: " + reason);
    }
  }
}
