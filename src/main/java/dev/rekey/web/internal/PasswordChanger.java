package dev.rekey.web.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.AccountRejected;
import dev.rekey.directory.DirectoryPasswordRefused;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.PasswordChanged;
import dev.rekey.directory.SignedInUser;
import dev.rekey.password.PasswordPolicy;
import dev.rekey.password.PasswordRejection;
import dev.rekey.password.PasswordVerdict;
import dev.rekey.policy.SsprPolicies;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A signed-in user changes their own password (SPEC §5.2): the current one must be right, the new
 * one must pass the password policy (SPEC §7, {@link PasswordPolicy}) and match its confirmation.
 */
@Service
class PasswordChanger {

  /**
   * Why a change was refused.
   *
   * @param current the code of a problem with the current password ({@code current_wrong}, {@code
   *     not_managed}); when set, the new password was not checked
   * @param verdict the password policy's verdict when it refused the new password
   * @param mismatch whether the confirmation differs from the new password
   */
  record Refusal(@Nullable String current, @Nullable PasswordVerdict verdict, boolean mismatch) {

    static Refusal current(String code) {
      return new Refusal(code, null, false);
    }
  }

  private final AccountDirectory directory;
  private final PasswordPolicy policy;
  private final ApplicationEventPublisher events;
  private final SsprPolicies policies;

  PasswordChanger(
      AccountDirectory directory,
      PasswordPolicy policy,
      ApplicationEventPublisher events,
      SsprPolicies policies) {
    this.policies = policies;
    this.directory = directory;
    this.policy = policy;
    this.events = events;
  }

  /**
   * Rekey's own passwords, and directory passwords when the tenant writes passwords back (SPEC §3);
   * federated ones never.
   */
  private boolean changeable(Account account) {
    return switch (account.passwordAuthority()) {
      case REKEY -> true;
      case DIRECTORY -> policies.get(account.tenantId()).writebackEnabled();
      case EXTERNAL -> false;
    };
  }

  /** The tenant's minimum password length, for the page's hint. */
  int minimumLength(SignedInUser user) {
    return policy.minimumLength(user.tenantId());
  }

  Optional<Refusal> change(
      SignedInUser user,
      String current,
      String proposed,
      String confirmation,
      RequestOrigin origin) {
    Account account = directory.findById(user.accountId()).orElse(null);
    if (account == null || !changeable(account)) {
      return Optional.of(Refusal.current("not_managed"));
    }
    try {
      if (directory.authenticate(account.upn(), current).isEmpty()) {
        return Optional.of(Refusal.current("current_wrong"));
      }
    } catch (DirectoryUnavailable unavailable) {
      return Optional.of(Refusal.current("directory_unavailable"));
    }
    PasswordVerdict verdict = policy.check(account, proposed);
    boolean mismatch = !proposed.equals(confirmation);
    if (!verdict.acceptable() || mismatch) {
      return Optional.of(new Refusal(null, verdict.acceptable() ? null : verdict, mismatch));
    }
    try {
      directory.setPassword(account.id(), proposed, false);
    } catch (DirectoryPasswordRefused refused) {
      // The directory's own policy said no; its reasons are shown like the policy's (issue 6).
      return Optional.of(
          new Refusal(
              null,
              PasswordVerdict.of(
                  0,
                  refused.reasons().stream()
                      .map(r -> PasswordRejection.of("directory_" + r))
                      .toList()),
              false));
    } catch (DirectoryUnavailable | AccountRejected unavailable) {
      return Optional.of(Refusal.current("directory_unavailable"));
    }
    events.publishEvent(
        new PasswordChanged(
            account.tenantId(),
            account.id(),
            account.id(),
            PasswordChanged.Kind.SELF_SERVICE_CHANGE,
            origin));
    return Optional.empty();
  }
}
