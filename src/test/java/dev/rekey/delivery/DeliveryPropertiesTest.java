package dev.rekey.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryPropertiesTest {

  @Test
  void fromWithDisplayNameParses() {
    var properties =
        new DeliveryProperties(
            DeliveryProperties.Mode.LIVE, "Rekey <no-reply@contoso.com>", Duration.ofDays(7), 10);
    assertThat(properties.fromAddress().getAddress()).isEqualTo("no-reply@contoso.com");
    assertThat(properties.fromAddress().getPersonal()).isEqualTo("Rekey");
  }

  @Test
  void malformedFromFailsAtStartUp() {
    assertThatThrownBy(
            () ->
                new DeliveryProperties(
                    DeliveryProperties.Mode.OUTBOX, "Rekey <no-reply", Duration.ofDays(7), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rekey.delivery.from");
  }

  @Test
  void nonPositiveRetentionFailsAtStartUp() {
    assertThatThrownBy(
            () ->
                new DeliveryProperties(
                    DeliveryProperties.Mode.OUTBOX, "no-reply@rekey.local", Duration.ZERO, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
