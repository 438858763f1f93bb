package dev.rekey.audit.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditQuery;
import dev.rekey.audit.AuditResult;
import dev.rekey.methods.MethodType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The audit filters as typed, in the API's query string or the page's form, all as text so that no
 * malformed value can fail before it is checked here; {@link #parse} names every bad field.
 *
 * @param from an ISO-8601 instant ({@code 2026-11-05T09:30:00Z}), date-time with offset, local
 *     date-time or date; a date means the start of that day in the configured zone
 * @param to the same forms; events before it; a date includes that whole day
 * @param method one of {@link #METHODS}, ignoring case
 */
record AuditFilter(
    @Nullable String activity,
    @Nullable String result,
    @Nullable String userId,
    @Nullable String from,
    @Nullable String to,
    @Nullable String page,
    @Nullable String size,
    @Nullable String method) {

  static final int MAX_USER_ID = 320;

  /**
   * The methods events name: the security-info kinds (Microsoft Graph's names) and the password of
   * a sign-in.
   */
  static final List<String> METHODS =
      Stream.concat(Arrays.stream(MethodType.values()).map(MethodType::code), Stream.of("password"))
          .toList();

  /** A bad field and the message key saying what is wrong. */
  record Problem(String field, String messageKey) {}

  /** Either a query or the problems found; never both. */
  record Parsed(@Nullable AuditQuery query, List<Problem> problems) {}

  static AuditFilter empty() {
    return new AuditFilter(null, null, null, null, null, null, null, null);
  }

  Parsed parse(UUID tenantId, ZoneId zone) {
    List<Problem> problems = new ArrayList<>();
    AuditActivity parsedActivity = null;
    if (present(activity)) {
      parsedActivity = AuditActivity.fromName(activity).orElse(null);
      if (parsedActivity == null) {
        problems.add(new Problem("activity", "audit.invalid.activity"));
      }
    }
    AuditResult parsedResult = null;
    if (present(result)) {
      parsedResult = AuditResult.fromName(result).orElse(null);
      if (parsedResult == null) {
        problems.add(new Problem("result", "audit.invalid.result"));
      }
    }
    String parsedUserId = present(userId) ? userId.strip() : null;
    if (parsedUserId != null && parsedUserId.length() > MAX_USER_ID) {
      problems.add(new Problem("userId", "audit.invalid.userId"));
    }
    String parsedMethod = null;
    if (present(method)) {
      parsedMethod =
          METHODS.stream().filter(m -> m.equalsIgnoreCase(method.strip())).findFirst().orElse(null);
      if (parsedMethod == null) {
        problems.add(new Problem("method", "audit.invalid.method"));
      }
    }
    Instant start = present(from) ? instant(from, zone, false) : null;
    if (present(from) && start == null) {
      problems.add(new Problem("from", "audit.invalid.from"));
    }
    Instant end = present(to) ? instant(to, zone, true) : null;
    if (present(to) && end == null) {
      problems.add(new Problem("to", "audit.invalid.to"));
    }
    if (start != null && end != null && !end.isAfter(start)) {
      problems.add(new Problem("to", "audit.invalid.range"));
    }
    int parsedPage = present(page) ? number(page, 0, Integer.MAX_VALUE) : 0;
    if (parsedPage < 0) {
      problems.add(new Problem("page", "audit.invalid.page"));
    }
    int parsedSize = present(size) ? number(size, 1, AuditQuery.MAX_SIZE) : AuditQuery.DEFAULT_SIZE;
    if (parsedSize < 0) {
      problems.add(new Problem("size", "audit.invalid.size"));
    }
    if (!problems.isEmpty()) {
      return new Parsed(null, problems);
    }
    return new Parsed(
        new AuditQuery(
            tenantId,
            parsedActivity,
            parsedResult,
            parsedUserId,
            parsedMethod,
            start,
            end,
            parsedPage,
            parsedSize),
        List.of());
  }

  private static boolean present(@Nullable String value) {
    return value != null && !value.isBlank();
  }

  /** The value as an instant; a date is its start, or with {@code endOfDay} the next day's. */
  static @Nullable Instant instant(String value, ZoneId zone, boolean endOfDay) {
    String text = value.strip();
    if (text.length() > 64) {
      return null;
    }
    try {
      if (text.length() <= 10) {
        LocalDate date = LocalDate.parse(text);
        return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
      }
      if (text.endsWith("Z") || text.endsWith("z")) {
        return Instant.parse(text.toUpperCase(java.util.Locale.ROOT));
      }
      if (text.lastIndexOf('+') > 9 || text.lastIndexOf('-') > 9) {
        return OffsetDateTime.parse(text).toInstant();
      }
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeException malformed) {
      return null;
    }
  }

  /** The value as an integer within bounds, or -1. */
  private static int number(String value, int min, int max) {
    String text = value.strip();
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    int number = Integer.parseInt(text);
    return number < min || number > max ? -1 : number;
  }
}
