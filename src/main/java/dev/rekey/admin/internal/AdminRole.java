package dev.rekey.admin.internal;

import dev.rekey.directory.SignedInUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Admin-only actions inside the console that helpdesk operators may also enter: users, groups and
 * imports change who exists and who belongs where, which only an admin may do (SPEC §1; ASVS 5.0
 * §8.2.1 function-level access control, checked on the server for every call).
 */
final class AdminRole {

  private AdminRole() {}

  /**
   * @throws AccessDeniedException (403 {@code forbidden}) unless the operator is an admin
   */
  static void require(SignedInUser operator) {
    if (!operator.isAdmin()) {
      throw new AccessDeniedException("admin only");
    }
  }
}
