package dev.rekey.directory;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The principal of a signed-in session. Kept in the server-side session, so it is small and
 * serializable; anything that can change (names, roles) is re-read from the directory when it
 * matters.
 *
 * @param signedInAt when the password was last proven, for "recent sign-in" checks (SPEC §4)
 */
public record SignedInUser(
    UUID accountId,
    UUID tenantId,
    String upn,
    String displayName,
    Set<Role> roles,
    Instant signedInAt)
    implements Principal, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public SignedInUser {
    roles = Set.copyOf(roles);
  }

  public static SignedInUser of(Account account, Instant signedInAt) {
    return new SignedInUser(
        account.id(),
        account.tenantId(),
        account.upn(),
        account.displayName(),
        account.roles(),
        signedInAt);
  }

  /** Spring Session indexes sessions by this name, so all of a user's sessions can be ended. */
  @Override
  public String getName() {
    return accountId.toString();
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  public boolean isHelpdeskOrAdmin() {
    return roles.contains(Role.ADMIN) || roles.contains(Role.HELPDESK);
  }
}
