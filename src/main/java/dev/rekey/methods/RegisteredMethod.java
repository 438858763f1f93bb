package dev.rekey.methods;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A verification method as the user and admins may see it: masked, never the secret.
 *
 * @param hint what identifies it without revealing it ({@code +31 6••••••78}, the app's name)
 * @param phoneType for phones: {@code mobile}, {@code alternateMobile} or {@code office}
 */
public record RegisteredMethod(
    UUID id,
    UUID accountId,
    MethodType type,
    String hint,
    @Nullable String phoneType,
    @Nullable String displayName,
    boolean isDefault,
    Instant createdAt,
    @Nullable Instant lastUsedAt) {}
