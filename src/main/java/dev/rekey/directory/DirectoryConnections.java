package dev.rekey.directory;

import java.util.Optional;
import java.util.UUID;

/** The tenants' LDAP / Active Directory connections, for the admin console and the API. */
public interface DirectoryConnections {

  /** The tenant's settings without the secret ({@link LdapSettings#bindSecret()} is null). */
  Optional<LdapSettings> find(UUID tenantId);

  /** Whether the tenant has a connection that is switched on. */
  boolean isConnected(UUID tenantId);

  /**
   * Stores the settings; a null secret keeps the stored one. Open connections are replaced.
   *
   * @throws SettingsRejected naming the first invalid field
   */
  LdapSettings save(UUID tenantId, LdapSettings settings, UUID actorId);

  /** Removes the connection; directory accounts stay, but cannot sign in or reset. */
  void remove(UUID tenantId, UUID actorId);

  /**
   * Tries the settings without storing them: each URL, TLS, the bind, the base DN, the user filter
   * and the groups. A null secret uses the stored one.
   */
  ConnectionReport test(UUID tenantId, LdapSettings settings);

  /** Reads every user of the directory into Rekey's accounts (new, renamed, disabled, groups). */
  SyncReport synchronise(UUID tenantId);

  /** The outcome of a synchronisation. */
  record SyncReport(int seen, int created, int updated, int skipped) {}

  /** A setting is out of range or malformed; {@code field} names it, {@code code} says why. */
  class SettingsRejected extends RuntimeException {
    private final String field;
    private final String code;

    public SettingsRejected(String field, String code, String message) {
      super(message);
      this.field = field;
      this.code = code;
    }

    public String field() {
      return field;
    }

    public String code() {
      return code;
    }
  }
}
