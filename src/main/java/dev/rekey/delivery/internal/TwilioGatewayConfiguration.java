package dev.rekey.delivery.internal;

import dev.rekey.delivery.DeliveryProperties;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Live mode with {@code rekey.delivery.phone.provider=twilio}: SMS and calls through the
 * Twilio-compatible REST gateway. The settings were checked at start-up ({@code
 * PhoneGatewayProperties}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "rekey.delivery", name = "mode", havingValue = "live")
@ConditionalOnProperty(prefix = "rekey.delivery.phone", name = "provider", havingValue = "twilio")
class TwilioGatewayConfiguration {

  @Bean
  TwilioClient twilioClient(DeliveryProperties properties) {
    return new TwilioClient(properties.phone(), duration -> Thread.sleep(duration.toMillis()));
  }

  @Bean
  TwilioSmsGateway twilioSmsGateway(TwilioClient client, DeliveryProperties properties) {
    return new TwilioSmsGateway(client, Objects.requireNonNull(properties.phone().fromNumber()));
  }

  @Bean
  TwilioVoiceGateway twilioVoiceGateway(TwilioClient client, DeliveryProperties properties) {
    return new TwilioVoiceGateway(client, Objects.requireNonNull(properties.phone().fromNumber()));
  }
}
