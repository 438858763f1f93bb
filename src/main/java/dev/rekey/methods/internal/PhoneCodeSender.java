package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.crypto.SecretCipher;
import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.SmsGateway;
import dev.rekey.delivery.VoiceGateway;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.OneTimeCodes;
import dev.rekey.methods.phone.PhoneNumber;
import dev.rekey.methods.phone.PhoneNumbers;
import dev.rekey.methods.phone.PhoneProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends one-time codes by text message or call, after the SMS-pumping checks of SPEC §5.1: the
 * country allow-list, then the hourly budgets. The text is in the request's language.
 */
@Component
class PhoneCodeSender {

  private static final Logger log = LoggerFactory.getLogger(PhoneCodeSender.class);

  private final OneTimeCodes codes;
  private final SmsGateway sms;
  private final VoiceGateway voice;
  private final PhoneBudgets budgets;
  private final PhoneProperties properties;
  private final MessageSource messages;
  private final SecretCipher cipher;
  private final Clock clock;

  PhoneCodeSender(
      OneTimeCodes codes,
      SmsGateway sms,
      VoiceGateway voice,
      PhoneBudgets budgets,
      PhoneProperties properties,
      MessageSource messages,
      SecretCipher cipher,
      Clock clock) {
    this.codes = codes;
    this.sms = sms;
    this.voice = voice;
    this.budgets = budgets;
    this.properties = properties;
    this.messages = messages;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** The E.164 number of a stored phone method, decrypted. */
  String number(StoredMethod phone) {
    return new String(
        cipher.decrypt(
            Objects.requireNonNull(phone.secret()),
            StoredMethod.context(phone.id(), MethodType.PHONE)),
        StandardCharsets.UTF_8);
  }

  /** Sends a code to a stored phone method, by its delivery preference. */
  void send(StoredMethod phone, String purpose) {
    send(phone, purpose, phone.id());
  }

  /** Sends a code for {@code purpose}/{@code subject} to a stored phone method. */
  void send(StoredMethod phone, String purpose, UUID subject) {
    send(
        phone.tenantId(),
        phone.accountId(),
        PhoneNumbers.parse(number(phone), null),
        PhoneDelivery.fromData(phone.data()),
        purpose,
        subject);
  }

  /** Refuses a number outside the country allow-list: 400 naming {@code phoneNumber}. */
  void checkCountry(PhoneNumber number) {
    if (!properties.allowList().allows(number)) {
      throw ApiProblem.invalidField("phoneNumber", "methods.phone.number.country");
    }
  }

  /**
   * Issues a code for {@code purpose}/{@code subject} and sends it.
   *
   * @throws ApiProblem 400 {@code invalid_request} (country not allowed), 429 {@code
   *     sms_budget_exceeded} (nothing sent) or 503 {@code delivery_failed}
   */
  void send(
      UUID tenantId,
      UUID accountId,
      PhoneNumber number,
      PhoneDelivery delivery,
      String purpose,
      UUID subject) {
    checkCountry(number);
    if (!budgets.take(tenantId, accountId)) {
      long seconds = Math.max(1, Duration.between(clock.instant(), budgets.nextHour()).toSeconds());
      log.warn("Phone budget spent; {} to {} not sent", delivery.code(), number.masked());
      throw new ApiProblem(
          HttpStatus.TOO_MANY_REQUESTS,
          "sms_budget_exceeded",
          "problem.sms_budget_exceeded",
          new Object[0],
          Map.of("retryAfter", seconds));
    }
    String code = codes.issue(purpose, subject);
    Locale locale = LocaleContextHolder.getLocale();
    try {
      switch (delivery) {
        case SMS ->
            sms.send(
                number.e164(),
                messages.getMessage("methods.phone.sms.text", new Object[] {code}, locale));
        case VOICE ->
            voice.call(
                number.e164(),
                messages.getMessage("methods.phone.voice.text", new Object[] {code}, locale),
                locale);
      }
    } catch (DeliveryFailed e) {
      // The gateway's message names the number masked only; the code never reaches a log.
      log.warn("Phone code not delivered: {}", e.getMessage());
      throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "delivery_failed");
    }
  }
}
