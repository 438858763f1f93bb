package dev.rekey.directory.internal.ldap;

import dev.rekey.directory.ConnectionReport;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.LdapSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One UnboundID client per tenant, built from the stored settings and kept until they change. A
 * change made here invalidates at once; a change made on another node (or straight in the database)
 * is noticed within {@code rekey.directory.ldap.settings-recheck} (30 s), when the settings are
 * read again and compared. Tenants without a connection are remembered the same way, so their
 * users' sign-ins and resets do not read the settings table each time.
 */
@Component
class UnboundIdLdapClients implements LdapClients, DisposableBean {

  /** A tenant's client (null: no connection or switched off), its settings and when read. */
  private record Entry(
      @Nullable UnboundIdLdapClient client, @Nullable LdapSettings settings, long checkedAt) {}

  private final LdapSettingsStore store;
  private final long recheckNanos;
  private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

  UnboundIdLdapClients(LdapSettingsStore store) {
    this(store, Duration.ofSeconds(30));
  }

  @Autowired
  UnboundIdLdapClients(
      LdapSettingsStore store,
      @Value("${rekey.directory.ldap.settings-recheck:30s}") Duration recheck) {
    this.store = store;
    this.recheckNanos = recheck.toNanos();
  }

  /**
   * @throws DirectoryUnavailable when the stored settings cannot make a connection at all (a URL or
   *     certificate that does not parse); "Test connection" names the problem
   */
  @Override
  public Optional<LdapClient> forTenant(UUID tenantId) {
    long now = System.nanoTime();
    Entry entry = entries.get(tenantId);
    if (entry != null && now - entry.checkedAt() < recheckNanos) {
      return Optional.ofNullable(entry.client());
    }
    LdapSettings settings = store.load(tenantId).filter(LdapSettings::enabled).orElse(null);
    if (entry != null && Objects.equals(entry.settings(), settings)) {
      entries.replace(tenantId, entry, new Entry(entry.client(), settings, now));
      return Optional.ofNullable(entry.client());
    }
    UnboundIdLdapClient created = null;
    if (settings != null) {
      try {
        created = new UnboundIdLdapClient(settings);
      } catch (IllegalArgumentException e) {
        throw new DirectoryUnavailable(
            "LDAP: the stored settings are unusable: " + e.getMessage(), e);
      }
    }
    Entry next = new Entry(created, settings, now);
    boolean stored =
        entry == null
            ? entries.putIfAbsent(tenantId, next) == null
            : entries.replace(tenantId, entry, next);
    if (!stored) {
      // Another thread was first; this pool was never opened, so nothing leaks.
      if (created != null) {
        created.close();
      }
      Entry winner = entries.get(tenantId);
      return Optional.ofNullable(winner == null ? null : winner.client());
    }
    if (entry != null && entry.client() != null) {
      entry.client().close();
    }
    return Optional.ofNullable(created);
  }

  @Override
  public void invalidate(UUID tenantId) {
    Entry removed = entries.remove(tenantId);
    if (removed != null && removed.client() != null) {
      removed.client().close();
    }
  }

  @Override
  public ConnectionReport diagnose(LdapSettings settings) {
    return LdapDiagnosis.run(settings);
  }

  /** Closes every pool when the application stops. */
  @Override
  public void destroy() {
    entries.keySet().forEach(this::invalidate);
  }
}
