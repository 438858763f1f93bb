package dev.rekey.methods.internal;

import dev.rekey.directory.Account;
import dev.rekey.methods.Requirements;
import dev.rekey.methods.SignInInterrupt;
import dev.rekey.policy.SsprPolicies;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The registration wizard's rules: when to interrupt a sign-in, where a ceremony returns to. */
@Component
class Wizard implements SignInInterrupt {

  static final String PAGE = "/register";
  static final String REVIEW = "/register/review";
  private static final String IN_WIZARD = "rekey.inWizard";

  private final DefaultSecurityInfo info;
  private final SsprPolicies policies;

  Wizard(DefaultSecurityInfo info, SsprPolicies policies) {
    this.info = info;
    this.policies = policies;
  }

  @Override
  public Optional<String> after(Account account) {
    Requirements requirements = info.requirements(account);
    if (!requirements.ssprEnabled()) {
      return Optional.empty();
    }
    if (!requirements.isRegistered()
        && policies.get(account.tenantId()).requireRegistrationAtSignIn()) {
      return Optional.of(PAGE);
    }
    return requirements.reconfirmDue() ? Optional.of(REVIEW) : Optional.empty();
  }

  static void enter(HttpSession session) {
    session.setAttribute(IN_WIZARD, Boolean.TRUE);
  }

  static void leave(HttpSession session) {
    session.removeAttribute(IN_WIZARD);
  }

  /**
   * Where a finished (or cancelled) ceremony sends the user: back to the wizard if they came from
   * it.
   */
  static String afterChange(HttpSession session) {
    return Boolean.TRUE.equals(session.getAttribute(IN_WIZARD))
        ? PAGE
        : SecurityInfoController.PAGE;
  }
}
