package dev.rekey.delivery.internal;

import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.DeliveryProperties;
import dev.rekey.delivery.EmailMessage;
import dev.rekey.delivery.EmailSender;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP with the {@code spring.mail.*} settings, as multipart/alternative (plain text and
 * HTML). Connects only when a message is sent, never at start-up.
 */
@Component
@ConditionalOnProperty(prefix = "rekey.delivery", name = "mode", havingValue = "live")
class SmtpEmailSender implements EmailSender {

  private static final Logger log = LoggerFactory.getLogger(SmtpEmailSender.class);
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final JavaMailSender mailSender;
  private final MailTemplates templates;
  private final InternetAddress from;
  private final Clock clock;

  SmtpEmailSender(
      JavaMailSender mailSender,
      MailTemplates templates,
      DeliveryProperties properties,
      Clock clock) {
    this.mailSender = mailSender;
    this.templates = templates;
    this.from = properties.fromAddress();
    this.clock = clock;
  }

  @Override
  public void send(EmailMessage message) {
    String to = Recipients.email(message.to());
    RenderedMail mail = templates.render(message);
    try {
      MimeMessage mime = mailSender.createMimeMessage();
      mime.setFrom(from);
      mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
      mime.setSubject(mail.subject(), UTF_8);
      mime.setHeader("Content-Language", MailTemplates.supported(message.locale()).toLanguageTag());
      mime.setSentDate(Date.from(clock.instant()));
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), UTF_8, "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), UTF_8, "html");
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      mime.setContent(alternative);
      mailSender.send(mime);
    } catch (MessagingException | MailException e) {
      throw new DeliveryFailed(
          "could not send " + message.template() + " to " + Recipients.mask(to), e);
    }
    log.info("Sent email {} to {}", message.template(), Recipients.mask(to));
  }
}
