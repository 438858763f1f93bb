package dev.rekey.helpdesk;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user contacted an administrator (audited as "Contacted admin", SPEC §8).
 *
 * @param requestId the helpdesk request, new or the open one it repeated
 * @param notified how many operators were emailed: 0 when the request repeated an open one
 */
public record AdminContacted(
    UUID tenantId,
    UUID accountId,
    UUID requestId,
    @Nullable UUID flowId,
    String reason,
    int notified,
    RequestOrigin origin) {}
