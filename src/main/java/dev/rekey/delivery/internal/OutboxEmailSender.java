package dev.rekey.delivery.internal;

import dev.rekey.delivery.Channel;
import dev.rekey.delivery.EmailMessage;
import dev.rekey.delivery.EmailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Puts email in the development outbox (subject and plain-text body) instead of sending it. */
@Component
@ConditionalOnProperty(
    prefix = "rekey.delivery",
    name = "mode",
    havingValue = "outbox",
    matchIfMissing = true)
class OutboxEmailSender implements EmailSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxEmailSender.class);

  private final MailTemplates templates;
  private final JdbcOutbox outbox;

  OutboxEmailSender(MailTemplates templates, JdbcOutbox outbox) {
    this.templates = templates;
    this.outbox = outbox;
  }

  @Override
  public void send(EmailMessage message) {
    String to = Recipients.email(message.to());
    RenderedMail mail = templates.render(message);
    outbox.append(Channel.EMAIL, to, mail.subject(), mail.text(), message.tenantId());
    log.info("Email {} to {} put in the outbox", message.template(), Recipients.mask(to));
  }
}
