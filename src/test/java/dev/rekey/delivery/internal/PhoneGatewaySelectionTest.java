package dev.rekey.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.rekey.delivery.DeliveryProperties;
import dev.rekey.delivery.SmsGateway;
import dev.rekey.delivery.VoiceGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Which SMS and voice gateway the properties select, and the start-up check of the settings. */
class PhoneGatewaySelectionTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(DeliveryProperties.class)
  @Import({
    OutboxPhoneGateway.class,
    UnconfiguredPhoneGateway.class,
    TwilioGatewayConfiguration.class
  })
  static class Gateways {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(Gateways.class)
          .withBean(JdbcOutbox.class, () -> mock(JdbcOutbox.class));

  private static final String[] TWILIO = {
    "rekey.delivery.phone.provider=twilio",
    "rekey.delivery.phone.account-sid=AC123",
    "rekey.delivery.phone.auth-token=token",
    "rekey.delivery.phone.from-number=+3197010000001"
  };

  @Test
  void outboxModeUsesTheOutboxWhateverTheProvider() {
    runner.run(
        context -> {
          assertThat(context.getBean(SmsGateway.class)).isInstanceOf(OutboxPhoneGateway.class);
          assertThat(context.getBean(VoiceGateway.class)).isInstanceOf(OutboxPhoneGateway.class);
        });
    runner
        .withPropertyValues(TWILIO)
        .run(
            context -> {
              assertThat(context.getBean(SmsGateway.class)).isInstanceOf(OutboxPhoneGateway.class);
              assertThat(context).doesNotHaveBean(TwilioClient.class);
            });
  }

  @Test
  void liveModeWithoutProviderRefusesPhoneMessages() {
    runner
        .withPropertyValues("rekey.delivery.mode=live")
        .run(
            context -> {
              assertThat(context.getBean(SmsGateway.class))
                  .isInstanceOf(UnconfiguredPhoneGateway.class);
              assertThat(context.getBean(VoiceGateway.class))
                  .isInstanceOf(UnconfiguredPhoneGateway.class);
            });
  }

  @Test
  void liveModeWithTwilioUsesTheRestGateways() {
    runner
        .withPropertyValues("rekey.delivery.mode=live", "rekey.delivery.phone.timeout=2s")
        .withPropertyValues(TWILIO)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(SmsGateway.class)).isInstanceOf(TwilioSmsGateway.class);
              assertThat(context.getBean(VoiceGateway.class))
                  .isInstanceOf(TwilioVoiceGateway.class);
              assertThat(context).doesNotHaveBean(UnconfiguredPhoneGateway.class);
              var phone = context.getBean(DeliveryProperties.class).phone();
              assertThat(phone.timeout()).hasSeconds(2);
              assertThat(phone.maxAttempts()).isEqualTo(3);
              assertThat(phone.baseUrl()).hasToString("https://api.twilio.com");
            });
  }

  @Test
  void twilioWithoutCredentialsFailsAtStartUp() {
    runner
        .withPropertyValues("rekey.delivery.mode=live", "rekey.delivery.phone.provider=twilio")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "rekey.delivery.phone.provider=twilio needs"
                            + " rekey.delivery.phone.account-sid, rekey.delivery.phone.auth-token,"
                            + " rekey.delivery.phone.from-number"));
  }

  @Test
  void tooManyAttemptsFailsAtStartUp() {
    runner
        .withPropertyValues("rekey.delivery.phone.max-attempts=11")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("phone.maxAttempts"));
    runner
        .withPropertyValues("rekey.delivery.phone.max-attempts=10")
        .run(context -> assertThat(context).hasNotFailed());
  }
}
