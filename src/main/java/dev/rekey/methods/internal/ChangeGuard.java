package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.StepUpStatus;
import dev.rekey.policy.SsprPolicies;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may change security info right now (SPEC §4, Appendix A): a user without methods must have
 * signed in with their password within the last 10 minutes; a user with methods must have proven
 * one of them (step-up) within the last 10 minutes. A step-up covers any number of changes in that
 * time (NIST SP 800-63B-4 §4.6: re-authentication before binding a new authenticator).
 */
@Component
class ChangeGuard implements StepUpStatus {

  static final Duration WINDOW = Duration.ofMinutes(10);
  static final String STEP_UP_AT = "rekey.stepUpAt";

  /** What a change needs before it may go ahead. */
  enum Need {
    NOTHING,
    REAUTHENTICATION,
    STEP_UP
  }

  private final JdbcMethods store;
  private final Clock clock;
  private final AccountDirectory directory;
  private final SsprPolicies policies;

  ChangeGuard(JdbcMethods store, Clock clock, AccountDirectory directory, SsprPolicies policies) {
    this.store = store;
    this.clock = clock;
    this.directory = directory;
    this.policies = policies;
  }

  /**
   * Whether the tenant's policy offers this kind of method to the user (administrators: the fixed
   * two-gate set). Pages only show what is offered; this keeps the API and direct posts in line.
   */
  boolean offers(SignedInUser user, MethodType type) {
    return directory
        .findById(user.accountId())
        .map(a -> DefaultSecurityInfo.availableTypes(a, policies.get(a.tenantId())).contains(type))
        .orElse(false);
  }

  /** For the API: 409 {@code method_not_offered} when the policy does not offer the kind. */
  void requireOffered(SignedInUser user, MethodType type) {
    if (!offers(user, type)) {
      throw new ApiProblem(HttpStatus.CONFLICT, "method_not_offered");
    }
  }

  /** {@link #redirectFor}, and back to the security info page when the kind is not offered. */
  @Nullable String redirectFor(
      SignedInUser user, HttpSession session, String next, MethodType type) {
    if (!offers(user, type)) {
      return "redirect:" + SecurityInfoController.PAGE;
    }
    return redirectFor(user, session, next);
  }

  Need need(SignedInUser user, HttpSession session) {
    Instant now = clock.instant();
    // Security questions cannot prove the user (NIST SP 800-63B-4 rejects them as an authenticator,
    // so they are no step-up method): a user with only questions is treated as one with no methods.
    if (store.active(user.accountId()).stream()
        .allMatch(m -> m.type() == MethodType.SECURITY_QUESTIONS)) {
      return user.signedInAt().plus(WINDOW).isAfter(now) ? Need.NOTHING : Need.REAUTHENTICATION;
    }
    return isSteppedUp(session) ? Need.NOTHING : Need.STEP_UP;
  }

  /** For the API: throws 403 {@code mfa_required} or {@code reauthentication_required}. */
  void require(SignedInUser user, HttpSession session) {
    switch (need(user, session)) {
      case STEP_UP -> throw new ApiProblem(HttpStatus.FORBIDDEN, "mfa_required");
      case REAUTHENTICATION ->
          throw new ApiProblem(HttpStatus.FORBIDDEN, "reauthentication_required");
      case NOTHING -> {}
    }
  }

  @Override
  public boolean isSteppedUp(HttpSession session) {
    return session.getAttribute(STEP_UP_AT) instanceof Instant at
        && at.plus(WINDOW).isAfter(clock.instant());
  }

  /**
   * For pages: where to send the user first when a change needs a fresh sign-in or a step-up, or
   * null when the change may go ahead. {@code next} is where the step-up returns to.
   */
  @Nullable String redirectFor(SignedInUser user, HttpSession session, String next) {
    return switch (need(user, session)) {
      case NOTHING -> null;
      case STEP_UP -> "redirect:" + StepUpController.PAGE + "?next=" + next;
      case REAUTHENTICATION -> "redirect:/login?reauth&continue=" + SecurityInfoController.PAGE;
    };
  }

  void steppedUp(HttpSession session) {
    session.setAttribute(STEP_UP_AT, clock.instant());
  }

  boolean owns(UUID accountId, UUID methodId) {
    return store.find(methodId, accountId).isPresent();
  }
}
