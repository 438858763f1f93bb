package dev.rekey.delivery;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An email to render from a template and send.
 *
 * @param to the recipient's address
 * @param locale the language to write in ({@code en} or {@code nl}; others fall back to English)
 * @param template the template name under {@code templates/delivery/mail/}, without extension, e.g.
 *     {@code password-changed}; the subject is the message {@code delivery.mail.<template>.subject}
 * @param model the template variables
 * @param tenantId the tenant the message is about, if any (kept with outbox messages)
 */
public record EmailMessage(
    String to, Locale locale, String template, Map<String, Object> model, @Nullable UUID tenantId) {

  public EmailMessage {
    model = Map.copyOf(model);
  }

  public EmailMessage(String to, Locale locale, String template, Map<String, Object> model) {
    this(to, locale, template, model, null);
  }
}
