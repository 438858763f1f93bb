package dev.rekey.admin.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditPage;
import dev.rekey.audit.AuditProperties;
import dev.rekey.audit.AuditQuery;
import dev.rekey.audit.AuditResult;
import dev.rekey.directory.Account;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A user's registration and reset history for the user page: the newest audit events about the
 * account (it is their target), sign-ins and sign-outs left out as noise.
 */
@Component
class UserHistory {

  static final int LIMIT = 20;
  private static final int BATCH = 100;
  private static final int MAX_BATCHES = 10;
  private static final Set<String> NOISE =
      Set.of(AuditActivity.SIGNED_IN.entraName(), AuditActivity.SIGNED_OUT.entraName());

  /** One line of the history, localised. */
  record Entry(
      String time, String isoTime, String activity, String result, String actor, String method) {}

  private final AuditLog log;
  private final AuditProperties properties;
  private final MessageSource messages;

  UserHistory(AuditLog log, AuditProperties properties, MessageSource messages) {
    this.log = log;
    this.properties = properties;
    this.messages = messages;
  }

  List<AuditEvent> recent(Account account) {
    List<AuditEvent> found = new ArrayList<>();
    for (int page = 0; page < MAX_BATCHES && found.size() < LIMIT; page++) {
      AuditPage batch =
          log.find(
              new AuditQuery(
                  account.tenantId(), null, null, account.upn(), null, null, page, BATCH));
      batch.items().stream()
          .filter(e -> account.id().equals(e.targetAccountId()))
          .filter(e -> !NOISE.contains(e.activity()))
          .forEach(found::add);
      if (!batch.hasNext()) {
        break;
      }
    }
    return found.size() > LIMIT ? List.copyOf(found.subList(0, LIMIT)) : List.copyOf(found);
  }

  List<Entry> entries(Account account, Locale locale) {
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(locale)
            .withZone(properties.timeZone());
    return recent(account).stream()
        .map(
            e ->
                new Entry(
                    format.format(e.occurredAt()) + " " + properties.timeZone().getId(),
                    e.occurredAt().toString(),
                    AuditActivity.fromName(e.activity())
                        .map(a -> messages.getMessage(a.messageKey(), null, e.activity(), locale))
                        .orElse(e.activity()),
                    AuditResult.fromName(e.result())
                        .map(r -> messages.getMessage(r.messageKey(), null, e.result(), locale))
                        .orElse(e.result()),
                    e.actorLabel(),
                    e.method() == null ? "" : e.method()))
        .toList();
  }
}
