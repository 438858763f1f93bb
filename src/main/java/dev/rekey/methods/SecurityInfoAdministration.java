package dev.rekey.methods;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import java.util.List;
import java.util.UUID;

/** What the admin console may do with a user's security info. */
public interface SecurityInfoAdministration {

  /**
   * Requires re-registration: deletes every method of the account, pending ones included, and its
   * last review, then publishes {@link SecurityInfoCleared} (audited). Nothing secret is returned.
   *
   * @return the active methods that were deleted, masked
   */
  List<RegisteredMethod> requireReregistration(Account account, UUID actorId, RequestOrigin origin);

  /**
   * The registration rule of a tenant's users ({@code administrators} false) or of its helpdesk
   * operators and admins (true), the same {@link SecurityInfo#requirements} applies.
   */
  RegistrationRule registrationRule(UUID tenantId, boolean administrators);
}
