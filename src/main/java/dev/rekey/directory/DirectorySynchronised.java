package dev.rekey.directory;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's directory was read into Rekey's accounts. Audited as "Synchronise directory", with the
 * counts.
 *
 * @param actorId the admin who asked for it; null when Rekey did it on its own
 */
public record DirectorySynchronised(
    UUID tenantId,
    @Nullable UUID actorId,
    DirectoryConnections.SyncReport report,
    RequestOrigin origin) {}
