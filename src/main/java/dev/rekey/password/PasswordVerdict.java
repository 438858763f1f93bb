package dev.rekey.password;

import java.util.List;

/**
 * The outcome of checking a proposed password.
 *
 * @param acceptable whether the password may be set: no rule was broken
 * @param strength zxcvbn's score from 0 (too guessable) to 4 (very unguessable); at most 1 when the
 *     password is not acceptable
 * @param reasons every rule the password breaks, in a stable order; empty when acceptable
 */
public record PasswordVerdict(boolean acceptable, int strength, List<PasswordRejection> reasons) {

  public PasswordVerdict {
    if (strength < 0 || strength > 4) {
      throw new IllegalArgumentException("strength must be 0..4: " + strength);
    }
    reasons = List.copyOf(reasons);
    if (acceptable != reasons.isEmpty()) {
      throw new IllegalArgumentException("acceptable exactly when there are no reasons");
    }
  }

  /** A verdict from the broken rules: acceptable when there are none; strength capped otherwise. */
  public static PasswordVerdict of(int strength, List<PasswordRejection> reasons) {
    boolean acceptable = reasons.isEmpty();
    return new PasswordVerdict(acceptable, acceptable ? strength : Math.min(strength, 1), reasons);
  }

  /** Whether one of the reasons has this code, such as {@link PasswordRejection#REUSED}. */
  public boolean hasReason(String code) {
    return reasons.stream().anyMatch(r -> r.code().equals(code));
  }
}
