package dev.rekey.methods.internal;

import dev.rekey.crypto.SecretCipher;
import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.EmailMessage;
import dev.rekey.delivery.EmailSender;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.OneTimeCodes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Issues one-time codes for alternate email addresses and mails them, in the language of the
 * request; decrypts the stored address to send to.
 */
@Component
class EmailCodes {

  static final String TEMPLATE = "method-code";
  private static final Logger log = LoggerFactory.getLogger(EmailCodes.class);

  private final OneTimeCodes codes;
  private final EmailSender email;
  private final SecretCipher cipher;

  EmailCodes(OneTimeCodes codes, EmailSender email, SecretCipher cipher) {
    this.codes = codes;
    this.email = email;
    this.cipher = cipher;
  }

  /** Issues a new code for {@code purpose} and {@code subject} and mails it; false if not sent. */
  boolean send(String purpose, UUID subject, String address, UUID tenantId) {
    String code = codes.issue(purpose, subject);
    Map<String, Object> model =
        Map.of("code", code, "minutes", JdbcOneTimeCodes.LIFETIME.toMinutes());
    try {
      email.send(
          new EmailMessage(address, LocaleContextHolder.getLocale(), TEMPLATE, model, tenantId));
      return true;
    } catch (DeliveryFailed e) {
      // DeliveryFailed names the recipient masked only (ASVS 5.0 §16.2.5: no contact data in logs).
      log.warn("Code for {} not delivered: {}", purpose, e.getMessage());
      return false;
    }
  }

  /** Sends a code to a stored (pending or active) alternate email. */
  boolean send(String purpose, StoredMethod method) {
    return send(purpose, method.id(), address(method), method.tenantId());
  }

  String address(StoredMethod method) {
    byte[] secret = method.secret();
    if (secret == null || method.type() != MethodType.EMAIL) {
      throw new IllegalStateException("not an email method with an address: " + method.id());
    }
    return new String(
        cipher.decrypt(secret, StoredMethod.context(method.id(), MethodType.EMAIL)),
        StandardCharsets.UTF_8);
  }
}
