package dev.rekey.policy;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import java.util.List;
import java.util.UUID;

/** Reads and changes each tenant's SSPR policy (SPEC §3). */
public interface SsprPolicies {

  /** The tenant's policy; {@link SsprPolicy#defaults()} when none was stored yet. */
  SsprPolicy get(UUID tenantId);

  /**
   * Applies a change: validates the merged policy as a whole, stores it in one transaction and
   * publishes {@link SsprPolicyChanged} with the fields that changed (nothing when none did).
   *
   * @return the policy now in force
   * @throws PolicyRejected when any setting is out of range; nothing is stored then
   * @throws org.springframework.dao.OptimisticLockingFailureException when another admin changed
   *     the policy at the same moment
   */
  SsprPolicy update(UUID tenantId, SsprPolicyChanges changes, UUID actorId, RequestOrigin origin);

  /** What {@link #update} would refuse, without storing anything; empty when the change is fine. */
  List<PolicyViolation> check(UUID tenantId, SsprPolicyChanges changes);

  /**
   * Whether the policy lets this account use self-service password reset: {@code all}, or a member
   * of the selected group (directly or through nested groups). Only the policy's scope; password
   * authority and registration are checked elsewhere.
   */
  boolean isEnabledFor(Account account);

  /** As {@link #isEnabledFor(Account)}, by ids. */
  boolean isEnabledFor(UUID tenantId, UUID accountId);
}
