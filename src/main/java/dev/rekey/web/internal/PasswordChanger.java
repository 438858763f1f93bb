package dev.rekey.web.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.PasswordChanged;
import dev.rekey.directory.SignedInUser;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A signed-in user changes their own password (SPEC §5.2): the current one must be right, the new
 * one must pass the password rules. Until the full password policy lands this enforces length
 * (8-256 characters, NIST SP 800-63B-4 §3.1.1.2: no composition rules, no truncation) and history.
 */
@Service
class PasswordChanger {

  static final int MIN_LENGTH = 8;
  static final int MAX_LENGTH = 256;

  /** Why a change was refused; the code is a message key suffix. */
  record Refusal(String field, String code) {}

  /**
   * Message arguments for a refusal code. Only the length messages take arguments: a message that
   * takes arguments is a MessageFormat pattern, where a lone apostrophe would be swallowed.
   */
  static Object[] arguments(String code) {
    return code.startsWith("too_") ? new Object[] {MIN_LENGTH, MAX_LENGTH} : new Object[0];
  }

  private final AccountDirectory directory;
  private final ApplicationEventPublisher events;

  PasswordChanger(AccountDirectory directory, ApplicationEventPublisher events) {
    this.directory = directory;
    this.events = events;
  }

  Optional<Refusal> change(
      SignedInUser user,
      String current,
      String proposed,
      String confirmation,
      RequestOrigin origin) {
    Account account = directory.findById(user.accountId()).orElse(null);
    if (account == null || account.passwordAuthority() != PasswordAuthority.REKEY) {
      return Optional.of(new Refusal("currentPassword", "not_managed"));
    }
    if (directory.authenticate(account.upn(), current).isEmpty()) {
      return Optional.of(new Refusal("currentPassword", "current_wrong"));
    }
    int length = proposed.codePointCount(0, proposed.length());
    if (length < MIN_LENGTH) {
      return Optional.of(new Refusal("newPassword", "too_short"));
    }
    if (length > MAX_LENGTH) {
      return Optional.of(new Refusal("newPassword", "too_long"));
    }
    if (!proposed.equals(confirmation)) {
      return Optional.of(new Refusal("confirmPassword", "mismatch"));
    }
    if (directory.isRecentPassword(account.id(), proposed)) {
      return Optional.of(new Refusal("newPassword", "reused"));
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
