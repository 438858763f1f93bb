package dev.rekey.password;

import dev.rekey.common.ApiProblem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Puts the reasons of a {@link PasswordVerdict} into the user's language. */
public interface PasswordReasons {

  /** Each reason's message in {@code locale}, in the same order. */
  List<LocalisedReason> localise(List<PasswordRejection> reasons, Locale locale);

  /** The strength meter's answer for a verdict. */
  default PasswordEvaluation evaluation(PasswordVerdict verdict, Locale locale) {
    return PasswordEvaluation.of(verdict, localise(verdict.reasons(), locale));
  }

  /**
   * The API's refusal of an unacceptable password (SPEC Appendix A): 422 {@code password_policy}
   * naming the field {@code newPassword}, with {@code reasons: [{code, message}]} and the first
   * reason as {@code detail}.
   *
   * @throws IllegalArgumentException when the verdict is acceptable
   */
  default ApiProblem problem(PasswordVerdict verdict, Locale locale) {
    if (verdict.acceptable()) {
      throw new IllegalArgumentException("An acceptable password is no problem");
    }
    PasswordRejection first = verdict.reasons().get(0);
    return new ApiProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "password_policy",
        first.messageKey(),
        first.argumentArray(),
        Map.of("field", "newPassword", "reasons", localise(verdict.reasons(), locale)));
  }
}
