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

  LdapDirectorySynchroniser(LdapClients ldap, Tenants tenants, DirectoryAccounts accounts) {
    this.ldap = ldap;
    this.tenants = tenants;
    this.accounts = accounts;
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
          switch (accounts.link(tenantId, user, upn.get(), groups).change()) {
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
