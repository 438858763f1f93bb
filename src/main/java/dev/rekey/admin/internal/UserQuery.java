package dev.rekey.admin.internal;

import dev.rekey.methods.MethodType;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A search of one tenant's accounts; null filters match everything. Results are in user-ID order.
 *
 * @param text part of the user ID or display name, ignoring case
 * @param groupId members of this group, directly or through nested groups
 * @param method accounts with an active method of this kind
 */
record UserQuery(
    UUID tenantId,
    @Nullable String text,
    @Nullable Boolean registered,
    @Nullable Status status,
    @Nullable UUID groupId,
    @Nullable MethodType method,
    int page,
    int size) {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;

  /** The account states an operator filters by. */
  enum Status {
    /** Blocked from self-service password reset (SPEC §5.1) until a time still to come. */
    BLOCKED,
    /** Locked in the directory. */
    LOCKED
  }
}
