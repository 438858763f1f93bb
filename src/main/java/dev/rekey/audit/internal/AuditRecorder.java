package dev.rekey.audit.internal;

import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.Audited;
import dev.rekey.audit.NewAuditEvent;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Resolves the accounts an event names to user IDs, then appends it to the log. */
@Component
class AuditRecorder {

  static final String ANONYMOUS = "anonymous";
  static final String SYSTEM = "system";

  private final AuditLog log;
  private final AccountDirectory directory;

  AuditRecorder(AuditLog log, AccountDirectory directory) {
    this.log = log;
    this.directory = directory;
  }

  AuditEvent record(Audited event) {
    String actorLabel =
        event.actorId() != null
            ? upn(event.actorId()).orElse(event.actorId().toString())
            : RequestOrigin.system().equals(event.origin()) ? SYSTEM : ANONYMOUS;
    String targetLabel =
        event.targetAccountId() != null
            ? upn(event.targetAccountId()).orElse(typed(event.targetUserId()))
            : typed(event.targetUserId());
    return log.record(
        new NewAuditEvent(
            event.tenantId(),
            event.actorId(),
            actorLabel,
            event.targetAccountId(),
            targetLabel,
            event.activity(),
            event.result(),
            event.method(),
            event.reason(),
            event.origin(),
            event.flowId(),
            event.details()));
  }

  private Optional<String> upn(UUID accountId) {
    return directory.findById(accountId).map(Account::upn);
  }

  /** What was typed, kept so admins can see probing for user IDs that do not exist. */
  private static @Nullable String typed(@Nullable String userId) {
    if (userId == null || userId.isBlank()) {
      return null;
    }
    String stripped = userId.strip();
    return stripped.length() > 320 ? stripped.substring(0, 320) : stripped;
  }
}
