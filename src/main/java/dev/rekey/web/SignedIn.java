package dev.rekey.web;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;

/** A user signed in with their password. */
public record SignedIn(UUID tenantId, UUID accountId, RequestOrigin origin) {}
