package dev.rekey.throttle;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The throttle's answer for one validation attempt or failed verification.
 *
 * @param allowed whether the attempt may go ahead (for a failure: whether the flow may go on)
 * @param blockedUntil when SSPR is blocked for the account, the instant the block lifts
 * @param newlyBlocked whether this very call created the block, so the caller audits "Blocked from
 *     self-service password reset" exactly once
 */
public record ResetDecision(boolean allowed, @Nullable Instant blockedUntil, boolean newlyBlocked) {

  public static ResetDecision allow() {
    return new ResetDecision(true, null, false);
  }

  public static ResetDecision blocked(Instant until, boolean newlyBlocked) {
    return new ResetDecision(false, until, newlyBlocked);
  }
}
