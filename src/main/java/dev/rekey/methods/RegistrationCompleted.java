package dev.rekey.methods;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;

/** A user now has all the security info the policy requires ("registered all required"). */
public record RegistrationCompleted(UUID tenantId, UUID accountId, RequestOrigin origin) {}
