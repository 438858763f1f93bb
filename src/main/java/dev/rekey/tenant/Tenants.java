package dev.rekey.tenant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Finds and creates tenants. */
public interface Tenants {

  Optional<Tenant> findById(UUID id);

  /** The tenant owning a verified domain, if any. */
  Optional<Tenant> findByDomain(String domain);

  /** The tenant a user ID such as {@code alain@contoso.com} belongs to, by its domain. */
  default Optional<Tenant> findByUserId(String userId) {
    int at = userId.lastIndexOf('@');
    if (at < 1 || at == userId.length() - 1) {
      return Optional.empty();
    }
    return findByDomain(userId.substring(at + 1));
  }

  List<Tenant> findAll();

  /**
   * Creates a tenant with verified domains.
   *
   * @throws IllegalArgumentException when a domain is malformed or already belongs to a tenant
   */
  Tenant create(String name, List<String> domains);

  static String normaliseDomain(String domain) {
    return domain.strip().toLowerCase(Locale.ROOT);
  }
}
