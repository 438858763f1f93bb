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
 * @param after keyset cursor: only user IDs after this one (the last of the previous page)
 * @param before keyset cursor: only user IDs before this one (the first of the next page)
 */
record UserQuery(
    UUID tenantId,
    @Nullable String text,
    @Nullable Boolean registered,
    @Nullable Status status,
    @Nullable UUID groupId,
    @Nullable MethodType method,
    int page,
    int size,
    @Nullable String after,
    @Nullable String before) {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;

  /** Totals are counted exactly up to this many matches, then reported as "more than". */
  static final int COUNT_LIMIT = 10_000;

  /** A page by number (offset), without a cursor. */
  UserQuery(
      UUID tenantId,
      @Nullable String text,
      @Nullable Boolean registered,
      @Nullable Status status,
      @Nullable UUID groupId,
      @Nullable MethodType method,
      int page,
      int size) {
    this(tenantId, text, registered, status, groupId, method, page, size, null, null);
  }

  /** The account states an operator filters by. */
  enum Status {
    /** Blocked from self-service password reset (SPEC §5.1) until a time still to come. */
    BLOCKED,
    /** Locked in the directory. */
    LOCKED
  }
}
