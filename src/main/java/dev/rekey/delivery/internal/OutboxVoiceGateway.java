package dev.rekey.delivery.internal;

import dev.rekey.delivery.Channel;
import dev.rekey.delivery.VoiceGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Puts phone calls in the development outbox as the text that would have been spoken. */
@Component
@ConditionalOnProperty(
    prefix = "rekey.delivery",
    name = "mode",
    havingValue = "outbox",
    matchIfMissing = true)
class OutboxVoiceGateway implements VoiceGateway {

  private static final Logger log = LoggerFactory.getLogger(OutboxVoiceGateway.class);

  private final JdbcOutbox outbox;

  OutboxVoiceGateway(JdbcOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void call(String e164, String spokenText) {
    String to = Recipients.phone(e164);
    outbox.append(Channel.VOICE, to, null, spokenText, null);
    log.info("Voice call to {} put in the outbox", Recipients.mask(to));
  }
}
