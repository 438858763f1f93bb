package dev.rekey.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ResetThrottlePropertiesTest {

  private static <T> T bind(String prefix, Class<T> type, java.util.Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
  }

  @Test
  void defaultsAreEntrasPublishedNumbers() {
    var reset = bind("rekey.throttle.reset", ResetThrottleProperties.class, java.util.Map.of());
    assertThat(reset)
        .isEqualTo(
            new ResetThrottleProperties(
                5,
                Duration.ofHours(24),
                5,
                Duration.ofHours(1),
                10,
                Duration.ofMinutes(10),
                Duration.ofHours(24)));
    var starts = bind("rekey.throttle", FlowStartProperties.class, java.util.Map.of());
    assertThat(starts).isEqualTo(new FlowStartProperties(30, Duration.ofMinutes(10)));
  }

  @Test
  void operatorsBehindANatRaiseTheFlowStartLimitByTheSpecsName() {
    var starts =
        bind(
            "rekey.throttle",
            FlowStartProperties.class,
            java.util.Map.of("rekey.throttle.flow-starts-per-ip", "500"));
    assertThat(starts.flowStartsPerIp()).isEqualTo(500);
  }

  @Test
  void nonsenseFailsAtStartUp() {
    Duration h = Duration.ofHours(1);
    assertThatThrownBy(() -> new ResetThrottleProperties(0, h, 5, h, 10, h, h))
        .hasMessageContaining("rekey.throttle.reset.failures");
    assertThatThrownBy(() -> new ResetThrottleProperties(5, h, 5, h, 10, Duration.ZERO, h))
        .hasMessageContaining("rekey.throttle.reset.email-window");
    assertThatThrownBy(() -> new ResetThrottleProperties(5, h, 5, h, 10, h, Duration.ofDays(31)))
        .hasMessageContaining("rekey.throttle.reset.block-duration");
    assertThatThrownBy(() -> new FlowStartProperties(0, h))
        .hasMessageContaining("rekey.throttle.flow-starts-per-ip");
    assertThatThrownBy(() -> new FlowStartProperties(30, Duration.ofDays(2)))
        .hasMessageContaining("rekey.throttle.flow-start-window");
  }
}
