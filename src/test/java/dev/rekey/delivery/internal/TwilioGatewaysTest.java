package dev.rekey.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.PhoneGatewayProperties;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The Twilio gateways against a real HTTP server standing in for the provider. */
@ExtendWith(OutputCaptureExtension.class)
class TwilioGatewaysTest {

  private static final String SID = "AC0123456789abcdef";
  private static final String TOKEN = "s3cret-auth-token";
  private static final String FROM = "+3197010000001";
  private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

  private FakeTwilio twilio;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    twilio = new FakeTwilio();
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  @Test
  void smsIsPostedAsFormWithBasicAuth() {
    sms(Duration.ofSeconds(5))
        .send("+31 6 1234 5678", "Uw code: 12345678 – geldig 5 min & één keer");

    assertThat(twilio.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.method()).isEqualTo("POST");
              assertThat(request.path()).isEqualTo(MESSAGES);
              assertThat(request.authorization()).isEqualTo("Basic " + base64(SID + ":" + TOKEN));
              assertThat(request.form())
                  .containsExactly(
                      entry("To", "+31612345678"),
                      entry("From", FROM),
                      entry("Body", "Uw code: 12345678 – geldig 5 min & één keer"));
            });
    assertThat(sleeps).isEmpty();
  }

  @Test
  void callSpeaksEscapedTwimlDigitByDigitTwiceInTheLanguage() {
    voice(Duration.ofSeconds(5))
        .call("+31201234567", "Uw code is 12345678. <Tom & Jerry>", Locale.forLanguageTag("nl"));
    voice(Duration.ofSeconds(5)).call("+14255550100", "Your code is 9876");

    List<FakeTwilio.Recorded> calls = twilio.requests();
    assertThat(calls)
        .extracting(FakeTwilio.Recorded::path)
        .containsOnly("/2010-04-01/Accounts/" + SID + "/Calls.json");
    String dutch =
        "<Say language=\"nl-NL\">Uw code is 1, 2, 3, 4, 5, 6, 7, 8. &lt;Tom &amp; Jerry&gt;</Say>";
    assertThat(calls.get(0).form())
        .containsEntry("To", "+31201234567")
        .containsEntry("From", FROM)
        .containsEntry(
            "Twiml", "<Response>" + dutch + "<Pause length=\"1\"/>" + dutch + "</Response>");
    assertThat(calls.get(1).form().get("Twiml"))
        .startsWith("<Response><Say language=\"en-US\">Your code is 9, 8, 7, 6</Say>");
  }

  @Test
  void transientFailuresAreRetriedWithExponentialBackoff() {
    twilio.thenAnswer(429, "{\"code\":20429}").thenAnswer(503, "");

    sms(Duration.ofSeconds(5)).send("+31612345678", "code");

    assertThat(twilio.requests()).hasSize(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void refusalIsNotRetriedAndNamesTheProviderCodeOnly(CapturedOutput output) {
    twilio.thenAnswer(
        400,
        "{\"code\":21211,\"message\":\"The 'To' number +31612345678 is not a valid phone number.\","
            + "\"status\":400}");

    assertThatThrownBy(() -> sms(Duration.ofSeconds(5)).send("+31612345678", "code 424242"))
        .isInstanceOf(DeliveryFailed.class)
        .hasMessageContaining("The SMS gateway refused the message: 21211")
        .hasMessageContaining("+31•••678")
        .hasMessageNotContaining("612345678")
        .hasMessageNotContaining(TOKEN);
    assertThat(twilio.requests()).hasSize(1);
    assertThat(sleeps).isEmpty();
    assertThat(output.getOut())
        .contains("21211")
        .doesNotContain("612345678")
        .doesNotContain("424242")
        .doesNotContain(TOKEN);
  }

  @Test
  void refusalWithoutProviderCodeNamesTheStatus() {
    twilio.thenAnswer(404, "not here");
    assertThatThrownBy(() -> voice(Duration.ofSeconds(5)).call("+31612345678", "code"))
        .isInstanceOf(DeliveryFailed.class)
        .hasMessageContaining("The voice gateway refused the call: HTTP 404");
    assertThat(twilio.requests()).hasSize(1);
  }

  @Test
  void exhaustedRetriesReportTheGatewayUnavailable() {
    twilio.thenAnswer(503, "").thenAnswer(502, "").thenAnswer(500, "");

    assertThatThrownBy(() -> sms(Duration.ofSeconds(5)).send("+31612345678", "code"))
        .isInstanceOf(DeliveryFailed.class)
        .hasMessageStartingWith("The SMS gateway is unavailable")
        .hasMessageContaining("HTTP 500 after 3 attempts");
    assertThat(twilio.requests()).hasSize(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void slowGatewayTimesOutIsRetriedThenReportedUnavailable() {
    Duration slow = Duration.ofSeconds(2);
    twilio
        .thenAnswerAfter(slow, 201, "{}")
        .thenAnswerAfter(slow, 201, "{}")
        .thenAnswerAfter(slow, 201, "{}");

    assertThatThrownBy(() -> voice(Duration.ofMillis(300)).call("+31612345678", "code"))
        .isInstanceOf(DeliveryFailed.class)
        .hasMessageStartingWith("The voice gateway is unavailable")
        .hasRootCauseInstanceOf(HttpTimeoutException.class);
    assertThat(twilio.requests()).hasSize(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void unreachableGatewayIsRetriedThenReportedUnavailable() {
    URI closed = twilio.baseUrl();
    twilio.close();
    var gateway = new TwilioSmsGateway(client(closed, Duration.ofSeconds(2)), FROM);

    assertThatThrownBy(() -> gateway.send("+31612345678", "code"))
        .isInstanceOf(DeliveryFailed.class)
        .hasMessageStartingWith("The SMS gateway is unavailable");
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void numberThatIsNotE164IsRefusedWithoutARequest() {
    assertThatThrownBy(() -> sms(Duration.ofSeconds(5)).send("0612345678", "code"))
        .isInstanceOf(DeliveryFailed.class)
        .hasMessageNotContaining("612345678");
    assertThat(twilio.requests()).isEmpty();
  }

  private TwilioSmsGateway sms(Duration timeout) {
    return new TwilioSmsGateway(client(twilio.baseUrl(), timeout), FROM);
  }

  private TwilioVoiceGateway voice(Duration timeout) {
    return new TwilioVoiceGateway(client(twilio.baseUrl(), timeout), FROM);
  }

  private TwilioClient client(URI baseUrl, Duration timeout) {
    var properties =
        new PhoneGatewayProperties(
            PhoneGatewayProperties.Provider.TWILIO, baseUrl, SID, TOKEN, FROM, timeout, 3);
    return new TwilioClient(properties, sleeps::add);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }
}
