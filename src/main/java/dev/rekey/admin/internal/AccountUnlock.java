package dev.rekey.admin.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditResult;
import dev.rekey.audit.Audited;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.SignedInUser;
import dev.rekey.throttle.ResetThrottle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A helpdesk operator or admin unlocks an account: the directory lock goes, any SSPR block is
 * lifted and the reset counters cleared (SPEC Appendix A, §5.1 "admins can lift it"). Audited as
 * "Unlock user account (by admin)" with what there was to undo.
 */
@Service
class AccountUnlock {

  private final AccountDirectory directory;
  private final ResetThrottle throttle;
  private final ApplicationEventPublisher events;

  AccountUnlock(
      AccountDirectory directory, ResetThrottle throttle, ApplicationEventPublisher events) {
    this.directory = directory;
    this.throttle = throttle;
    this.events = events;
  }

  @Transactional
  void unlock(SignedInUser operator, Account account, RequestOrigin origin) {
    boolean ssprBlocked = throttle.blockedUntil(account.id()).isPresent();
    directory.setLocked(account.id(), false);
    throttle.lift(account.id());
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    details.put("wasLocked", account.locked());
    details.put("ssprBlockLifted", ssprBlocked);
    events.publishEvent(
        new Audited(
            account.tenantId(),
            operator.accountId(),
            account.id(),
            null,
            AuditActivity.UNLOCK_BY_ADMIN,
            AuditResult.SUCCEEDED,
            null,
            null,
            origin,
            null,
            details));
  }
}
