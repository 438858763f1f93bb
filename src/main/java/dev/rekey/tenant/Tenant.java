package dev.rekey.tenant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organisation using Rekey.
 *
 * @param domains the verified domains, lower case; a UPN in one of them belongs to this tenant
 */
public record Tenant(UUID id, String name, List<String> domains, Instant createdAt) {

  public Tenant {
    domains = List.copyOf(domains);
  }

  /** Whether {@code domain} is one of this tenant's own domains (case-insensitive). */
  public boolean ownsDomain(String domain) {
    return domains.contains(Tenants.normaliseDomain(domain));
  }
}
