package dev.rekey.directory;

import java.util.UUID;

/** A named group of accounts and other groups within a tenant. */
public record Group(UUID id, UUID tenantId, String name) {}
