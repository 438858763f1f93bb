package dev.rekey.delivery;

/**
 * Sends text messages. The outbox implementation stores them; the Twilio-compatible REST gateway
 * arrives with the phone method (until then, live mode has none and fails with {@link
 * DeliveryFailed}).
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
