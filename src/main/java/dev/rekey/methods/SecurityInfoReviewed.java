package dev.rekey.methods;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;

/** A user confirmed their security info is still right ("Looks good"). */
public record SecurityInfoReviewed(UUID tenantId, UUID accountId, RequestOrigin origin) {}
