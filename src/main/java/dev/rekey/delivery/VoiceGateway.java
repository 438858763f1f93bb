package dev.rekey.delivery;

/** Places phone calls that speak a text; see {@link SmsGateway} for the implementations. */
public interface VoiceGateway {

  /**
   * Calls a number and speaks a text.
   *
   * @param e164 the phone number in E.164 form, e.g. {@code +31201234567} (spaces are tolerated)
   * @throws DeliveryFailed when the number is not E.164 or the call cannot be placed
   */
  void call(String e164, String spokenText);
}
