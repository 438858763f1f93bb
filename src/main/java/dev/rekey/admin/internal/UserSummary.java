package dev.rekey.admin.internal;

import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.methods.MethodType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One account in the user search: directory facts, SSPR block, registration and the kinds of its
 * active methods (never the methods' data).
 */
record UserSummary(
    UUID id,
    String userId,
    String displayName,
    boolean enabled,
    boolean locked,
    boolean blocked,
    Set<Role> roles,
    PasswordAuthority passwordAuthority,
    boolean registered,
    List<MethodType> methods) {

  UserSummary {
    roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    methods = List.copyOf(methods);
  }

  /**
   * One page of the search (SPEC Appendix A lists).
   *
   * @param totalItems the matches, counted exactly up to {@link UserQuery#COUNT_LIMIT}
   * @param totalExact false when more than {@code totalItems} match
   * @param nextCursor the user ID to page on from ({@code after}), null on the last page
   * @param previousCursor the user ID to page back from ({@code before}), null on the first page
   */
  record Page(
      List<UserSummary> items,
      int page,
      int size,
      long totalItems,
      boolean totalExact,
      @Nullable String nextCursor,
      @Nullable String previousCursor) {

    Page {
      items = List.copyOf(items);
    }

    public boolean hasNext() {
      return nextCursor != null;
    }

    public boolean hasPrevious() {
      return previousCursor != null;
    }

    public long lastPage() {
      return Math.max(0, (totalItems - 1) / size);
    }
  }
}
