package dev.rekey.throttle.internal;

import dev.rekey.throttle.FlowStartDecision;
import dev.rekey.throttle.FlowStartProperties;
import dev.rekey.throttle.ResetDecision;
import dev.rekey.throttle.ResetThrottle;
import dev.rekey.throttle.ResetThrottleProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Counts reset attempts and failures per account and flow starts per client (SPEC §5.1). Every
 * count is taken before the check it guards, so concurrent requests on several nodes cannot slip
 * past a limit together (NIST SP 800-63B-4 §3.2.2: limit failed attempts; ASVS 5.0 §6.3.1).
 *
 * <p>Windows open at their first hit and close a window later (see {@link Counters}). A block
 * leaves the counters alone (see {@link #block}); a successful reset or an admin's lift clears
 * them.
 */
@Service
class CountingResetThrottle implements ResetThrottle {

  static final String REASON_FAILURES = "failures";
  static final String REASON_VALIDATIONS = "validations";
  static final String REASON_EMAILS = "emails";

  private final Counters counters;
  private final Blocks blocks;
  private final ResetThrottleProperties properties;
  private final FlowStartProperties flowStarts;
  private final Clock clock;

  CountingResetThrottle(
      Counters counters,
      Blocks blocks,
      ResetThrottleProperties properties,
      FlowStartProperties flowStarts,
      Clock clock) {
    this.counters = counters;
    this.blocks = blocks;
    this.properties = properties;
    this.flowStarts = flowStarts;
    this.clock = clock;
  }

  @Override
  public Optional<Instant> blockedUntil(UUID accountId) {
    return blocks.blockedUntil(accountId);
  }

  @Override
  public FlowStartDecision startFlow(String clientIp) {
    Duration window = flowStarts.flowStartWindow();
    Counters.Counter counter = counters.increment(flowKey(clientIp), window);
    if (counter.hits() <= flowStarts.flowStartsPerIp()) {
      return FlowStartDecision.allow();
    }
    Duration retryAfter = Duration.between(clock.instant(), counter.windowEnd(window));
    return FlowStartDecision.refuse(retryAfter.isNegative() ? Duration.ZERO : retryAfter);
  }

  @Override
  public ResetDecision attempt(UUID accountId, Kind kind) {
    Optional<Instant> blocked = blocks.blockedUntil(accountId);
    if (blocked.isPresent()) {
      return ResetDecision.blocked(blocked.get(), false);
    }
    boolean email = kind == Kind.EMAIL;
    int limit = email ? properties.emails() : properties.validations();
    Duration window = email ? properties.emailWindow() : properties.validationWindow();
    int hits =
        counters.increment(email ? emailKey(accountId) : validationKey(accountId), window).hits();
    if (hits <= limit) {
      return ResetDecision.allow();
    }
    return block(accountId, email ? REASON_EMAILS : REASON_VALIDATIONS);
  }

  @Override
  public ResetDecision failure(UUID accountId) {
    Optional<Instant> blocked = blocks.blockedUntil(accountId);
    if (blocked.isPresent()) {
      return ResetDecision.blocked(blocked.get(), false);
    }
    int hits = counters.increment(failureKey(accountId), properties.failureWindow()).hits();
    if (hits < properties.failures()) {
      return ResetDecision.allow();
    }
    return block(accountId, REASON_FAILURES);
  }

  @Override
  public void clear(UUID accountId) {
    counters.clear(failureKey(accountId));
    counters.clear(validationKey(accountId));
    counters.clear(emailKey(accountId));
  }

  @Override
  public void lift(UUID accountId) {
    blocks.lift(accountId);
    clear(accountId);
  }

  /** Blocks SSPR only, never the directory account (no lockout-DoS, SPEC §5.1). */
  private ResetDecision block(UUID accountId, String reason) {
    Instant until = clock.instant().plus(properties.blockDuration());
    // The counters are left alone: clearing them here would let a concurrent attempt on another
    // node start again from zero and slip past the limit. Their windows (at most 24 h by default)
    // have closed by the time a 24 h block lifts; an admin's lift clears them explicitly.
    if (blocks.block(accountId, until, reason)) {
      return ResetDecision.blocked(until, true);
    }
    // Someone else's call created it a moment ago: report that block's end.
    return ResetDecision.blocked(blocks.blockedUntil(accountId).orElse(until), false);
  }

  static String flowKey(String clientIp) {
    String ip = clientIp.length() > 64 ? clientIp.substring(0, 64) : clientIp;
    return "rf:" + ip;
  }

  static String failureKey(UUID accountId) {
    return "rx:" + accountId;
  }

  static String validationKey(UUID accountId) {
    return "rv:" + accountId;
  }

  static String emailKey(UUID accountId) {
    return "re:" + accountId;
  }
}
