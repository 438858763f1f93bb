package dev.rekey.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reset activity of one tenant in a period (SPEC §8), from the audit trail.
 *
 * @param period {@code 24h}, {@code 7d} or {@code 30d}
 * @param started flows started (the reset portal's "started" progress events)
 * @param succeeded flows that ended well: passwords reset plus accounts unlocked
 * @param unlocked of those, unlock-only flows
 * @param failed failure events: refusals at the start and failed steps within flows
 * @param failedByReason the failure events by their reason code
 * @param byMethod per method type, how many successful flows used it
 * @param abandonedByStep flows that expired unfinished, by the step they reached
 * @param overTime started, succeeded and failed per hour (24 h) or day, oldest first
 */
public record ResetReport(
    String period,
    long started,
    long succeeded,
    long unlocked,
    long failed,
    Map<String, Long> failedByReason,
    Map<String, Long> byMethod,
    Map<String, Long> abandonedByStep,
    List<Bucket> overTime) {

  public ResetReport {
    failedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(failedByReason));
    byMethod = Collections.unmodifiableMap(new LinkedHashMap<>(byMethod));
    abandonedByStep = Collections.unmodifiableMap(new LinkedHashMap<>(abandonedByStep));
    overTime = List.copyOf(overTime);
  }

  /**
   * @param bucket an ISO instant (hour) or ISO date (day)
   */
  public record Bucket(String bucket, long started, long succeeded, long failed) {}
}
