package dev.rekey.helpdesk.internal;

import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.EmailMessage;
import dev.rekey.delivery.EmailSender;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Role;
import dev.rekey.helpdesk.HelpdeskRequest;
import dev.rekey.helpdesk.HelpdeskRequests;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the tenant's helpdesk operators and admins about a request, each in their own language. The
 * mail names the user and the reason, and asks the operator to verify the person's identity before
 * helping (the request itself proves nothing: anyone can type a user ID — NIST SP 800-63B-4 §4.2
 * account recovery needs identity proofing). It never carries security info.
 */
@Component
class HelpdeskMail {

  static final String TEMPLATE = "helpdesk-request";
  private static final Logger log = LoggerFactory.getLogger(HelpdeskMail.class);

  private final AccountDirectory directory;
  private final EmailSender email;
  private final MessageSource messages;

  HelpdeskMail(AccountDirectory directory, EmailSender email, MessageSource messages) {
    this.directory = directory;
    this.email = email;
    this.messages = messages;
  }

  /**
   * Enabled helpdesk operators first, then admins, each once, never the requester, with an email
   * address; at most {@link HelpdeskRequests#MAX_RECIPIENTS} (SPEC §3).
   */
  List<Account> recipients(UUID tenantId, UUID requesterId) {
    Map<UUID, Account> chosen = new LinkedHashMap<>();
    Stream.of(Role.HELPDESK, Role.ADMIN)
        .flatMap(role -> directory.findByRole(tenantId, role).stream())
        .filter(a -> a.enabled() && !a.id().equals(requesterId))
        .filter(a -> a.email() != null && !a.email().isBlank())
        .forEach(a -> chosen.putIfAbsent(a.id(), a));
    return new ArrayList<>(chosen.values())
        .subList(0, Math.min(chosen.size(), HelpdeskRequests.MAX_RECIPIENTS));
  }

  /**
   * Emails every recipient; a failed delivery to one is logged (masked) and does not stop the rest.
   *
   * @return how many messages were handed over
   */
  int send(HelpdeskRequest request, Account user) {
    int sent = 0;
    for (Account recipient : recipients(request.tenantId(), user.id())) {
      try {
        email.send(message(request, user, recipient));
        sent++;
      } catch (DeliveryFailed e) {
        log.warn("Helpdesk request {} not delivered: {}", request.id(), e.getMessage());
      }
    }
    return sent;
  }

  private EmailMessage message(HelpdeskRequest request, Account user, Account recipient) {
    String language = recipient.preferredLanguage();
    Locale locale = Locale.forLanguageTag(language == null || language.isBlank() ? "en" : language);
    String time =
        DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", locale)
            .format(request.createdAt().atZone(ZoneOffset.UTC));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("displayName", recipient.displayName());
    model.put("userName", user.displayName());
    model.put("userId", user.upn());
    model.put("reason", messages.getMessage("helpdesk.reason." + request.reason(), null, locale));
    model.put("time", time);
    model.put("clientIp", request.clientIp().isBlank() ? "-" : request.clientIp());
    return new EmailMessage(recipient.email(), locale, TEMPLATE, model, request.tenantId());
  }
}
