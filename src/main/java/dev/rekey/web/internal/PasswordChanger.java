package dev.rekey.web.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.PasswordChanged;
import dev.rekey.directory.SignedInUser;
import dev.rekey.password.PasswordPolicy;
import dev.rekey.password.PasswordVerdict;
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

  PasswordChanger(
      AccountDirectory directory, PasswordPolicy policy, ApplicationEventPublisher events) {
    this.directory = directory;
    this.policy = policy;
    this.events = events;
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
    if (account == null || account.passwordAuthority() != PasswordAuthority.REKEY) {
      return Optional.of(Refusal.current("not_managed"));
    }
    if (directory.authenticate(account.upn(), current).isEmpty()) {
      return Optional.of(Refusal.current("current_wrong"));
    }
    PasswordVerdict verdict = policy.check(account, proposed);
    boolean mismatch = !proposed.equals(confirmation);
    if (!verdict.acceptable() || mismatch) {
      return Optional.of(new Refusal(null, verdict.acceptable() ? null : verdict, mismatch));
    }
    directory.setPassword(account.id(), proposed, false);
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
