package dev.rekey.directory.internal.ldap;

import dev.rekey.directory.ConnectionReport;
import dev.rekey.directory.LdapSettings;
import java.util.Optional;
import java.util.UUID;

/** Hands out each tenant's client, built from its stored settings and kept until they change. */
public interface LdapClients {

  /** The tenant's client, or empty when the tenant has no connection or it is switched off. */
  Optional<LdapClient> forTenant(UUID tenantId);

  /** Forgets the tenant's client (closing its pool) so the next call reads the settings again. */
  void invalidate(UUID tenantId);

  /** Tries settings that need not be stored (the "Test connection" button). */
  ConnectionReport diagnose(LdapSettings settings);
}
