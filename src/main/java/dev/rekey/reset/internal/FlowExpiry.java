package dev.rekey.reset.internal;

import dev.rekey.audit.AuditResult;
import dev.rekey.common.RequestOrigin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flows nobody finished: once expired they are recorded as abandoned at the step they reached (SPEC
 * §8 "abandonment per step"), and finished flows are forgotten after a day. Any node may run this,
 * several at once: marking a flow abandoned is a compare-and-set, so only one node audits it, and
 * the mark and its audit event commit together, so a node that dies in between leaves the flow for
 * the next sweep instead of a gap in the trail.
 */
@Component
class FlowExpiry {

  static final Duration KEEP_FINISHED = Duration.ofDays(1);
  private static final int BATCH = 200;

  private final JdbcResetFlows flows;
  private final ResetAudit audit;
  private final ResetMetrics metrics;
  private final Clock clock;
  private final TransactionTemplate transaction;

  FlowExpiry(
      JdbcResetFlows flows,
      ResetAudit audit,
      ResetMetrics metrics,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.flows = flows;
    this.audit = audit;
    this.metrics = metrics;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Scheduled(
      fixedDelayString = "${rekey.reset.expiry-interval:60s}",
      initialDelayString = "${rekey.reset.expiry-initial-delay:30s}")
  void run() {
    abandonExpired();
    flows.purgeFinishedBefore(clock.instant().minus(KEEP_FINISHED));
  }

  /** Records every expired, unfinished flow as abandoned; answers how many. */
  int abandonExpired() {
    Instant now = clock.instant();
    int count = 0;
    for (ResetFlow flow : flows.expiredUnfinished(now, BATCH)) {
      if (Boolean.TRUE.equals(transaction.execute(status -> abandon(flow, now)))) {
        metrics.abandoned(flow.step());
        count++;
      }
    }
    return count;
  }

  private boolean abandon(ResetFlow flow, Instant now) {
    if (!flows.abandon(flow, now)) {
      return false; // another node got there first
    }
    audit.progress(
        flow, AuditResult.ABANDONED, flow.step().code(), null, "expired", RequestOrigin.system());
    return true;
  }
}
