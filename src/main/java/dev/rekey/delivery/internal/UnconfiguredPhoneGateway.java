package dev.rekey.delivery.internal;

import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.SmsGateway;
import dev.rekey.delivery.VoiceGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Live mode's SMS and voice gateway when none is configured ({@code
 * rekey.delivery.phone.provider=none}): it refuses clearly rather than pretending a code was sent.
 */
@Component
@ConditionalOnProperty(prefix = "rekey.delivery", name = "mode", havingValue = "live")
@ConditionalOnProperty(
    prefix = "rekey.delivery.phone",
    name = "provider",
    havingValue = "none",
    matchIfMissing = true)
class UnconfiguredPhoneGateway implements SmsGateway, VoiceGateway {

  @Override
  public void send(String e164, String text) {
    throw new DeliveryFailed(
        "no SMS gateway configured (SMS to " + Recipients.mask(e164) + " not sent)");
  }

  @Override
  public void call(String e164, String spokenText) {
    throw new DeliveryFailed(
        "no voice gateway configured (call to " + Recipients.mask(e164) + " not placed)");
  }
}
