package dev.rekey.delivery.internal;

import dev.rekey.delivery.Channel;
import dev.rekey.delivery.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Puts text messages in the development outbox instead of sending them. */
@Component
@ConditionalOnProperty(
    prefix = "rekey.delivery",
    name = "mode",
    havingValue = "outbox",
    matchIfMissing = true)
class OutboxSmsGateway implements SmsGateway {

  private static final Logger log = LoggerFactory.getLogger(OutboxSmsGateway.class);

  private final JdbcOutbox outbox;

  OutboxSmsGateway(JdbcOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void send(String e164, String text) {
    String to = Recipients.phone(e164);
    outbox.append(Channel.SMS, to, null, text, null);
    log.info("SMS to {} put in the outbox", Recipients.mask(to));
  }
}
