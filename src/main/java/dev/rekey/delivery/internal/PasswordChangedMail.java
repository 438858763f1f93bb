package dev.rekey.delivery.internal;

import dev.rekey.common.WebProperties;
import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.EmailMessage;
import dev.rekey.delivery.EmailSender;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.PasswordChanged;
import dev.rekey.policy.SsprPolicies;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells users by email that their password changed, with when, from where and what to do if it was
 * not them (ASVS 5.0 §6.3.7: notify users after updates to authentication details). Sent after the
 * change commits; a delivery failure is logged and never undoes or fails the change.
 */
@Component
class PasswordChangedMail {

  static final String TEMPLATE = "password-changed";
  private static final Logger log = LoggerFactory.getLogger(PasswordChangedMail.class);

  private final AccountDirectory directory;
  private final SsprPolicies policies;
  private final EmailSender email;
  private final Clock clock;
  private final WebProperties web;

  PasswordChangedMail(
      AccountDirectory directory,
      SsprPolicies policies,
      EmailSender email,
      Clock clock,
      WebProperties web) {
    this.directory = directory;
    this.policies = policies;
    this.email = email;
    this.clock = clock;
    this.web = web;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(PasswordChanged event) {
    Account account = directory.findById(event.accountId()).orElse(null);
    String address = account == null ? null : account.email();
    if (account == null || address == null || address.isBlank()) {
      log.info("No email address to tell account {} of its password change", event.accountId());
      return;
    }
    if (event.kind() == PasswordChanged.Kind.SELF_SERVICE_RESET
        && !policies.get(account.tenantId()).notifyUsersOnReset()) {
      return; // the tenant's policy: "notify users on password reset" off (SPEC §3)
    }
    Locale locale = MailTemplates.supported(Locale.forLanguageTag(language(account)));
    String time =
        DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", locale)
            .format(clock.instant().atZone(ZoneOffset.UTC));
    String clientIp = event.origin().clientIp();
    Map<String, Object> model = new HashMap<>();
    model.put("displayName", account.displayName());
    model.put("kind", event.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    model.put("time", time);
    model.put("clientIp", clientIp.isBlank() ? "-" : clientIp);
    model.put("userId", account.upn());
    if (!web.baseUrl().isBlank()) {
      model.put("resetUrl", web.baseUrl().replaceAll("/+$", "") + "/reset");
    }
    try {
      email.send(new EmailMessage(address, locale, TEMPLATE, model, account.tenantId()));
    } catch (RuntimeException e) {
      // The password has changed already; failing the request would only confuse the user.
      log.warn(
          "Password-change notice not delivered: {}",
          e instanceof DeliveryFailed
              ? e.getMessage()
              : TEMPLATE + " to " + Recipients.mask(address) + ", " + e.getClass().getSimpleName());
    }
  }

  private static String language(Account account) {
    String language = account.preferredLanguage();
    return language == null || language.isBlank() ? "en" : language;
  }
}
