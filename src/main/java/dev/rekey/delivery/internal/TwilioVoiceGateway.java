package dev.rekey.delivery.internal;

import dev.rekey.delivery.VoiceGateway;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Places calls through a Twilio-compatible REST API ({@code POST .../Calls.json}) that speak the
 * text given inline as TwiML, so the gateway never needs to call back into Rekey.
 */
class TwilioVoiceGateway implements VoiceGateway {

  private final TwilioClient client;
  private final String from;

  TwilioVoiceGateway(TwilioClient client, String fromNumber) {
    this.client = client;
    this.from = fromNumber;
  }

  @Override
  public void call(String e164, String spokenText) {
    call(e164, spokenText, Locale.ENGLISH);
  }

  @Override
  public void call(String e164, String spokenText, Locale locale) {
    String to = Recipients.phone(e164);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("To", to);
    form.put("From", from);
    form.put("Twiml", TwiML.say(spokenText, locale));
    client.post("Calls.json", form, TwilioClient.Kind.VOICE, Recipients.mask(to));
  }
}
