package dev.rekey.web;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in attempt failed.
 *
 * @param tenantId the tenant of the user ID's domain, when there is one
 * @param accountId the account, when the user ID exists
 * @param userId the user ID as typed (shortened), so admins can see probing of unknown IDs
 * @param reason {@code invalid_credentials}, {@code throttled} or {@code disabled}
 */
public record SignInFailed(
    @Nullable UUID tenantId,
    @Nullable UUID accountId,
    String userId,
    String reason,
    RequestOrigin origin) {

  public SignInFailed {
    userId = userId.length() > 320 ? userId.substring(0, 320) : userId;
  }
}
