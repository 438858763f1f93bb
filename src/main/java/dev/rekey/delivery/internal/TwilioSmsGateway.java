package dev.rekey.delivery.internal;

import dev.rekey.delivery.SmsGateway;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends text messages through a Twilio-compatible REST API ({@code POST .../Messages.json}). */
class TwilioSmsGateway implements SmsGateway {

  private final TwilioClient client;
  private final String from;

  TwilioSmsGateway(TwilioClient client, String fromNumber) {
    this.client = client;
    this.from = fromNumber;
  }

  @Override
  public void send(String e164, String text) {
    String to = Recipients.phone(e164);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("To", to);
    form.put("From", from);
    form.put("Body", text);
    client.post("Messages.json", form, TwilioClient.Kind.SMS, Recipients.mask(to));
  }
}
