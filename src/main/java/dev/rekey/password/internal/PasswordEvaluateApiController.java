package dev.rekey.password.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.SignedInUser;
import dev.rekey.password.PasswordEvaluation;
import dev.rekey.password.PasswordPolicy;
import dev.rekey.password.PasswordReasons;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/me/password/evaluate}: the live strength meter of a signed-in user. Every
 * rule but history ({@link PasswordPolicy#preview}); the change itself checks them all.
 */
@RestController
class PasswordEvaluateApiController {

  private final AccountDirectory directory;
  private final PasswordPolicy policy;
  private final PasswordReasons reasons;

  PasswordEvaluateApiController(
      AccountDirectory directory, PasswordPolicy policy, PasswordReasons reasons) {
    this.directory = directory;
    this.policy = policy;
    this.reasons = reasons;
  }

  record EvaluateRequest(@Nullable String newPassword) {}

  @PostMapping("/api/v1/me/password/evaluate")
  PasswordEvaluation evaluate(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody EvaluateRequest body,
      Locale locale) {
    if (body.newPassword() == null) {
      throw ApiProblem.invalidField("newPassword", "password.new.required");
    }
    Account account =
        directory
            .findById(user.accountId())
            .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated"));
    return reasons.evaluation(policy.preview(account, body.newPassword()), locale);
  }
}
