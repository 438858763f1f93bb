package dev.rekey.directory.internal.ldap;

import dev.rekey.directory.ConnectionReport;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.LdapSettings;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** One UnboundID client per tenant, built from the stored settings and kept until they change. */
@Component
class UnboundIdLdapClients implements LdapClients, DisposableBean {

  private final LdapSettingsStore store;
  private final Map<UUID, UnboundIdLdapClient> clients = new ConcurrentHashMap<>();

  UnboundIdLdapClients(LdapSettingsStore store) {
    this.store = store;
  }

  /**
   * @throws DirectoryUnavailable when the stored settings cannot make a connection at all (a URL or
   *     certificate that does not parse); "Test connection" names the problem
   */
  @Override
  public Optional<LdapClient> forTenant(UUID tenantId) {
    UnboundIdLdapClient cached = clients.get(tenantId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<LdapSettings> settings = store.load(tenantId).filter(LdapSettings::enabled);
    if (settings.isEmpty()) {
      return Optional.empty();
    }
    UnboundIdLdapClient created;
    try {
      created = new UnboundIdLdapClient(settings.get());
    } catch (IllegalArgumentException e) {
      throw new DirectoryUnavailable(
          "LDAP: the stored settings are unusable: " + e.getMessage(), e);
    }
    UnboundIdLdapClient winner = clients.putIfAbsent(tenantId, created);
    if (winner != null) {
      created.close(); // another thread was first; its pool is never opened, so nothing leaks
      return Optional.of(winner);
    }
    return Optional.of(created);
  }

  @Override
  public void invalidate(UUID tenantId) {
    UnboundIdLdapClient removed = clients.remove(tenantId);
    if (removed != null) {
      removed.close();
    }
  }

  @Override
  public ConnectionReport diagnose(LdapSettings settings) {
    return LdapDiagnosis.run(settings);
  }

  /** Closes every pool when the application stops. */
  @Override
  public void destroy() {
    clients.keySet().forEach(this::invalidate);
  }
}
