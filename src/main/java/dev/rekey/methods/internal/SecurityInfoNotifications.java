package dev.rekey.methods.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.EmailMessage;
import dev.rekey.delivery.EmailSender;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.methods.MethodDeleted;
import dev.rekey.methods.MethodRegistered;
import dev.rekey.methods.MethodType;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells users by email, at their primary address, that a verification method was added or removed:
 * which kind, when, from where, and to contact the helpdesk if it was not them (SPEC §4; ASVS 5.0
 * §6.3.7: notify users after updates to authentication details). Sent after the change commits; a
 * delivery failure is logged masked and never fails or undoes the change.
 */
@Component
class SecurityInfoNotifications {

  static final String ADDED = "method-added";
  static final String REMOVED = "method-removed";
  private static final Logger log = LoggerFactory.getLogger(SecurityInfoNotifications.class);

  private final AccountDirectory directory;
  private final EmailSender email;
  private final MessageSource messages;
  private final Clock clock;

  SecurityInfoNotifications(
      AccountDirectory directory, EmailSender email, MessageSource messages, Clock clock) {
    this.directory = directory;
    this.email = email;
    this.messages = messages;
    this.clock = clock;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void on(MethodRegistered event) {
    notify(event.accountId(), event.type(), event.origin(), ADDED);
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void on(MethodDeleted event) {
    notify(event.accountId(), event.type(), event.origin(), REMOVED);
  }

  private void notify(UUID accountId, MethodType type, RequestOrigin origin, String template) {
    try {
      Account account = directory.findById(accountId).orElse(null);
      String address = account == null ? null : account.email();
      if (account == null || address == null || address.isBlank()) {
        log.info("No email address to tell account {} of a security info change", accountId);
        return;
      }
      String language = account.preferredLanguage();
      Locale locale =
          Locale.forLanguageTag(language == null || language.isBlank() ? "en" : language);
      String time =
          DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", locale)
              .format(clock.instant().atZone(ZoneOffset.UTC));
      String method = messages.getMessage("methods.type." + type.code(), null, locale);
      Map<String, Object> model =
          Map.of(
              "displayName",
              account.displayName(),
              "method",
              method,
              "userId",
              account.upn(),
              "time",
              time,
              "clientIp",
              origin.clientIp().isBlank() ? "-" : origin.clientIp());
      email.send(new EmailMessage(address, locale, template, model, account.tenantId()));
    } catch (RuntimeException e) {
      // The change is done already; failing the request would only confuse the user.
      log.warn(
          "Security info notice {} for account {} not delivered: {}",
          template,
          accountId,
          // DeliveryFailed names the recipient masked only; other errors by their class.
          e instanceof DeliveryFailed ? e.getMessage() : e.getClass().getSimpleName());
    }
  }
}
