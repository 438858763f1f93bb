package dev.rekey.password;

import java.util.List;

/**
 * The answer of the strength meter's endpoints ({@code POST /api/v1/me/password/evaluate} and the
 * reset portal's equivalent): {@code {acceptable, strength, reasons: [{code, message}]}}.
 */
public record PasswordEvaluation(boolean acceptable, int strength, List<LocalisedReason> reasons) {

  public PasswordEvaluation {
    reasons = List.copyOf(reasons);
  }

  /** The verdict with its reasons localised by {@link PasswordReasons#localise}. */
  public static PasswordEvaluation of(PasswordVerdict verdict, List<LocalisedReason> reasons) {
    return new PasswordEvaluation(verdict.acceptable(), verdict.strength(), reasons);
  }
}
