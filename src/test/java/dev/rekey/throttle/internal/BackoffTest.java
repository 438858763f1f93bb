package dev.rekey.throttle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.throttle.SignInThrottleProperties;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  static CountingSignInThrottle throttle(int freeFailures, Duration base) {
    var properties =
        new SignInThrottleProperties(
            freeFailures,
            base,
            Duration.ofSeconds(5),
            Duration.ofMinutes(15),
            50,
            Duration.ofHours(24),
            Duration.ofHours(1));
    return new CountingSignInThrottle(null, properties, Clock.systemUTC());
  }

  @Test
  void freeFailuresCostNothingThenTheDelayDoublesUpToTheCap() {
    var throttle = throttle(3, Duration.ofMillis(250));
    Duration cap = Duration.ofSeconds(5);

    assertThat(throttle.backoff(0, cap)).isZero();
    assertThat(throttle.backoff(1, cap)).isZero();
    assertThat(throttle.backoff(2, cap)).isZero();
    assertThat(throttle.backoff(3, cap)).isEqualTo(Duration.ofMillis(250));
    assertThat(throttle.backoff(4, cap)).isEqualTo(Duration.ofMillis(500));
    assertThat(throttle.backoff(5, cap)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.backoff(6, cap)).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.backoff(7, cap)).isEqualTo(Duration.ofSeconds(4));
    assertThat(throttle.backoff(8, cap)).isEqualTo(cap);
    assertThat(throttle.backoff(1_000, cap)).isEqualTo(cap);
    assertThat(throttle.backoff(Integer.MAX_VALUE, Duration.ofMinutes(15)))
        .isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void withNoFreeFailuresTheFirstFailureAlreadyCostsTheBaseDelay() {
    var throttle = throttle(0, Duration.ofSeconds(1));
    assertThat(throttle.backoff(0, Duration.ofMinutes(1))).isZero();
    assertThat(throttle.backoff(1, Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.backoff(2, Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void zeroBaseDelayNeverDelays() {
    var throttle = throttle(3, Duration.ZERO);
    assertThat(throttle.backoff(50, Duration.ofSeconds(5))).isZero();
  }
}
