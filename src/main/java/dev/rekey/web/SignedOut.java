package dev.rekey.web;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;

/** A user signed out. */
public record SignedOut(UUID tenantId, UUID accountId, RequestOrigin origin) {}
