package dev.rekey.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Instants to and from {@code TIMESTAMP WITH TIME ZONE} columns, identically on H2 and PostgreSQL
 * (PostgreSQL answers in UTC, H2 keeps the offset: both compare equal as instants).
 */
public final class SqlTime {

  private SqlTime() {}

  /**
   * The instant as a parameter, cut to microseconds: both databases keep microseconds, but
   * PostgreSQL rounds the nanoseconds while H2 truncates them; cutting first makes both store (and
   * answer) the same instant, never one slightly in the future.
   */
  public static @Nullable OffsetDateTime of(@Nullable Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  public static @Nullable Instant get(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static Instant require(ResultSet rs, String column) throws SQLException {
    Instant value = get(rs, column);
    if (value == null) {
      throw new SQLException("Column " + column + " is null");
    }
    return value;
  }
}
