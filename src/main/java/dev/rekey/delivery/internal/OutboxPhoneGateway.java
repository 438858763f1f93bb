package dev.rekey.delivery.internal;

import dev.rekey.delivery.Channel;
import dev.rekey.delivery.SmsGateway;
import dev.rekey.delivery.VoiceGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Puts text messages, and calls as the text that would have been spoken, in the development outbox
 * instead of sending them.
 */
@Component
@ConditionalOnProperty(
    prefix = "rekey.delivery",
    name = "mode",
    havingValue = "outbox",
    matchIfMissing = true)
class OutboxPhoneGateway implements SmsGateway, VoiceGateway {

  private static final Logger log = LoggerFactory.getLogger(OutboxPhoneGateway.class);

  private final JdbcOutbox outbox;

  OutboxPhoneGateway(JdbcOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void send(String e164, String text) {
    String to = Recipients.phone(e164);
    outbox.append(Channel.SMS, to, null, text, null);
    log.info("SMS to {} put in the outbox", Recipients.mask(to));
  }

  @Override
  public void call(String e164, String spokenText) {
    String to = Recipients.phone(e164);
    outbox.append(Channel.VOICE, to, null, spokenText, null);
    log.info("Voice call to {} put in the outbox", Recipients.mask(to));
  }
}
