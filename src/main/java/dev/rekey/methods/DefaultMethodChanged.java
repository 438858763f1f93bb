package dev.rekey.methods;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;

/** A user chose another default method. */
public record DefaultMethodChanged(
    UUID tenantId, UUID accountId, UUID methodId, MethodType type, RequestOrigin origin) {}
