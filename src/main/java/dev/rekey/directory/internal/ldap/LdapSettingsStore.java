package dev.rekey.directory.internal.ldap;

import dev.rekey.directory.LdapSettings;
import java.util.Optional;
import java.util.UUID;

/** Where the clients read a tenant's settings from, with the secret decrypted. */
public interface LdapSettingsStore {

  /** The stored settings with {@link LdapSettings#bindSecret()} in plain text, or empty. */
  Optional<LdapSettings> load(UUID tenantId);
}
