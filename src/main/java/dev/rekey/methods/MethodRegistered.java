package dev.rekey.methods;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;

/** A user registered a verification method. */
public record MethodRegistered(
    UUID tenantId, UUID accountId, UUID methodId, MethodType type, RequestOrigin origin) {}
