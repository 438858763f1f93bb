package dev.rekey.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.delivery.PhoneGatewayProperties.Provider;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PhoneGatewayPropertiesTest {

  private static final URI TWILIO = URI.create("https://api.twilio.com");

  @Test
  void twilioWithoutCredentialsFailsNamingWhatIsMissing() {
    assertThatThrownBy(() -> twilio(TWILIO, "AC1", " ", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rekey.delivery.phone.provider=twilio needs rekey.delivery.phone.auth-token,"
                + " rekey.delivery.phone.from-number");
  }

  @Test
  void twilioWithNonE164SenderFails() {
    assertThatThrownBy(() -> twilio(TWILIO, "AC1", "token", "06 12345678"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rekey.delivery.phone.from-number");
  }

  @Test
  void twilioWithSidThatWouldChangeThePathFails() {
    assertThatThrownBy(() -> twilio(TWILIO, "AC1/../x", "token", "+3197010000001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rekey.delivery.phone.account-sid");
  }

  @Test
  void twilioWithNonHttpBaseUrlFails() {
    assertThatThrownBy(() -> twilio(URI.create("file:///etc"), "AC1", "token", "+3197010000001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rekey.delivery.phone.base-url");
  }

  @Test
  void noProviderNeedsNothingAndPrintsNoToken() {
    assertThat(PhoneGatewayProperties.NONE.provider()).isEqualTo(Provider.NONE);
    assertThat(twilio(TWILIO, "AC1", "t0ken-value", "+3197010000001").toString())
        .contains("AC1")
        .doesNotContain("t0ken-value");
  }

  @Test
  void fourArgumentDeliveryPropertiesHaveNoPhoneGateway() {
    var properties =
        new DeliveryProperties(DeliveryProperties.Mode.LIVE, "a@b.nl", Duration.ofDays(1), 5);
    assertThat(properties.phone()).isEqualTo(PhoneGatewayProperties.NONE);
  }

  private static PhoneGatewayProperties twilio(URI baseUrl, String sid, String token, String from) {
    return new PhoneGatewayProperties(
        Provider.TWILIO, baseUrl, sid, token, from, Duration.ofSeconds(5), 3);
  }
}
