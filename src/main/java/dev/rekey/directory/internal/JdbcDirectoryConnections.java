package dev.rekey.directory.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.crypto.CiphertextRejected;
import dev.rekey.crypto.SecretCipher;
import dev.rekey.directory.ConnectionReport;
import dev.rekey.directory.DirectoryConnectionChanged;
import dev.rekey.directory.DirectoryConnections;
import dev.rekey.directory.DirectorySynchronised;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.internal.ldap.DirectorySynchroniser;
import dev.rekey.directory.internal.ldap.LdapClients;
import dev.rekey.directory.internal.ldap.LdapSettingsStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tenants' directory connections in table {@code directory_connection}, one row per tenant. The
 * bind secret is encrypted at rest with a context naming the tenant and the column, so a ciphertext
 * copied to another tenant's row does not decrypt; it leaves this class only through {@link #load}
 * (for the LDAP clients), never through {@link #find} or a log line.
 */
@Service
class JdbcDirectoryConnections implements DirectoryConnections, LdapSettingsStore {

  private final ConnectionRows rows;
  private final SecretCipher cipher;
  private final ObjectProvider<LdapClients> clients;
  private final ObjectProvider<DirectorySynchroniser> synchroniser;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  JdbcDirectoryConnections(
      ConnectionRows rows,
      SecretCipher cipher,
      ObjectProvider<LdapClients> clients,
      ObjectProvider<DirectorySynchroniser> synchroniser,
      ApplicationEventPublisher events,
      Clock clock) {
    this.rows = rows;
    this.cipher = cipher;
    // Looked up when used: the clients read their settings from this store, and the synchroniser
    // uses the clients, so taking them in the constructor would be a cycle.
    this.clients = clients;
    this.synchroniser = synchroniser;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<LdapSettings> find(UUID tenantId) {
    return rows.find(tenantId).map(row -> row.settings().withBindSecret(null));
  }

  /** Whether a secret is stored (the API's {@code bindSecretSet}); the secret itself stays here. */
  @Transactional(readOnly = true)
  public boolean hasSecret(UUID tenantId) {
    return rows.find(tenantId).map(row -> row.secret() != null).orElse(false);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean isConnected(UUID tenantId) {
    return rows.find(tenantId).map(row -> row.settings().enabled()).orElse(false);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<LdapSettings> load(UUID tenantId) {
    return rows.find(tenantId)
        .map(
            row ->
                row.settings()
                    .withBindSecret(row.secret() == null ? null : decrypt(tenantId, row.secret())));
  }

  @Override
  @Transactional
  public LdapSettings save(UUID tenantId, LdapSettings settings, UUID actorId) {
    return save(tenantId, settings, actorId, RequestOrigin.system());
  }

  /**
   * Validates and stores the settings; a null secret keeps the stored one. Audited when something
   * changed.
   *
   * @param actorId the admin; null for Rekey itself (properties applied at start-up)
   * @throws SettingsRejected naming the first invalid field; nothing is then stored
   */
  @Transactional
  public LdapSettings save(
      UUID tenantId, LdapSettings settings, @Nullable UUID actorId, RequestOrigin origin) {
    LdapSettings valid = LdapSettingsValidator.validate(settings);
    Optional<ConnectionRows.Row> stored = rows.find(tenantId);
    String secret = valid.bindSecret();
    byte[] ciphertext;
    boolean secretChanged;
    if (secret == null || secret.isEmpty()) {
      ciphertext = requireStoredSecret(stored.orElse(null), valid);
      secretChanged = false;
    } else {
      checkSecret(secret);
      secretChanged =
          stored
              .map(row -> row.secret() == null || !sameSecret(tenantId, row.secret(), secret))
              .orElse(true);
      ciphertext =
          secretChanged
              ? cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8), context(tenantId))
              : stored.orElseThrow().secret();
    }
    LdapSettings after = valid.withBindSecret(null);
    LdapSettings before = stored.map(ConnectionRows.Row::settings).orElse(null);
    var difference = ConnectionValues.difference(before, after, secretChanged);
    if (stored.isPresent() && difference.isEmpty()) {
      return after;
    }
    if (stored.isPresent()) {
      rows.update(tenantId, after, ciphertext, clock.instant());
    } else {
      rows.insert(tenantId, after, ciphertext, clock.instant());
    }
    events.publishEvent(
        new DirectoryConnectionChanged(
            tenantId, actorId, difference.before(), difference.after(), origin));
    invalidate(tenantId);
    return after;
  }

  @Override
  @Transactional
  public void remove(UUID tenantId, UUID actorId) {
    remove(tenantId, actorId, RequestOrigin.system());
  }

  /** Removes the connection, audited; nothing happens when there is none. */
  @Transactional
  public void remove(UUID tenantId, @Nullable UUID actorId, RequestOrigin origin) {
    Optional<ConnectionRows.Row> stored = rows.find(tenantId);
    if (stored.isEmpty()) {
      return;
    }
    rows.delete(tenantId);
    var difference = ConnectionValues.difference(stored.get().settings(), null, false);
    events.publishEvent(
        new DirectoryConnectionChanged(
            tenantId, actorId, difference.before(), difference.after(), origin));
    invalidate(tenantId);
  }

  @Override
  public ConnectionReport test(UUID tenantId, LdapSettings settings) {
    LdapSettings valid = LdapSettingsValidator.validate(settings);
    String secret = valid.bindSecret();
    if (secret == null || secret.isEmpty()) {
      ConnectionRows.@Nullable Row stored = rows.find(tenantId).orElse(null);
      byte[] ciphertext = requireStoredSecret(stored, valid);
      valid = valid.withBindSecret(decrypt(tenantId, ciphertext));
    } else {
      checkSecret(secret);
    }
    return clients.getObject().diagnose(valid);
  }

  /** The stored settings tried as they are (the API's test without a body). */
  public Optional<ConnectionReport> testStored(UUID tenantId) {
    return load(tenantId).map(settings -> clients.getObject().diagnose(settings));
  }

  @Override
  public SyncReport synchronise(UUID tenantId) {
    return synchronise(tenantId, null, RequestOrigin.system());
  }

  /**
   * Reads the directory's users into Rekey's accounts, audited with the counts.
   *
   * @throws dev.rekey.directory.DirectoryUnavailable when no server answers
   * @throws IllegalStateException when the tenant has no connection switched on
   */
  public SyncReport synchronise(UUID tenantId, @Nullable UUID actorId, RequestOrigin origin) {
    SyncReport report = synchroniser.getObject().synchronise(tenantId);
    events.publishEvent(new DirectorySynchronised(tenantId, actorId, report, origin));
    return report;
  }

  /**
   * Keeping the stored secret is only allowed while it goes to the same servers as the same
   * account: otherwise anyone able to change the URLs could have Rekey send the stored secret to a
   * server of their choosing, in a bind request it can read (CWE-522; OWASP ASVS 5.0 §13.3: secrets
   * are released only to the systems they belong to). A new target needs the secret typed again.
   */
  private byte[] requireStoredSecret(ConnectionRows.@Nullable Row stored, LdapSettings wanted) {
    if (stored == null || stored.secret() == null) {
      throw LdapSettingsValidator.rejected("bindSecret", "required");
    }
    LdapSettings was = stored.settings();
    if (!hosts(was).equals(hosts(wanted)) || !was.bindDn().equalsIgnoreCase(wanted.bindDn())) {
      throw LdapSettingsValidator.rejected("bindSecret", "required_for_new_target");
    }
    return stored.secret();
  }

  private static Set<String> hosts(LdapSettings settings) {
    return settings.urls().stream()
        .map(url -> url.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  private static void checkSecret(String secret) {
    if (secret.length() > 1024) {
      throw LdapSettingsValidator.rejected("bindSecret", "too_long");
    }
  }

  /** Constant-time, so the comparison reveals nothing about the stored secret. */
  private boolean sameSecret(UUID tenantId, byte[] ciphertext, String secret) {
    try {
      byte[] stored = cipher.decrypt(ciphertext, context(tenantId));
      return MessageDigest.isEqual(stored, secret.getBytes(StandardCharsets.UTF_8));
    } catch (CiphertextRejected unreadable) {
      // The key is gone or the row was altered: store the new secret under the active key.
      return false;
    }
  }

  private String decrypt(UUID tenantId, byte[] ciphertext) {
    return new String(cipher.decrypt(ciphertext, context(tenantId)), StandardCharsets.UTF_8);
  }

  static String context(UUID tenantId) {
    return "directory_connection:" + tenantId + ":bind_secret";
  }

  /** Now, and again after the commit, so no client keeps settings a concurrent reader cached. */
  private void invalidate(UUID tenantId) {
    clients.getObject().invalidate(tenantId);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              clients.getObject().invalidate(tenantId);
            }
          });
    }
  }
}
