package dev.rekey.reports;

import java.util.List;
import java.util.Map;

/**
 * Registration coverage of one tenant (SPEC §8).
 *
 * @param totalUsers every account of the tenant
 * @param registered accounts that meet the policy as SPEC §3 defines it (enough different methods,
 *     at least one of them app, phone or security key)
 * @param notRegistered the others
 * @param byMethod per method type ({@code softwareOath}, {@code phone}, {@code email}, {@code
 *     fido2}, {@code securityQuestions}): how many accounts have at least one active method of it
 * @param overTime registered accounts at the end of each of the last 30 days, oldest first
 */
public record RegistrationReport(
    long totalUsers,
    long registered,
    long notRegistered,
    Map<String, Long> byMethod,
    List<Day> overTime) {

  public RegistrationReport {
    byMethod = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byMethod));
    overTime = List.copyOf(overTime);
  }

  /**
   * @param date an ISO date in the report's time zone
   */
  public record Day(String date, long registered) {}
}
