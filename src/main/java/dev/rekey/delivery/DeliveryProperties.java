package dev.rekey.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery settings ({@code rekey.delivery.*}).
 *
 * @param mode {@code outbox} (the embedded default: nothing leaves the machine, messages are shown
 *     on {@code /dev/outbox}) or {@code live} (email over SMTP with the {@code spring.mail.*}
 *     settings; SMS and voice through the gateway {@code phone} names)
 * @param from the sender of every email, an RFC 5322 address such as {@code Rekey
 *     <no-reply@example.com>}; checked at start-up
 * @param outboxRetention how long the outbox keeps a message
 * @param outboxMaxMessages how many messages the outbox keeps at most
 * @param phone the SMS and voice gateway used in live mode ({@code rekey.delivery.phone.*})
 */
@Validated
@ConfigurationProperties("rekey.delivery")
public record DeliveryProperties(
    @DefaultValue("outbox") @NotNull Mode mode,
    @DefaultValue("Rekey <no-reply@rekey.local>") String from,
    @DefaultValue("7d") Duration outboxRetention,
    @DefaultValue("1000") @Min(1) @Max(1_000_000) int outboxMaxMessages,
    @DefaultValue @Valid PhoneGatewayProperties phone) {

  /** Where messages go. */
  public enum Mode {
    OUTBOX,
    LIVE
  }

  @ConstructorBinding
  public DeliveryProperties {
    try {
      new InternetAddress(from, true).validate();
    } catch (AddressException e) {
      // Fail at start-up, not at the first password change (STYLE.md: configuration).
      throw new IllegalArgumentException(
          "rekey.delivery.from is not a valid email address: " + e.getMessage(), e);
    }
    if (outboxRetention.isNegative() || outboxRetention.isZero()) {
      throw new IllegalArgumentException("rekey.delivery.outbox-retention must be positive");
    }
  }

  /** Settings without a phone gateway ({@code rekey.delivery.phone.provider=none}). */
  public DeliveryProperties(
      Mode mode, String from, Duration outboxRetention, int outboxMaxMessages) {
    this(mode, from, outboxRetention, outboxMaxMessages, PhoneGatewayProperties.NONE);
  }

  /** The sender as a mail address. */
  public InternetAddress fromAddress() {
    try {
      return new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalStateException(e);
    }
  }
}
