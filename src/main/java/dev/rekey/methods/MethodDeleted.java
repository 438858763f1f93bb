package dev.rekey.methods;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;

/** A user deleted a verification method. */
public record MethodDeleted(
    UUID tenantId, UUID accountId, UUID methodId, MethodType type, RequestOrigin origin) {}
