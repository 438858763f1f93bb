package dev.rekey.helpdesk;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored "contact an administrator" request.
 *
 * @param reason one of {@link ContactAdmin#REASONS}
 * @param status open until an operator marks it handled
 * @param handledBy the account of the operator who handled it
 */
public record HelpdeskRequest(
    UUID id,
    UUID tenantId,
    UUID accountId,
    @Nullable UUID flowId,
    String reason,
    String clientIp,
    String userAgent,
    HelpdeskRequests.Status status,
    Instant createdAt,
    @Nullable UUID handledBy,
    @Nullable Instant handledAt) {}
