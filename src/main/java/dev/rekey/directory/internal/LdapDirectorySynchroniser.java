package dev.rekey.directory.internal;

import dev.rekey.directory.DirectoryConnections.SyncReport;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.internal.ldap.DirectorySynchroniser;
import dev.rekey.directory.internal.ldap.LdapClient;
import dev.rekey.directory.internal.ldap.LdapClients;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Reads every user of a tenant's directory into Rekey (the admin's "Synchronise now"), so admins
 * see directory users, reports count them and groups scope SSPR before anyone signs in. Users who
 * sign in or start a reset are refreshed one by one anyway. Entries no longer in the directory are
 * marked disabled in Rekey (their security info stays, in case they come back).
 */
@Service
class LdapDirectorySynchroniser implements DirectorySynchroniser {

  private static final Logger log = LoggerFactory.getLogger(LdapDirectorySynchroniser.class);

  private final LdapClients ldap;
  private final Tenants tenants;
  private final DirectoryAccounts accounts;

  private final boolean syncEnabled;

  LdapDirectorySynchroniser(
      LdapClients ldap,
      Tenants tenants,
      DirectoryAccounts accounts,
      @Value("${rekey.directory.ldap.sync-enabled:true}") boolean syncEnabled) {
    this.syncEnabled = syncEnabled;
    this.ldap = ldap;
    this.tenants = tenants;
    this.accounts = accounts;
  }

  /**
   * Every connected tenant, every {@code rekey.directory.ldap.sync-interval} (6 hours by default;
   * {@code rekey.directory.ldap.sync-enabled=false} turns it off). Safe on several nodes at once.
   */
  @Scheduled(
      fixedDelayString = "${rekey.directory.ldap.sync-interval:PT6H}",
      initialDelayString = "${rekey.directory.ldap.sync-initial-delay:PT5M}")
  void scheduled() {
    if (!syncEnabled) {
      return;
    }
    for (Tenant tenant : tenants.findAll()) {
      if (ldap.forTenant(tenant.id()).isEmpty()) {
        continue;
      }
      try {
        synchronise(tenant.id());
      } catch (RuntimeException e) {
        log.warn(
            "Scheduled directory synchronisation of tenant {} failed: {}",
            tenant.id(),
            e.toString());
      }
    }
  }

  @Override
  public SyncReport synchronise(UUID tenantId) {
    Tenant tenant =
        tenants
            .findById(tenantId)
            .orElseThrow(() -> new IllegalStateException("Unknown tenant " + tenantId));
    LdapClient client =
        ldap.forTenant(tenantId)
            .orElseThrow(
                () -> new IllegalStateException("The tenant has no directory connection on"));
    LdapSettings settings = client.settings();
    boolean groups = settings.groupMode() != LdapSettings.GroupMode.NONE;
    AtomicInteger seen = new AtomicInteger();
    AtomicInteger created = new AtomicInteger();
    AtomicInteger updated = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    Set<String> ids = new HashSet<>();
    // The whole read completes before anything is marked missing: an outage half-way (the client
    // throws DirectoryUnavailable) leaves accounts that were not reached untouched.
    client.forEachUser(
        user -> {
          seen.incrementAndGet();
          ids.add(user.stableId());
          var upn = DirectoryAccounts.upnOf(user, settings, tenant, null);
          if (upn.isEmpty()) {
            skipped.incrementAndGet();
            return;
          }
          DirectoryAccounts.Change change;
          try {
            change = accounts.link(tenantId, user, upn.get(), groups).change();
          } catch (DataIntegrityViolationException raced) {
            // Another node linked the same entry at the same moment (unique directory id).
            change = DirectoryAccounts.Change.CONFLICT;
          }
          switch (change) {
            case CREATED -> created.incrementAndGet();
            case UPDATED -> updated.incrementAndGet();
            case CONFLICT -> skipped.incrementAndGet();
            case UNCHANGED -> {}
          }
        });
    int missing = accounts.markMissing(tenantId, ids);
    log.info(
        "Directory synchronised for tenant {}: {} seen, {} new, {} changed, {} skipped, {} gone",
        tenantId,
        seen.get(),
        created.get(),
        updated.get(),
        skipped.get(),
        missing);
    return new SyncReport(seen.get(), created.get(), updated.get() + missing, skipped.get());
  }
}
