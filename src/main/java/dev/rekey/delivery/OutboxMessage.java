package dev.rekey.delivery;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message kept in the development outbox instead of being sent.
 *
 * @param to the recipient as sent: an email address in lower case or an E.164 phone number
 * @param subject the email subject; null for SMS and voice
 * @param body the plain-text body (email), the text (SMS) or the spoken text (voice)
 */
public record OutboxMessage(
    long id,
    Channel channel,
    String to,
    @Nullable String subject,
    String body,
    Instant sentAt,
    @Nullable UUID tenantId) {}
