package dev.rekey.reset.internal;

import dev.rekey.delivery.EmailMessage;
import dev.rekey.delivery.EmailSender;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.PasswordChanged;
import dev.rekey.directory.Role;
import dev.rekey.policy.SsprPolicies;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When an administrator resets their own password, every other administrator of the tenant is told
 * (SPEC §3 "notify all admins when another admin resets", Entra's behaviour): a takeover of an
 * admin account is the one reset others must notice. Sent after the reset commits.
 */
@Component
class AdminResetNotice {

  static final String TEMPLATE = "admin-reset";
  private static final Logger log = LoggerFactory.getLogger(AdminResetNotice.class);

  private final AccountDirectory directory;
  private final SsprPolicies policies;
  private final EmailSender email;
  private final Clock clock;

  AdminResetNotice(
      AccountDirectory directory, SsprPolicies policies, EmailSender email, Clock clock) {
    this.directory = directory;
    this.policies = policies;
    this.email = email;
    this.clock = clock;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(PasswordChanged event) {
    if (event.kind() != PasswordChanged.Kind.SELF_SERVICE_RESET) {
      return;
    }
    Account admin = directory.findById(event.accountId()).orElse(null);
    if (admin == null
        || !admin.hasRole(Role.ADMIN)
        || !policies.get(admin.tenantId()).notifyAdminsOnAdminReset()) {
      return;
    }
    Map<UUID, Account> others = new LinkedHashMap<>();
    directory.findByRole(admin.tenantId(), Role.ADMIN).stream()
        .filter(a -> !a.id().equals(admin.id()) && a.enabled())
        .filter(a -> a.email() != null && !a.email().isBlank())
        .forEach(a -> others.put(a.id(), a));
    for (Account other : others.values()) {
      Locale locale =
          Locale.forLanguageTag(
              other.preferredLanguage() == null ? "en" : other.preferredLanguage());
      Map<String, Object> model = new HashMap<>();
      model.put("displayName", other.displayName());
      model.put("adminName", admin.displayName());
      model.put("adminUserId", admin.upn());
      model.put(
          "time",
          DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", locale)
              .format(clock.instant().atZone(ZoneOffset.UTC)));
      String ip = event.origin().clientIp();
      model.put("clientIp", ip.isBlank() ? "-" : ip);
      try {
        email.send(new EmailMessage(other.email(), locale, TEMPLATE, model, admin.tenantId()));
      } catch (RuntimeException e) {
        log.warn("Admin-reset notice to account {} not delivered: {}", other.id(), e.getClass());
      }
    }
  }
}
