package dev.rekey.web;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in attempt failed.
 *
 * @param tenantId the tenant of the user ID's domain, when there is one
 * @param accountId the account, when the user ID exists
 * @param reason {@code invalid_credentials}, {@code throttled} or {@code disabled}
 */
public record SignInFailed(
    @Nullable UUID tenantId, @Nullable UUID accountId, String reason, RequestOrigin origin) {}
