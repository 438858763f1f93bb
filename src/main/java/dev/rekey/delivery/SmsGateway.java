package dev.rekey.delivery;

/**
 * Sends text messages. The outbox implementation stores them; in live mode the Twilio-compatible
 * REST gateway sends them ({@code rekey.delivery.phone.provider=twilio}), and without one every
 * message fails with {@link DeliveryFailed}.
 */
public interface SmsGateway {

  /**
   * Sends a text message.
   *
   * @param e164 the phone number in E.164 form, e.g. {@code +31612345678} (spaces are tolerated)
   * @throws DeliveryFailed when the number is not E.164 or the message cannot be handed over
   */
  void send(String e164, String text);
}
