package dev.rekey.throttle.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts blocked from self-service password reset, shared by every node. Behind an interface so a
 * Redis implementation can stand beside {@link JdbcBlocks}.
 */
interface Blocks {

  /** The end of the account's block, if one is in force now. */
  Optional<Instant> blockedUntil(UUID accountId);

  /**
   * Blocks the account until the given time unless a block is already in force.
   *
   * @return true when this call created the block; false when another was already in force
   */
  boolean block(UUID accountId, Instant until, String reason);

  void lift(UUID accountId);

  /** Forgets blocks that ended before the cutoff. */
  int purgeEndedBefore(Instant cutoff);
}
