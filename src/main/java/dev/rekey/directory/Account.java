package dev.rekey.directory;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user in a tenant's directory. Security info is deliberately not part of it (SPEC §2).
 *
 * @param upn the user principal name, lower case, which is also the sign-in user ID
 * @param preferredLanguage the language of the user's last sign-in ({@code en}, {@code nl}), for
 *     messages sent when they are not at a browser
 */
public record Account(
    UUID id,
    UUID tenantId,
    String upn,
    String displayName,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    boolean enabled,
    boolean locked,
    Set<Role> roles,
    PasswordAuthority passwordAuthority,
    boolean mustChangePassword,
    @Nullable Instant passwordChangedAt,
    @Nullable String preferredLanguage,
    Instant createdAt) {

  public Account {
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /** Helpdesk operators and admins get the fixed two-gate policy (SPEC §3). */
  public boolean isAdministrator() {
    return roles.contains(Role.ADMIN) || roles.contains(Role.HELPDESK);
  }
}
