package dev.rekey.reset.internal;

import dev.rekey.audit.AuditResult;
import dev.rekey.common.RequestOrigin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Flows nobody finished: once expired they are recorded as abandoned at the step they reached (SPEC
 * §8 "abandonment per step"), and finished flows are forgotten after a day. Any node may run this;
 * marking a flow abandoned is a compare-and-set, so each is audited once.
 */
@Component
class FlowExpiry {

  static final Duration KEEP_FINISHED = Duration.ofDays(1);
  private static final int BATCH = 200;

  private final JdbcResetFlows flows;
  private final ResetAudit audit;
  private final ResetMetrics metrics;
  private final Clock clock;

  FlowExpiry(JdbcResetFlows flows, ResetAudit audit, ResetMetrics metrics, Clock clock) {
    this.flows = flows;
    this.audit = audit;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${rekey.reset.expiry-interval:60s}", initialDelay = 30_000)
  void run() {
    abandonExpired();
    flows.purgeFinishedBefore(clock.instant().minus(KEEP_FINISHED));
  }

  /** Records every expired, unfinished flow as abandoned; answers how many. */
  int abandonExpired() {
    Instant now = clock.instant();
    int count = 0;
    for (ResetFlow flow : flows.expiredUnfinished(now, BATCH)) {
      if (flows.abandon(flow, now)) {
        audit.progress(
            flow,
            AuditResult.ABANDONED,
            flow.step().code(),
            null,
            "expired",
            RequestOrigin.system());
        metrics.abandoned(flow.step());
        count++;
      }
    }
    return count;
  }
}
