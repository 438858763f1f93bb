package dev.rekey.delivery;

import java.util.Locale;

/** Places phone calls that speak a text; see {@link SmsGateway} for the implementations. */
public interface VoiceGateway {

  /**
   * Calls a number and speaks a text in English.
   *
   * @param e164 the phone number in E.164 form, e.g. {@code +31201234567} (spaces are tolerated)
   * @throws DeliveryFailed when the number is not E.164 or the call cannot be placed
   */
  void call(String e164, String spokenText);

  /**
   * Calls a number and speaks a text in a language ({@code nl} is spoken in Dutch, anything else in
   * English). Runs of four or more digits, such as a code, are read digit by digit, and the text is
   * spoken twice.
   *
   * @throws DeliveryFailed when the number is not E.164 or the call cannot be placed
   */
  default void call(String e164, String spokenText, Locale locale) {
    call(e164, spokenText);
  }
}
