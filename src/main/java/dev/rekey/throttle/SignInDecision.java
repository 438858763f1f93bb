package dev.rekey.throttle;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The throttle's answer for one sign-in attempt.
 *
 * @param delay how long to hold the attempt before checking the password
 * @param refusedUntil when set, the attempt is refused until this time
 */
public record SignInDecision(Duration delay, @Nullable Instant refusedUntil) {

  public static SignInDecision allow(Duration delay) {
    return new SignInDecision(delay, null);
  }

  public static SignInDecision refuse(Instant until) {
    return new SignInDecision(Duration.ZERO, until);
  }

  public boolean refused() {
    return refusedUntil != null;
  }
}
