package dev.rekey.admin.internal;

import dev.rekey.audit.AuditProperties;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.helpdesk.HelpdeskRequest;
import dev.rekey.methods.Requirements;
import dev.rekey.methods.SecurityInfo;
import dev.rekey.throttle.ResetThrottle;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Helpdesk requests as the inbox shows them: who asked, why, and the user's account as it is now
 * (locked, blocked from SSPR, registered, in scope), so the operator sees what to do without
 * opening another page. Only facts about the account, never security info (SPEC §2).
 */
@Component
class InboxRows {

  /**
   * One table row, localised.
   *
   * @param displayName null when the account no longer exists
   * @param blockedUntil when an SSPR block lifts, formatted; null when not blocked
   */
  record Row(
      UUID id,
      String time,
      String isoTime,
      UUID accountId,
      @Nullable String userId,
      @Nullable String displayName,
      String reason,
      String clientIp,
      boolean open,
      boolean locked,
      @Nullable String blockedUntil,
      boolean registered,
      boolean ssprEnabled,
      @Nullable String handledBy,
      @Nullable String handledAt,
      @Nullable String handledIso) {

    /** Unlocking helps: the account is locked or blocked from self-service reset. */
    public boolean canUnlock() {
      return displayName != null && (locked || blockedUntil != null);
    }
  }

  private final AccountDirectory directory;
  private final ResetThrottle throttle;
  private final SecurityInfo securityInfo;
  private final MessageSource messages;
  private final AuditProperties properties;

  InboxRows(
      AccountDirectory directory,
      ResetThrottle throttle,
      SecurityInfo securityInfo,
      MessageSource messages,
      AuditProperties properties) {
    this.directory = directory;
    this.throttle = throttle;
    this.securityInfo = securityInfo;
    this.messages = messages;
    this.properties = properties;
  }

  List<Row> rows(List<HelpdeskRequest> requests, Locale locale) {
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(locale)
            .withZone(properties.timeZone());
    Map<UUID, Optional<Account>> accounts = new HashMap<>();
    return requests.stream().map(r -> row(r, accounts, format, locale)).toList();
  }

  private Row row(
      HelpdeskRequest r,
      Map<UUID, Optional<Account>> accounts,
      DateTimeFormatter format,
      Locale locale) {
    Optional<Account> user =
        accounts
            .computeIfAbsent(r.accountId(), directory::findById)
            .filter(a -> a.tenantId().equals(r.tenantId()));
    Optional<Account> handler =
        r.handledBy() == null
            ? Optional.empty()
            : accounts.computeIfAbsent(r.handledBy(), directory::findById);
    Optional<Instant> blocked = user.flatMap(a -> throttle.blockedUntil(a.id()));
    Optional<Requirements> requirements = user.map(securityInfo::requirements);
    return new Row(
        r.id(),
        time(format, r.createdAt()),
        r.createdAt().toString(),
        r.accountId(),
        user.map(Account::upn).orElse(null),
        user.map(Account::displayName).orElse(null),
        messages.getMessage("helpdesk.reason." + r.reason(), null, r.reason(), locale),
        r.clientIp().isBlank() ? "-" : r.clientIp(),
        r.handledAt() == null,
        user.map(Account::locked).orElse(false),
        blocked.map(t -> time(format, t)).orElse(null),
        requirements.map(Requirements::isRegistered).orElse(false),
        requirements.map(Requirements::ssprEnabled).orElse(false),
        handler.map(a -> a.displayName() + " (" + a.upn() + ")").orElse(null),
        r.handledAt() == null ? null : time(format, r.handledAt()),
        r.handledAt() == null ? null : r.handledAt().toString());
  }

  private String time(DateTimeFormatter format, Instant instant) {
    return format.format(instant) + " " + properties.timeZone().getId();
  }
}
