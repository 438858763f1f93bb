package dev.rekey.delivery.internal;

import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.SmsGateway;
import dev.rekey.delivery.VoiceGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Live mode's SMS and voice gateway until the Twilio-compatible REST gateway arrives with the phone
 * method: it refuses clearly rather than pretending a code was sent.
 */
@Component
@ConditionalOnProperty(prefix = "rekey.delivery", name = "mode", havingValue = "live")
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
