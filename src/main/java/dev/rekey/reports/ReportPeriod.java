package dev.rekey.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The periods of the reset report (SPEC §8). Buckets are whole hours (24 h) or whole calendar days
 * (7 d, 30 d) in the report's time zone, the last one being the current hour or today; the period
 * starts at the first bucket, so the totals always equal the sum of the buckets.
 */
public enum ReportPeriod {
  HOURS_24("24h", 24, ChronoUnit.HOURS),
  DAYS_7("7d", 7, ChronoUnit.DAYS),
  DAYS_30("30d", 30, ChronoUnit.DAYS);

  private final String code;
  private final int buckets;
  private final ChronoUnit unit;

  ReportPeriod(String code, int buckets, ChronoUnit unit) {
    this.code = code;
    this.buckets = buckets;
    this.unit = unit;
  }

  /** The API value: {@code 24h}, {@code 7d} or {@code 30d}. */
  public String code() {
    return code;
  }

  /** Whether the buckets are hours (else calendar days). */
  public boolean hourly() {
    return unit == ChronoUnit.HOURS;
  }

  /** The buckets ending with the one that holds {@code now}, oldest first. */
  public List<Bucket> buckets(Instant now, ZoneId zone) {
    ZonedDateTime current = now.atZone(zone);
    ZonedDateTime last =
        hourly() ? current.truncatedTo(ChronoUnit.HOURS) : current.toLocalDate().atStartOfDay(zone);
    List<Bucket> result = new ArrayList<>(buckets);
    for (int i = buckets - 1; i >= 0; i--) {
      ZonedDateTime start = hourly() ? last.minusHours(i) : startOfDay(last.minusDays(i), zone);
      ZonedDateTime end = hourly() ? start.plusHours(1) : startOfDay(start.plusDays(1), zone);
      String label = hourly() ? start.toInstant().toString() : LocalDate.from(start).toString();
      result.add(new Bucket(label, start.toInstant(), end.toInstant()));
    }
    return result;
  }

  private static ZonedDateTime startOfDay(ZonedDateTime day, ZoneId zone) {
    return day.toLocalDate().atStartOfDay(zone);
  }

  public static Optional<ReportPeriod> fromCode(String code) {
    for (ReportPeriod period : values()) {
      if (period.code.equals(code.strip())) {
        return Optional.of(period);
      }
    }
    return Optional.empty();
  }

  /**
   * One bar of a chart: from {@code start} (inclusive) to {@code end} (exclusive).
   *
   * @param label an ISO instant for an hour, an ISO date for a day
   */
  public record Bucket(String label, Instant start, Instant end) {}
}
