package dev.rekey.directory;

import dev.rekey.common.RequestOrigin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's directory connection was created, changed or removed. Audited as "Directory connection
 * changes". The bind secret never appears: its entry says only {@code changed} or {@code
 * unchanged}.
 *
 * @param actorId the admin who changed it; null when Rekey applied the operator's properties at
 *     start-up (audited as "system")
 * @param before the changed settings' old values by the API's field names; empty for a new one
 * @param after the changed settings' new values, same keys; empty when removed
 */
public record DirectoryConnectionChanged(
    UUID tenantId,
    @Nullable UUID actorId,
    Map<String, @Nullable Object> before,
    Map<String, @Nullable Object> after,
    RequestOrigin origin) {

  public DirectoryConnectionChanged {
    before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
    after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
  }
}
