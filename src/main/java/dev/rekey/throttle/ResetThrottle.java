package dev.rekey.throttle;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Throttles self-service password reset (SPEC §5.1, defaults after Microsoft Entra's published
 * limits; NIST SP 800-63B-4 §3.2.2 rate limiting, ASVS 5.0 §6.3.1). Counters and blocks live in
 * shared storage, so every node of a cluster counts together.
 *
 * <p>A block only stops self-service reset for that account: it never locks the directory account,
 * so an attacker cannot lock a user out of signing in (lockout-DoS).
 */
public interface ResetThrottle {

  /** When SSPR is blocked for this account, the instant the block lifts. */
  Optional<Instant> blockedUntil(UUID accountId);

  /** Counts a flow start from this client address; refused past the per-IP limit. */
  FlowStartDecision startFlow(String clientIp);

  /**
   * Counts one validation attempt before it happens: {@link Kind#APP}, {@link Kind#PHONE} and
   * {@link Kind#QUESTIONS} share one budget (5 per hour); {@link Kind#EMAIL} counts each email sent
   * (10 per 10 minutes). Going over blocks SSPR for the account.
   */
  ResetDecision attempt(UUID accountId, Kind kind);

  /** Records a failed verification; the 5th in 24 h blocks for 24 h. */
  ResetDecision failure(UUID accountId);

  /** A successful reset clears the account's reset counters (not the per-IP ones). */
  void clear(UUID accountId);

  /** An admin lifts a block (and clears the counters). */
  void lift(UUID accountId);

  /** What a validation attempt uses. */
  enum Kind {
    APP,
    PHONE,
    QUESTIONS,
    EMAIL
  }
}
