package dev.rekey.admin.internal;

import dev.rekey.methods.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The user search's request parameters as typed, shared by the page and the API. Blank means "any".
 * {@link #parse} turns them into a {@link UserQuery} or says which fields are wrong.
 */
record UserFilter(
    @Nullable String query,
    @Nullable String registered,
    @Nullable String status,
    @Nullable String group,
    @Nullable String method,
    @Nullable String page,
    @Nullable String size,
    @Nullable String after,
    @Nullable String before) {

  static final int MAX_QUERY = 320;

  record Problem(String field, String messageKey) {}

  record Parsed(@Nullable UserQuery query, List<Problem> problems) {}

  /**
   * @param groupInTenant whether a group id names a group of the operator's tenant
   */
  Parsed parse(UUID tenantId, Predicate<UUID> groupInTenant) {
    List<Problem> problems = new ArrayList<>();
    String text = blank(query) ? null : query.strip();
    if (text != null && text.length() > MAX_QUERY) {
      problems.add(new Problem("query", "admin.users.invalid.query"));
    }
    Boolean isRegistered = null;
    if (!blank(registered)) {
      switch (registered.strip().toLowerCase(Locale.ROOT)) {
        case "true" -> isRegistered = true;
        case "false" -> isRegistered = false;
        default -> problems.add(new Problem("registered", "admin.users.invalid.registered"));
      }
    }
    UserQuery.Status state = null;
    if (!blank(status)) {
      switch (status.strip().toLowerCase(Locale.ROOT)) {
        case "blocked" -> state = UserQuery.Status.BLOCKED;
        case "locked" -> state = UserQuery.Status.LOCKED;
        default -> problems.add(new Problem("status", "admin.users.invalid.status"));
      }
    }
    UUID groupId = null;
    if (!blank(group)) {
      try {
        groupId = UUID.fromString(group.strip());
      } catch (IllegalArgumentException notAnId) {
        groupId = null;
      }
      if (groupId == null || !groupInTenant.test(groupId)) {
        problems.add(new Problem("group", "admin.users.invalid.group"));
      }
    }
    MethodType type = null;
    if (!blank(method)) {
      type = MethodType.fromCode(method.strip()).orElse(null);
      if (type == null) {
        problems.add(new Problem("method", "admin.users.invalid.method"));
      }
    }
    int pageNumber = number(page, 0, 0, Integer.MAX_VALUE / UserQuery.MAX_SIZE);
    if (pageNumber < 0) {
      problems.add(new Problem("page", "admin.users.invalid.page"));
    }
    int pageSize = number(size, UserQuery.DEFAULT_SIZE, 1, UserQuery.MAX_SIZE);
    if (pageSize < 0) {
      problems.add(new Problem("size", "admin.users.invalid.size"));
    }
    String afterId = cursor(after);
    String beforeId = cursor(before);
    if ((afterId != null && beforeId != null)
        || (!blank(after) && afterId == null)
        || (!blank(before) && beforeId == null)) {
      problems.add(new Problem(blank(after) ? "before" : "after", "admin.users.invalid.cursor"));
    }
    if (!problems.isEmpty()) {
      return new Parsed(null, problems);
    }
    return new Parsed(
        new UserQuery(
            tenantId,
            text,
            isRegistered,
            state,
            groupId,
            type,
            pageNumber,
            pageSize,
            afterId,
            beforeId),
        List.of());
  }

  /** The value, the default when blank, or -1 when not a whole number within the range. */
  private static int number(@Nullable String value, int fallback, int min, int max) {
    if (blank(value)) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      return n < min || n > max ? -1 : n;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A keyset cursor: a user ID as the search returns them (lower case), at most 320 characters. */
  private static @Nullable String cursor(@Nullable String value) {
    if (blank(value)) {
      return null;
    }
    String id = value.strip().toLowerCase(Locale.ROOT);
    return id.length() > MAX_QUERY ? null : id;
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
